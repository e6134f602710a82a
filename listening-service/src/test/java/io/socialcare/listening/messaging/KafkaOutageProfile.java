package io.socialcare.listening.messaging;

import java.util.List;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.socialcare.testing.KafkaBrokerResource;

/**
 * The service with its producer behind a {@link TcpProxy} that starts closed: Kafka is unreachable until the test
 * opens it. Shorter producer and relay timings keep the test fast.
 */
public class KafkaOutageProfile implements QuarkusTestProfile {

    static TcpProxy proxy;

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(ProxyResource.class));
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "mp.messaging.outgoing.mentions.max.block.ms", "3000",
                "mp.messaging.outgoing.mentions.request.timeout.ms", "1000",
                "mp.messaging.outgoing.mentions.delivery.timeout.ms", "2000",
                "listening.relay.lease", "7s",
                "listening.relay.every", "1s");
    }

    public static class ProxyResource implements QuarkusTestResourceLifecycleManager {

        @Override
        public Map<String, String> start() {
            try {
                proxy = new TcpProxy(KafkaBrokerResource.bootstrapServers());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return Map.of("mp.messaging.outgoing.mentions.bootstrap.servers", proxy.address());
        }

        @Override
        public void stop() {
            if (proxy != null) {
                proxy.close();
            }
        }
    }
}
