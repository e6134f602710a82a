package io.socialcare.testing;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.socialcare.stack.MongoWireServer;

/**
 * The MongoDB wire-protocol server, in memory, shared by every test class of the JVM. Sets
 * {@code quarkus.mongodb.connection-string}.
 */
public class MongoWireResource implements QuarkusTestResourceLifecycleManager {

    private static MongoWireServer server;

    public static synchronized String connectionString() {
        if (server == null) {
            try {
                server = MongoWireServer.inMemory();
            } catch (Exception e) {
                throw new IllegalStateException("Could not start the MongoDB wire server", e);
            }
            MongoWireServer started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "test-mongo-shutdown"));
        }
        return server.connectionString();
    }

    @Override
    public Map<String, String> start() {
        return Map.of("quarkus.mongodb.connection-string", connectionString());
    }

    @Override
    public void stop() {
        // shared by every test class of the JVM; stopped by the shutdown hook
    }
}
