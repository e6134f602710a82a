package io.socialcare.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.socialcare.stack.mongo.BsonH2Backend;

/**
 * The MongoDB wire-protocol server used as the embedded default for local runs (an H2 file that stores BSON, data
 * kept across restarts: {@link BsonH2Backend}) and tests (in memory). It is a stand-in: production uses real MongoDB, and the services
 * only issue queries valid on both.
 */
public final class MongoWireServer implements AutoCloseable {

    private final MongoServer server;
    private final MongoBackend backend;
    private final String connectionString;

    private MongoWireServer(MongoServer server, MongoBackend backend, String connectionString) {
        this.server = server;
        this.backend = backend;
        this.connectionString = connectionString;
    }

    /** An in-memory server on a free loopback port. */
    public static MongoWireServer inMemory() throws Exception {
        return start(new MemoryBackend(), 0);
    }

    /** The page cache of a file-backed server, in MiB: decoded pages of the most used documents and index keys. */
    static final int CACHE_MEGABYTES = Integer.getInteger("socialcare.mongo.cache-mb", 64);

    /** A server that keeps its data in an H2 file. */
    public static MongoWireServer file(Path file, int port) throws Exception {
        Files.createDirectories(file.toAbsolutePath().getParent());
        return start(BsonH2Backend.open(file.toAbsolutePath().toString(), CACHE_MEGABYTES), port);
    }

    private static MongoWireServer start(MongoBackend backend, int port) throws Exception {
        MongoServer server = new MongoServer(backend);
        int actual = port == 0 ? KafkaBroker.freePort() : port;
        server.bind("127.0.0.1", actual);
        return new MongoWireServer(server, backend, "mongodb://127.0.0.1:" + actual);
    }

    public String connectionString() {
        return connectionString;
    }

    @Override
    public void close() {
        server.shutdownNow();
        if (backend instanceof BsonH2Backend file) {
            file.commit();
            file.close();
        }
    }

    /** {@code java io.socialcare.stack.MongoWireServer DATA_FILE [PORT]} */
    public static void main(String[] args) throws Exception {
        Path file = Path.of(args.length > 0 ? args[0] : ".suite/data/mongo/store.bson.mv");
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 27017;
        MongoWireServer mongo = file(file, port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            mongo.close();
            stopped.countDown();
        }, "mongo-shutdown"));
        System.out.println("MongoDB wire server ready on " + mongo.connectionString());
        stopped.await();
    }
}
