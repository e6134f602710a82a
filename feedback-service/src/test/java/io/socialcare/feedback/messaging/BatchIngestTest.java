package io.socialcare.feedback.messaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.quarkus.test.junit.QuarkusTest;
import io.socialcare.contract.EventTypes;
import io.socialcare.feedback.Api;
import io.socialcare.feedback.Mentions;
import io.socialcare.feedback.TestKafka;
import org.junit.jupiter.api.Test;

/**
 * A burst of mentions, consumed in batches of many records, gives exactly the themes and counts that the same
 * mentions one by one give; the whole burst delivered again changes nothing.
 */
@QuarkusTest
class BatchIngestTest {

    private static final String[] IDEAS = {
        "Deberían ofrecer leche de almendras", "Abran los domingos por la mañana", "Pongan wifi gratis en las tiendas",
        "Vendan pan sin gluten", "Queremos modo oscuro en la app",
    };

    @Test
    void aBurstGivesTheSameThemesAsOneByOneAndARedeliveryChangesNothing() {
        String brand = Mentions.uniqueBrand("burst");
        Instant t0 = Instant.now().minusSeconds(3600);
        List<Mentions> burst = new ArrayList<>();
        Map<String, Integer> mentions = new TreeMap<>();
        Map<String, Set<String>> customers = new HashMap<>();
        for (int i = 0; i < 400; i++) {
            String idea = IDEAS[i % IDEAS.length];
            String author = "a" + (i % 37);
            boolean praise = i % 4 == 3;
            burst.add(Mentions.of(brand).author(author).channel(i % 2 == 0 ? "x" : "instagram")
                    .intent(praise ? "praise" : "suggestion").text(idea).at(t0.plusSeconds(i)));
            if (!praise) {
                mentions.merge(idea, 1, Integer::sum);
                customers.computeIfAbsent(idea, k -> new HashSet<>()).add((i % 2 == 0 ? "x:" : "instagram:") + author);
            }
        }
        List<String> jsons = burst.stream().map(Mentions::json).toList();
        sendAll(burst, jsons);
        await().atMost(Duration.ofSeconds(60)).until(() -> Api.counted(brand) == 400);
        await().atMost(Duration.ofSeconds(20)).until(() -> totalMentions(brand) == 300);
        assertThemes(brand, mentions, customers);

        // the same records again (a redelivery after a crash, or a producer retry), then one new mention
        sendAll(burst, jsons);
        Mentions.of(brand).author("late").text("Pongan enchufes en las mesas").send();
        await().atMost(Duration.ofSeconds(60)).until(() -> Api.themes(brand).size() == IDEAS.length + 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> Api.counted(brand) == 401);
        assertThemes(brand, mentions, customers);
        assertEquals(401, Api.counted(brand));
    }

    private static void sendAll(List<Mentions> burst, List<String> jsons) {
        for (int i = 0; i < burst.size(); i++) {
            TestKafka.sendAsync(EventTypes.TOPIC_MENTIONS, burst.get(i).key(), jsons.get(i));
        }
        TestKafka.flush();
    }

    private static int totalMentions(String brand) {
        return Api.themes(brand).stream().mapToInt(t -> Api.intValue(t, "mentions")).sum();
    }

    private static void assertThemes(String brand, Map<String, Integer> mentions, Map<String, Set<String>> customers) {
        Map<String, Integer> actualMentions = new TreeMap<>();
        Map<String, Integer> actualCustomers = new TreeMap<>();
        Map<String, Integer> expectedCustomers = new TreeMap<>();
        for (Map<String, Object> theme : Api.themes(brand)) {
            String sample = Api.theme(brand, (String) theme.get("id")).getString("samples[0].text");
            if (!mentions.containsKey(sample)) {
                continue; // the late one
            }
            actualMentions.put(sample, Api.intValue(theme, "mentions"));
            actualCustomers.put(sample, Api.intValue(theme, "customers"));
        }
        customers.forEach((idea, people) -> expectedCustomers.put(idea, people.size()));
        assertEquals(mentions, actualMentions, "mentions per theme");
        assertEquals(expectedCustomers, actualCustomers, "distinct customers per theme");
    }
}
