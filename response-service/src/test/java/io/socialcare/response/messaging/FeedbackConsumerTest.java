package io.socialcare.response.messaging;

import static io.socialcare.response.Fixtures.awaitConsumed;
import static io.socialcare.response.Fixtures.awaitRecord;
import static io.socialcare.response.Fixtures.brand;
import static io.socialcare.response.Fixtures.header;
import static io.socialcare.response.Fixtures.id;
import static io.socialcare.response.Fixtures.postsContaining;
import static io.socialcare.response.Fixtures.send;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.socialcare.contract.EventTypes;
import io.socialcare.contract.ThemeShippedEvent;
import io.socialcare.response.Fixtures;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

/**
 * Closing the loop: when a theme ships, each contributor is told once, in their own channel and thread.
 */
@QuarkusTest
class FeedbackConsumerTest {

    private static ThemeShippedEvent.Contributor contributor(String customer, String channel, String name) {
        String externalId = "ext-" + id();
        return new ThemeShippedEvent.Contributor(customer, id(), channel, externalId, "thread-" + externalId,
                "handle_" + customer, name);
    }

    @Test
    void tellsEachContributorOnceInTheirThread() throws Exception {
        String brand = brand();
        String themeId = id();
        ThemeShippedEvent.Contributor lucia = contributor("cust-lucia-" + themeId, "x", "Lucía");
        ThemeShippedEvent.Contributor luciaAgain = contributor(lucia.customerKey(), "x", "Lucía");
        ThemeShippedEvent.Contributor marcos = contributor("cust-marcos-" + themeId, "forum", "Marcos");
        ThemeShippedEvent event = new ThemeShippedEvent(themeId, brand, "Modo oscuro en la app", "App Acme",
                "ya disponible", List.of(lucia, luciaAgain, marcos), Instant.now());
        String json = Fixtures.JSON.writeValueAsString(event);

        send(EventTypes.TOPIC_FEEDBACK, themeId, json);
        await().atMost(Duration.ofSeconds(20)).until(() -> postsContaining(lucia.externalId()).size() == 1
                && postsContaining(marcos.externalId()).size() == 1);

        JsonNode toLucia = postsContaining(lucia.externalId()).get(0);
        assertEquals("/x/2/tweets", toLucia.get("path").asText());
        assertEquals(lucia.externalId(), toLucia.at("/body/reply/in_reply_to_tweet_id").asText());
        String text = toLucia.at("/body/text").asText();
        assertTrue(text.contains("Lucía") && text.contains("Modo oscuro en la app"), text);

        JsonNode toMarcos = postsContaining(marcos.externalId()).get(0);
        assertEquals(marcos.threadId(), toMarcos.at("/body/threadId").asText());
        assertTrue(toMarcos.at("/body/text").asText().contains("Marcos"));

        RecordMetadata again = send(EventTypes.TOPIC_FEEDBACK, themeId, json);
        awaitConsumed("response-service", again);
        Thread.sleep(500); // a second notice, if any were queued, would be posted within the poll interval
        assertEquals(1, postsContaining(lucia.externalId()).size() + postsContaining(luciaAgain.externalId()).size(),
                "one notice per customer and theme, however often the event comes");
        assertEquals(1, postsContaining(marcos.externalId()).size());
    }

    @Test
    void unreadableThemeEventGoesToTheDeadLetterTopic() {
        String key = id();
        send(EventTypes.TOPIC_FEEDBACK, key, "{\"themeId\": 42, \"contributors\": \"nope\"}");
        ConsumerRecord<String, String> dead = awaitRecord("feedback.dlq", r -> key.equals(r.key()));
        assertNotNull(header(dead, "dead-letter-reason"));
    }
}
