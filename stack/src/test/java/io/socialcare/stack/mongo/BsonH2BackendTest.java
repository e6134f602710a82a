package io.socialcare.stack.mongo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

import io.socialcare.stack.MongoWireServer;

/**
 * The wire server's file store, through the real MongoDB driver: every BSON type the services write comes back
 * unchanged after a restart, unique indexes survive it and keep MongoDB's rules, and dropped collections leave no
 * index entries behind.
 */
class BsonH2BackendTest {

    @TempDir
    Path dir;

    private void withServer(Consumer<MongoCollection<Document>> work) throws Exception {
        try (MongoWireServer server = MongoWireServer.file(dir.resolve("store.bson.mv"), 0);
                MongoClient client = MongoClients.create(server.connectionString())) {
            work.accept(client.getDatabase("listening").getCollection("mentions"));
        }
    }

    private static Document mention(int i) {
        return new Document("_id", "m-" + i)
                .append("source", "x/" + i)
                .append("brand", "acme")
                .append("text", "Qué maravilla, otra vez sin conexión ñ € \uD83D\uDE21 " + i)
                .append("count", i)
                .append("big", 10_000_000_000L + i)
                .append("score", -0.25 * i)
                .append("flag", i % 2 == 0)
                .append("none", null)
                .append("at", new Date(1_700_000_000_000L + i))
                .append("oid", new ObjectId("65a1b2c3d4e5f60718293a4b"))
                .append("amount", Decimal128.parse("12.50"))
                .append("raw", new Binary(new byte[] {1, 2, 3, (byte) i}))
                .append("author", new Document("id", "u" + i).append("handles", List.of("@a", "@b")))
                .append("topics", List.of("fibra", new Document("k", 1), 3.5));
    }

    @Test
    void documentsAndUniqueIndexesSurviveARestartUnchanged() throws Exception {
        List<Document> written = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            written.add(mention(i));
        }
        withServer(mentions -> {
            mentions.createIndex(Indexes.ascending("source"), new IndexOptions().unique(true));
            mentions.insertMany(written);
            mentions.updateOne(Filters.eq("_id", "m-7"), Updates.combine(Updates.inc("count", 10),
                    Updates.set("status", "routed")));
            mentions.deleteOne(Filters.eq("_id", "m-8"));
        });
        withServer(mentions -> {
            assertEquals(299, mentions.countDocuments());
            Document seventh = written.get(7).append("count", 17).append("status", "routed");
            assertEquals(seventh, mentions.find(Filters.eq("_id", "m-7")).first());
            assertNull(mentions.find(Filters.eq("_id", "m-8")).first());
            List<Document> back = mentions.find(Filters.nin("_id", "m-7", "m-8")).sort(Sorts.ascending("count"))
                    .into(new ArrayList<>());
            List<Document> expected = new ArrayList<>(written);
            expected.remove(8);
            expected.remove(7);
            assertEquals(expected, back);

            // the index came back with the data: a known source is refused, an unknown one found by it
            MongoWriteException duplicate = assertThrows(MongoWriteException.class,
                    () -> mentions.insertOne(new Document("_id", "other").append("source", "x/42")));
            assertEquals(ErrorCategory.DUPLICATE_KEY, duplicate.getError().getCategory());
            List<String> ids = mentions.find(Filters.in("source", List.of("x/1", "x/299", "x/8", "x/none")))
                    .map(d -> d.getString("_id")).into(new ArrayList<>());
            assertEquals(List.of("m-1", "m-299"), ids.stream().sorted().toList());
            // the deleted mention's source is free again
            mentions.insertOne(new Document("_id", "m-8b").append("source", "x/8"));
        });
    }

    @Test
    void uniqueKeysFollowMongoRules() throws Exception {
        withServer(mentions -> {
            mentions.createIndex(Indexes.ascending("n"), new IndexOptions().unique(true));
            mentions.insertOne(new Document("_id", 1).append("n", 1));
            // a number is the same key whatever its type
            assertThrows(MongoWriteException.class, () -> mentions.insertOne(new Document("_id", 2).append("n", 1.0)));
            assertThrows(MongoWriteException.class, () -> mentions.insertOne(new Document("_id", 3).append("n", 1L)));
            // a string is not a number
            mentions.insertOne(new Document("_id", 4).append("n", "1"));
            // a missing field is one key: a second document without it is a duplicate
            mentions.insertOne(new Document("_id", 5));
            assertThrows(MongoWriteException.class, () -> mentions.insertOne(new Document("_id", 6)));
            // _id itself is unique, whatever the type of another id
            assertThrows(MongoWriteException.class,
                    () -> mentions.insertOne(new Document("_id", 1).append("n", 99)));
            mentions.insertOne(new Document("_id", "1").append("n", 98));
            assertEquals(4, mentions.countDocuments());
        });
    }

    @Test
    void droppingADatabaseLeavesTheOthers() throws Exception {
        try (MongoWireServer server = MongoWireServer.file(dir.resolve("store.bson.mv"), 0);
                MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> kept = client.getDatabase("listening").getCollection("mentions");
            kept.createIndex(Indexes.ascending("source"), new IndexOptions().unique(true));
            kept.insertOne(new Document("_id", "a").append("source", "x/1"));
            // named like the store's own map prefixes
            for (String name : List.of("data", "meta")) {
                client.getDatabase(name).getCollection("c").insertOne(new Document("_id", 1));
                client.getDatabase(name).drop();
            }
            assertEquals(List.of("a"), kept.find().map(d -> d.getString("_id")).into(new ArrayList<>()));
            assertThrows(MongoWriteException.class,
                    () -> kept.insertOne(new Document("_id", "b").append("source", "x/1")));
        }
    }

    @Test
    void aDroppedCollectionLeavesNoIndexEntries() throws Exception {
        withServer(mentions -> {
            mentions.createIndex(Indexes.ascending("source"), new IndexOptions().unique(true));
            mentions.insertOne(new Document("_id", "a").append("source", "x/1"));
            mentions.drop();
            mentions.createIndex(Indexes.ascending("source"), new IndexOptions().unique(true));
            mentions.insertOne(new Document("_id", "b").append("source", "x/1"));
            assertEquals(List.of("b"), mentions.find().map(d -> d.getString("_id")).into(new ArrayList<>()));
        });
        withServer(mentions -> {
            assertEquals(1, mentions.countDocuments());
            assertTrue(mentions.listIndexes().into(new ArrayList<>()).stream()
                    .anyMatch(index -> Map.of("source", 1).equals(index.get("key", Document.class))));
        });
    }
}
