package io.socialcare.listening.messaging;

import java.util.List;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.socialcare.testing.KafkaBrokerResource;

/**
 * The service with the producer of {@code alerts} behind a {@link TcpProxy} that starts closed (mentions go to the
 * broker directly), a small crisis threshold and short producer and relay timings.
 */
public class AlertOutageProfile implements QuarkusTestProfile {

    static TcpProxy alertsProxy;

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(ProxyResource.class));
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "mp.messaging.outgoing.alerts.max.block.ms", "3000",
                "mp.messaging.outgoing.alerts.request.timeout.ms", "1000",
                "mp.messaging.outgoing.alerts.delivery.timeout.ms", "2000",
                "listening.crisis.min-count", "5",
                "listening.relay.lease", "7s",
                "listening.relay.every", "1s");
    }

    public static class ProxyResource implements QuarkusTestResourceLifecycleManager {

        @Override
        public Map<String, String> start() {
            try {
                alertsProxy = new TcpProxy(KafkaBrokerResource.bootstrapServers());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return Map.of("mp.messaging.outgoing.alerts.bootstrap.servers", alertsProxy.address());
        }

        @Override
        public void stop() {
            if (alertsProxy != null) {
                alertsProxy.close();
            }
        }
    }
}
