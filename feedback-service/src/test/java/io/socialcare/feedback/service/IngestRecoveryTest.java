package io.socialcare.feedback.service;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.inject.Inject;

import com.mongodb.client.model.Filters;
import io.quarkus.test.junit.QuarkusTest;
import io.socialcare.feedback.Api;
import io.socialcare.feedback.Mentions;
import io.socialcare.feedback.repository.MongoStore;
import io.socialcare.feedback.repository.TrendRepository;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * The crash window between a batch's trend markers and its counters: a batch that marked its mentions and died
 * before (or while) adding them to the counters is completed by the recovery round, exactly once.
 */
@QuarkusTest
class IngestRecoveryTest {

    private static final Instant MONDAY = Instant.parse("2026-11-16T09:00:00Z");

    @Inject
    IngestRecovery recovery;

    @Inject
    MongoStore store;

    @Inject
    TrendRepository trends;

    @Test
    void aBatchThatDiedAfterItsMarkersIsCountedOnceByTheRecovery() {
        String brand = Mentions.uniqueBrand("crash-trends");
        String batch = crashedBatch(brand, "m1-" + brand, "m2-" + brand);
        // it marked both mentions, then died: nothing in the counters, and a redelivery would skip them
        markers(batch, "m1-" + brand, "m2-" + brand);
        assertThat(weekly(brand), contains(0));

        assertThat(recovery.recoverUnfinished().await().atMost(Duration.ofSeconds(20)), greaterThanOrEqualTo(1));
        assertThat(weekly(brand), contains(2));
        assertThat(daily(brand), contains(1, 1));
        assertThat(journal(batch), nullValue());

        recovery.recoverUnfinished().await().atMost(Duration.ofSeconds(20));
        assertThat("a second round changes nothing", weekly(brand), contains(2));
    }

    @Test
    void aBatchThatDiedHalfwayThroughItsCountersIsNotCountedTwice() {
        String brand = Mentions.uniqueBrand("half-trends");
        String batch = crashedBatch(brand, "h1-" + brand, "h2-" + brand);
        markers(batch, "h1-" + brand, "h2-" + brand);
        // the week counter took the batch, the day counters did not
        trends.apply(batch, List.of(new TrendRepository.Delta(brand, "week", FeedbackIngest.weekStart(MONDAY), 2,
                new TreeMap<>(Map.of("suggestion", 2)), new TreeMap<>(Map.of("neutral", 2))))).await().indefinitely();
        assertThat(weekly(brand), contains(2));
        assertThat(daily(brand), contains(0, 0));

        recovery.recoverUnfinished().await().atMost(Duration.ofSeconds(20));
        assertThat(weekly(brand), contains(2));
        assertThat(daily(brand), contains(1, 1));
        Document week = store.collection(MongoStore.TRENDS)
                .find(Filters.eq("_id", TrendRepository.bucketId(brand, "week", FeedbackIngest.weekStart(MONDAY))))
                .toUni().await().indefinitely();
        assertThat("the finished batch is forgotten by its counters", week.getList("applied", String.class)
                .contains(batch), equalTo(false));
    }

    @Test
    void aMentionMarkedByAnotherBatchIsLeftToThatBatch() {
        String brand = Mentions.uniqueBrand("other-trends");
        String first = crashedBatch(brand, "o1-" + brand);
        markers(first, "o1-" + brand);
        String second = crashedBatch(brand, "o1-" + brand); // the same mention again, in a later batch
        assertThat(recovery.recoverUnfinished().await().atMost(Duration.ofSeconds(20)), greaterThanOrEqualTo(2));
        assertThat(weekly(brand), contains(1));
        assertThat(journal(first), nullValue());
        assertThat(journal(second), nullValue());
    }

    /** A journal entry, opened an hour ago, for suggestions of {@code brand} on Monday and Tuesday. */
    private String crashedBatch(String brand, String... mentionIds) {
        String id = "batch-" + UUID.randomUUID();
        List<Document> entries = new ArrayList<>();
        for (int i = 0; i < mentionIds.length; i++) {
            entries.add(new Document("m", mentionIds[i]).append("b", brand)
                    .append("t", Date.from(MONDAY.plus(Duration.ofDays(i)))).append("i", "suggestion")
                    .append("s", "neutral"));
        }
        store.collection(MongoStore.INGEST_BATCHES).insertOne(new Document("_id", id)
                .append("openedAt", Date.from(Instant.now().minus(Duration.ofHours(1)))).append("entries", entries))
                .await().indefinitely();
        return id;
    }

    private void markers(String batch, String... mentionIds) {
        assertThat(trends.claim(batch, List.of(mentionIds)).await().indefinitely().marked(), equalTo(mentionIds.length));
    }

    private Document journal(String batch) {
        return store.collection(MongoStore.INGEST_BATCHES).find(Filters.eq("_id", batch)).toUni().await().indefinitely();
    }

    private static List<Integer> weekly(String brand) {
        return buckets(brand, "week", "2026-11-16T00:00:00Z", "2026-11-23T00:00:00Z");
    }

    private static List<Integer> daily(String brand) {
        return buckets(brand, "day", "2026-11-16T00:00:00Z", "2026-11-18T00:00:00Z");
    }

    private static List<Integer> buckets(String brand, String interval, String since, String until) {
        return given().auth().oauth2(Api.pm(brand)).queryParam("brand", brand).queryParam("interval", interval)
                .queryParam("since", since).queryParam("until", until)
                .when().get("/api/v1/trends").then().statusCode(200).extract().jsonPath()
                .getList("buckets.mentions", Integer.class);
    }
}
