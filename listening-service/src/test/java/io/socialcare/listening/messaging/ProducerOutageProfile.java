package io.socialcare.listening.messaging;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.socialcare.testing.KafkaBrokerResource;

/**
 * The service with the producer of one outgoing channel behind a {@link TcpProxy} that starts closed: Kafka is
 * unreachable for that channel until the test opens the proxy. Shorter producer and relay timings keep tests fast.
 */
public abstract class ProducerOutageProfile implements QuarkusTestProfile {

    private static final Map<String, TcpProxy> PROXIES = new ConcurrentHashMap<>();

    private final String channel;

    protected ProducerOutageProfile(String channel) {
        this.channel = channel;
    }

    /** The proxy in front of {@code channel}'s producer, for the test to open. */
    static TcpProxy proxy(String channel) {
        return PROXIES.get(channel);
    }

    /** Settings this profile adds to the producer and relay timings. */
    protected Map<String, String> extraOverrides() {
        return Map.of();
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(ProxyResource.class, Map.of("channel", channel)));
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        String prefix = "mp.messaging.outgoing." + channel + ".";
        Map<String, String> overrides = new HashMap<>(Map.of(
                prefix + "max.block.ms", "3000",
                prefix + "request.timeout.ms", "1000",
                prefix + "delivery.timeout.ms", "2000",
                "listening.relay.lease", "7s",
                "listening.relay.every", "1s"));
        overrides.putAll(extraOverrides());
        return overrides;
    }

    public static class ProxyResource implements QuarkusTestResourceLifecycleManager {

        private String channel;

        @Override
        public void init(Map<String, String> initArgs) {
            channel = initArgs.get("channel");
        }

        @Override
        public Map<String, String> start() {
            try {
                TcpProxy proxy = new TcpProxy(KafkaBrokerResource.bootstrapServers());
                PROXIES.put(channel, proxy);
                return Map.of("mp.messaging.outgoing." + channel + ".bootstrap.servers", proxy.address());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void stop() {
            TcpProxy proxy = PROXIES.remove(channel);
            if (proxy != null) {
                proxy.close();
            }
        }
    }
}
