package io.socialcare.feedback.messaging;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.socialcare.contract.EventTypes;
import io.socialcare.feedback.Api;
import io.socialcare.feedback.Mentions;
import io.socialcare.feedback.TestKafka;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;

@QuarkusTest
@SuppressWarnings("unchecked")
class MentionConsumerTest {

    @Test
    void groupsSimilarSuggestionsIntoOneThemeWithAggregates() {
        String brand = Mentions.uniqueBrand("cafe");
        Instant t0 = Instant.parse("2026-11-16T10:00:00Z");
        Mentions.of(brand).author("ana").channel("x").score(-0.2).at(t0)
                .text("Deberían ofrecer leche de almendras en todas las tiendas").send();
        Mentions bea = Mentions.of(brand).author("bea").channel("instagram").score(0.6).at(t0.plus(Duration.ofDays(1)))
                .text("Please add almond milk as an option");
        TestKafka.sendCloudEvent(EventTypes.TOPIC_MENTIONS, bea.key(), bea.json(), EventTypes.MENTION_CAPTURED);
        Mentions.of(brand).author("ana").channel("x").score(0.4).at(t0.plus(Duration.ofDays(8)))
                .text("Would love almond milk in my latte").send();

        await().atMost(Duration.ofSeconds(20)).until(() -> {
            List<Map<String, Object>> themes = Api.themes(brand);
            return themes.size() == 1 && Api.intValue(themes.get(0), "mentions") == 3;
        });
        Map<String, Object> theme = Api.themes(brand).get(0);
        assertThat(theme.get("brand"), equalTo(brand));
        assertThat(Api.intValue(theme, "customers"), equalTo(2));
        assertThat(theme.get("channels"), equalTo(Map.of("instagram", 1, "x", 2)));
        assertThat(((Number) theme.get("sentiment")).doubleValue(), closeTo(0.267, 0.001));
        assertThat(theme.get("status"), equalTo("new"));
        assertThat(theme.get("firstSeenAt"), equalTo("2026-11-16T10:00:00Z"));
        assertThat(theme.get("lastSeenAt"), equalTo("2026-11-24T10:00:00Z"));
        assertThat((List<String>) theme.get("keywords"), hasItems("almond", "milk"));
        assertThat(theme.get("title"), equalTo("Leche de almendras"));

        JsonPath detail = Api.theme(brand, (String) theme.get("id"));
        assertThat(detail.getList("samples.text"), hasSize(3));
        assertThat(detail.getList("samples.text").get(0), equalTo("Would love almond milk in my latte"));
        assertThat(detail.getList("samples.channel", String.class), hasItems("x", "instagram"));
        assertThat(detail.getList("weekly.week", String.class), contains("2026-W47", "2026-W48"));
        assertThat(detail.getList("weekly.mentions", Integer.class), contains(2, 1));
    }

    @Test
    void countsOnePersonOnceAcrossChannelsWhenTheCustomerRefMatches() {
        String brand = Mentions.uniqueBrand("ref");
        Mentions.of(brand).author("u-x").channel("x").customerRef("CRM-7").text("Leche de avena en el menú, por favor").send();
        Mentions.of(brand).author("u-fb").channel("facebook").customerRef("CRM-7").text("Please offer oat milk").send();
        Mentions.of(brand).author("u-other").channel("facebook").text("Oat milk please!").send();

        await().atMost(Duration.ofSeconds(20)).until(() -> {
            List<Map<String, Object>> themes = Api.themes(brand);
            return themes.size() == 1 && Api.intValue(themes.get(0), "mentions") == 3;
        });
        assertThat(Api.intValue(Api.themes(brand).get(0), "customers"), equalTo(2));
    }

    @Test
    void keepsSuggestionsAndComplaintsThatNameATopicOnly() {
        String brand = Mentions.uniqueBrand("keep");
        Mentions.of(brand).intent("praise").text("Me encanta la leche de almendras").send();
        Mentions.of(brand).intent("question").text("¿Tienen leche de almendras?").send();
        Mentions.of(brand).intent("complaint").text("La leche de almendras llegó fría").send();
        Mentions.of(brand).intent("complaint").topics("app").text("La app se cierra al pagar con tarjeta").send();

        await().atMost(Duration.ofSeconds(20)).until(() -> Api.counted(brand) == 4 && !Api.themes(brand).isEmpty());
        List<Map<String, Object>> themes = Api.themes(brand);
        assertThat(themes, hasSize(1));
        assertThat(themes.get(0).get("product"), equalTo("app"));
        assertThat((List<String>) themes.get(0).get("keywords"), hasItems("app"));
    }

    @Test
    void theSameRecordTwiceChangesNothing() {
        String brand = Mentions.uniqueBrand("idem");
        Mentions mention = Mentions.of(brand).author("dup").text("Deberían abrir más temprano los domingos");
        String json = mention.json();
        TestKafka.send(EventTypes.TOPIC_MENTIONS, mention.key(), json);
        TestKafka.send(EventTypes.TOPIC_MENTIONS, mention.key(), json);
        // same key, so same partition and after the copies: once it is grouped, both copies were processed
        Mentions.of(brand).author("dup").text("Please sell reusable cups").send();

        await().atMost(Duration.ofSeconds(20)).until(() -> Api.themes(brand).size() == 2);
        for (Map<String, Object> theme : Api.themes(brand)) {
            assertThat(Api.intValue(theme, "mentions"), equalTo(1));
            assertThat(Api.intValue(theme, "customers"), equalTo(1));
        }
        assertThat(Api.counted(brand), equalTo(2));
    }

    @Test
    void unreadableRecordsLandOnTheDeadLetterTopicWithoutBlockingThePartition() {
        String brand = Mentions.uniqueBrand("dlq");
        Mentions after = Mentions.of(brand).author("poison").text("Deberían vender bolsas reutilizables");
        String garbageKey = after.key();
        String noBrand = "{\"id\":\"" + UUID.randomUUID() + "\",\"channel\":\"x\",\"publishedAt\":\"2026-11-20T10:00:00Z\"}";
        try (KafkaConsumer<String, String> dlq = TestKafka.consumer(EventTypes.TOPIC_MENTIONS + ".dlq")) {
            TestKafka.send(EventTypes.TOPIC_MENTIONS, garbageKey, "{not json");
            TestKafka.send(EventTypes.TOPIC_MENTIONS, garbageKey, noBrand);
            after.send();

            List<ConsumerRecord<String, String>> dead = new ArrayList<>();
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                dead.addAll(TestKafka.poll(dlq, r -> garbageKey.equals(r.key())));
                return dead.size() == 2;
            });
            assertThat(dead.stream().map(ConsumerRecord::value).toList(), contains("{not json", noBrand));
            assertThat(TestKafka.header(dead.get(0), EventTypes.DLQ_REASON_HEADER), containsString("unreadable mention"));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> Api.themes(brand).size() == 1);
    }
}
