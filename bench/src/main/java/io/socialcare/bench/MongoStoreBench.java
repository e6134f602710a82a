package io.socialcare.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.bson.Document;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import io.socialcare.stack.MongoWireServer;

/**
 * The MongoDB wire server's file stores side by side, as listening-service writes mentions: 1 KiB documents with a
 * random {@code _id} and a unique {@code source}, unordered inserts of 500, and a look-up by source after each (as
 * duplicate detection does). Prints the insert rate over each 10,000 documents as the store grows, for the library's
 * own H2 backend (Java serialization) and for the suite's {@code BsonH2Backend}.
 * <p>
 * {@code java -cp "bench/target/bench-1.0.0-SNAPSHOT.jar:bench/target/lib/*" io.socialcare.bench.MongoStoreBench [documents]}
 */
public final class MongoStoreBench {

    private MongoStoreBench() {
    }

    public static void main(String[] args) throws Exception {
        int documents = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path dir = Files.createTempDirectory("mongo-store-bench");
        System.out.println("| store | documents | inserts/s over the last 10,000 | file |");
        System.out.println("|---|---|---|---|");
        run("library H2 backend", documents, dir.resolve("library.mv"), true);
        run("BsonH2Backend", documents, dir.resolve("bson.mv"), false);
    }

    private static void run(String name, int documents, Path file, boolean library) throws Exception {
        AutoCloseable server;
        String connection;
        if (library) {
            H2Backend backend = new H2Backend(file.toString());
            MongoServer mongo = new MongoServer(backend);
            connection = "mongodb://127.0.0.1:" + mongo.bind().getPort();
            server = () -> {
                mongo.shutdownNow();
                backend.close();
            };
        } else {
            MongoWireServer mongo = MongoWireServer.file(file, 0);
            connection = mongo.connectionString();
            server = mongo;
        }
        String padding = "x".repeat(900);
        try (MongoClient client = MongoClients.create(connection)) {
            MongoCollection<Document> mentions = client.getDatabase("listening").getCollection("mentions");
            mentions.createIndex(Indexes.ascending("source"), new IndexOptions().unique(true));
            long last = System.nanoTime();
            for (int n = 0; n < documents;) {
                List<Document> batch = new ArrayList<>(500);
                for (int i = 0; i < 500; i++, n++) {
                    batch.add(new Document("_id", UUID.randomUUID().toString()).append("brand", "acme")
                            .append("channel", "x").append("externalId", "ext-" + n).append("source", "x/ext-" + n)
                            .append("author", new Document("id", "u" + n % 5000).append("handle", "@u" + n))
                            .append("text", "Qué maravilla, otra vez sin conexión " + n + " " + padding)
                            .append("analysis", new Document("language", "es")
                                    .append("sentiment", new Document("label", "negative").append("score", -0.6))
                                    .append("intent", "complaint").append("urgency", "high")
                                    .append("topics", List.of("conexion", "fibra")))
                            .append("publishedAt", new Date()).append("capturedAt", new Date()));
                }
                mentions.insertMany(batch, new InsertManyOptions().ordered(false));
                mentions.find(Filters.in("source", List.of("x/ext-1", "x/ext-" + (n - 1)))).into(new ArrayList<>());
                if (n % 10_000 == 0) {
                    long now = System.nanoTime();
                    System.out.printf("| %s | %,d | %,.0f | %d MiB |%n", name, n, 10_000 / ((now - last) / 1e9),
                            Files.size(file) >> 20);
                    last = now;
                }
            }
        } finally {
            server.close();
        }
    }
}
