package io.socialcare.feedback.service;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.quarkus.test.junit.QuarkusTest;
import io.socialcare.feedback.Api;
import io.socialcare.feedback.Contribution;
import io.socialcare.feedback.Mentions;
import io.socialcare.feedback.repository.ContributionRepository;
import io.socialcare.feedback.repository.MongoStore;
import org.bson.Document;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ThemeRecomputeTest {

    @Inject
    ThemeRecompute recompute;

    @Inject
    MongoStore store;

    @Inject
    ContributionRepository contributions;

    @Inject
    IngestRecovery recovery;

    @Inject
    ThemeCatalog catalog;

    @Test
    void aRedeliveredContributionLeftUnappliedByACrashIsCountedOnce() {
        String brand = Mentions.uniqueBrand("recompute");
        Mentions mention = Mentions.of(brand).author("ines").text("Deberían ofrecer leche de almendras");
        String mentionId = mention.send();
        await().atMost(Duration.ofSeconds(20)).until(() -> mentionsOfOnlyTheme(brand) == 1);
        String themeId = (String) Api.themes(brand).get(0).get("id");

        // the crash window: the theme was updated but the process died before marking the contribution applied
        store.collection(MongoStore.CONTRIBUTIONS)
                .updateOne(Filters.eq("_id", mentionId), Updates.set("applied", false)).await().indefinitely();
        mention.send(); // Kafka redelivers the record: the theme is rebuilt from its contributions, not added to
        await().atMost(Duration.ofSeconds(20)).until(() -> Boolean.TRUE.equals(document(MongoStore.CONTRIBUTIONS,
                mentionId).getBoolean("applied")) && !Boolean.TRUE.equals(document(MongoStore.THEMES, themeId)
                .getBoolean("needsRecompute")));

        Map<String, Object> theme = Api.themes(brand).get(0);
        assertThat(Api.intValue(theme, "mentions"), equalTo(1));
        assertThat(Api.intValue(theme, "customers"), equalTo(1));
        assertThat(theme.get("channels"), equalTo(Map.of("x", 1)));
        assertThat(Api.theme(brand, themeId).getList("weekly.mentions", Integer.class), equalTo(List.of(1)));

        // idempotent: running it again changes nothing, and later contributions still add up
        assertThat(recompute.recompute(themeId).await().indefinitely(), equalTo(ThemeRecompute.Outcome.RECOMPUTED));
        assertThat(mentionsOfOnlyTheme(brand), equalTo(1));
        Mentions.of(brand).author("jose").text("Please add almond milk").send();
        await().atMost(Duration.ofSeconds(20)).until(() -> mentionsOfOnlyTheme(brand) == 2);
        assertThat(Api.intValue(Api.themes(brand).get(0), "customers"), equalTo(2));
    }

    @Test
    void aThemeCountedTwiceIsCorrectedByTheScheduledRound() {
        String brand = Mentions.uniqueBrand("flagged");
        Mentions.of(brand).author("olga").text("Pongan enchufes en todas las mesas").send();
        await().atMost(Duration.ofSeconds(20)).until(() -> mentionsOfOnlyTheme(brand) == 1);
        String themeId = (String) Api.themes(brand).get(0).get("id");

        // aggregates that count the one contribution twice, flagged by the attempt that may have done it
        store.collection(MongoStore.THEMES).updateOne(Filters.eq("_id", themeId), Updates.combine(
                Updates.inc("mentions", 1), Updates.inc("channels.x", 1), Updates.set("needsRecompute", true)))
                .await().indefinitely();
        catalog.invalidate(brand);
        assertThat(mentionsOfOnlyTheme(brand), equalTo(2));

        assertThat(recompute.recomputeChanged().await().atMost(Duration.ofSeconds(20)), greaterThanOrEqualTo(1));
        Map<String, Object> theme = Api.themes(brand).get(0);
        assertThat(Api.intValue(theme, "mentions"), equalTo(1));
        assertThat(theme.get("channels"), equalTo(Map.of("x", 1)));
    }

    @Test
    void aStrandedContributionIsCountedOnceItIsNoLongerInFlight() {
        String brand = Mentions.uniqueBrand("stranded");
        Mentions.of(brand).author("luis").text("Ojalá abrieran los domingos por la mañana").send();
        await().atMost(Duration.ofSeconds(20)).until(() -> mentionsOfOnlyTheme(brand) == 1);
        String themeId = (String) Api.themes(brand).get(0).get("id");

        // stored, never applied (the process died before the theme update)
        Contribution stranded = new Contribution("stranded-" + brand, themeId, brand, "x:marta", "x", "t-1", "e-1",
                "marta", "@marta", "Marta", "Please open on Sunday mornings", 0.1, "suggestion", null,
                List.of("open", "sunday", "morning"), Instant.now());
        assertThat(contributions.insert(stranded).await().indefinitely(), equalTo(true));

        assertThat("young: in flight, left for a later round", recompute.recompute(themeId).await().indefinitely(),
                equalTo(ThemeRecompute.Outcome.DEFERRED));
        assertThat(mentionsOfOnlyTheme(brand), equalTo(1));

        // the batch that stored it never finished: its journal entry stays, and the recovery round completes it
        Instant crashed = Instant.now().minus(Duration.ofHours(1));
        store.collection(MongoStore.CONTRIBUTIONS).updateOne(Filters.eq("_id", stranded.mentionId()),
                Updates.set("storedAt", Date.from(crashed))).await().indefinitely();
        String batchId = "crashed-" + brand;
        store.collection(MongoStore.INGEST_BATCHES).insertOne(new Document("_id", batchId)
                .append("openedAt", Date.from(crashed))
                .append("entries", List.of(new Document("m", stranded.mentionId()).append("b", brand)
                        .append("t", Date.from(stranded.at())).append("i", "suggestion").append("s", "neutral"))))
                .await().indefinitely();
        int counted = Api.counted(brand);
        assertThat(recovery.recoverUnfinished().await().atMost(Duration.ofSeconds(20)), greaterThanOrEqualTo(1));
        Map<String, Object> theme = Api.themes(brand).get(0);
        assertThat(Api.intValue(theme, "mentions"), equalTo(2));
        assertThat(Api.intValue(theme, "customers"), equalTo(2));
        assertThat(document(MongoStore.CONTRIBUTIONS, stranded.mentionId()).getBoolean("applied"), equalTo(true));
        assertThat("the batch's mention is counted in the trends too", Api.counted(brand), equalTo(counted + 1));
        assertThat(document(MongoStore.INGEST_BATCHES, batchId), equalTo(null));

        // a second round finds nothing to do and changes nothing
        recovery.recoverUnfinished().await().atMost(Duration.ofSeconds(20));
        assertThat(Api.intValue(Api.themes(brand).get(0), "mentions"), equalTo(2));
        assertThat(Api.counted(brand), equalTo(counted + 1));
    }

    private Document document(String collection, String id) {
        return store.collection(collection).find(Filters.eq("_id", id)).toUni().await().indefinitely();
    }

    private static int mentionsOfOnlyTheme(String brand) {
        List<Map<String, Object>> themes = Api.themes(brand);
        return themes.size() == 1 ? Api.intValue(themes.get(0), "mentions") : -themes.size();
    }
}
