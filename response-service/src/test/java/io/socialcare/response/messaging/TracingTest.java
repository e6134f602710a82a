package io.socialcare.response.messaging;

import static io.restassured.RestAssured.given;
import static io.socialcare.response.Fixtures.agent;
import static io.socialcare.response.Fixtures.awaitRecord;
import static io.socialcare.response.Fixtures.brand;
import static io.socialcare.response.Fixtures.header;
import static io.socialcare.response.Fixtures.id;
import static io.socialcare.response.Fixtures.openCase;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.socialcare.contract.CaseEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Traces go through REST, the outbox and Kafka: the {@code reply.sent} record carries a {@code traceparent} that
 * continues the trace of the request that asked for the reply, although the delivery worker publishes it later.
 */
@QuarkusTest
class TracingTest {

    @Test
    void replyEventContinuesTheTraceOfTheRequestThatAskedForIt() {
        String brand = brand();
        CaseEvent c = openCase(brand, "blog");
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String callerSpan = "00f067aa0ba902b7";
        String replyId = given().auth().oauth2(agent(brand)).contentType(ContentType.JSON)
                .header("Idempotency-Key", id())
                .header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
                .body(Map.of("text", "Gracias, ya está corregido."))
                .post("/api/v1/cases/{id}/replies", c.id()).then().statusCode(202).extract().path("id");

        ConsumerRecord<String, String> event = awaitRecord("replies", r -> r.value().contains(replyId));
        String traceparent = header(event, "traceparent");
        assertNotNull(traceparent, "reply.sent carries a traceparent header");
        String[] parts = traceparent.split("-");
        assertTrue(parts.length == 4 && parts[1].equals(traceId),
                "the record continues the caller's trace " + traceId + ": " + traceparent);
        assertNotEquals(callerSpan, parts[2], "the record has its own span in that trace");
    }
}
