package io.socialcare.response;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.socialcare.testing.KafkaBrokerResource;
import io.socialcare.testing.PostgresResource;

/**
 * The real servers every test of this module runs against: a Kafka broker in the test JVM, the store, the
 * OIDC test server that signs tokens, and the channel sandbox that stands in for the networks.
 */
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "response_test"))
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(SandboxResource.class)
public final class TestStack {

    private TestStack() {
    }
}
