package io.socialcare.feedback;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.socialcare.testing.KafkaBrokerResource;
import io.socialcare.testing.MongoWireResource;

/**
 * The real servers every test of this module runs against: a Kafka broker in the test JVM, the store, and the
 * OIDC test server that signs tokens.
 */
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(MongoWireResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
public final class TestStack {

    private TestStack() {
    }
}
