package io.socialcare.routing;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.socialcare.testing.KafkaBrokerResource;
import io.socialcare.testing.PostgresResource;

/**
 * The real servers every test of this module runs against: a Kafka broker in the test JVM, the store, and the
 * OIDC test server that signs tokens.
 */
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "routing_test"))
@QuarkusTestResource(OidcWiremockTestResource.class)
public final class TestStack {

    private TestStack() {
    }
}
