package io.socialcare.testing;

import java.nio.file.Files;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.socialcare.stack.KafkaBroker;

/**
 * A real Kafka broker (KRaft, one node) in the test JVM, started once and shared by every test class of the
 * module. Sets {@code kafka.bootstrap.servers}.
 */
public class KafkaBrokerResource implements QuarkusTestResourceLifecycleManager {

    private static KafkaBroker broker;

    public static synchronized KafkaBroker broker() {
        if (broker == null) {
            try {
                broker = KafkaBroker.start(Files.createTempDirectory("kafka-test"), 0, 0, 3);
            } catch (Exception e) {
                throw new IllegalStateException("Could not start the test Kafka broker", e);
            }
            KafkaBroker started = broker;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "test-kafka-shutdown"));
        }
        return broker;
    }

    public static String bootstrapServers() {
        return broker().bootstrapServers();
    }

    @Override
    public Map<String, String> start() {
        return Map.of("kafka.bootstrap.servers", bootstrapServers());
    }

    @Override
    public void stop() {
        // shared by every test class of the JVM; stopped by the shutdown hook
    }
}
