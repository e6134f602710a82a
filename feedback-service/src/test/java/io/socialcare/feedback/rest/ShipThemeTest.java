package io.socialcare.feedback.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.socialcare.contract.EventTypes;
import io.socialcare.contract.ThemeShippedEvent;
import io.socialcare.feedback.Api;
import io.socialcare.feedback.Mentions;
import io.socialcare.feedback.TestKafka;
import io.socialcare.testing.Tokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ShipThemeTest {

    private static String themeOf(String brand, int mentions) {
        await().atMost(Duration.ofSeconds(20)).until(() -> Api.themes(brand).size() == 1
                && Api.intValue(Api.themes(brand).get(0), "mentions") == mentions);
        return (String) Api.themes(brand).get(0).get("id");
    }

    @Test
    void shippingTellsEveryContributingCustomerExactlyOnce() throws Exception {
        String brand = Mentions.uniqueBrand("ship");
        Mentions.of(brand).author("ana").channel("x").externalId("tw-1").thread("tw-root").handle("@ana")
                .text("Deberían ofrecer leche de avena").send();
        Mentions.of(brand).author("ana").channel("x").externalId("tw-2").thread("tw-2")
                .text("Sigo esperando la leche de avena").send();
        Mentions.of(brand).author("bruno").channel("facebook").externalId("fb-9").handle("bruno.b")
                .text("Please add oat milk").send();
        String id = themeOf(brand, 3);

        try (KafkaConsumer<String, String> feedback = TestKafka.consumer(EventTypes.TOPIC_FEEDBACK)) {
            given().auth().oauth2(Api.pm(brand)).contentType(ContentType.JSON)
                    .body("{\"status\":\"shipped\",\"note\":\"¡Ya tenemos leche de avena!\"}")
                    .when().patch("/api/v1/themes/" + id)
                    .then().statusCode(200).body("status", equalTo("shipped"))
                    .body("note", equalTo("¡Ya tenemos leche de avena!"));
            // shipping again, or leaving and re-entering shipped, tells nobody again
            patch(brand, id, "shipped");
            patch(brand, id, "under_review");
            patch(brand, id, "shipped");

            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                records.addAll(TestKafka.poll(feedback, r -> id.equals(r.key())));
                return !records.isEmpty();
            });
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6)).until(() -> {
                records.addAll(TestKafka.poll(feedback, r -> id.equals(r.key())));
                return records.size() == 1;
            });
            ConsumerRecord<String, String> record = records.get(0);
            assertThat(TestKafka.header(record, "ce_type"), equalTo(EventTypes.THEME_SHIPPED));
            ThemeShippedEvent event = Mentions.JSON.readValue(record.value(), ThemeShippedEvent.class);
            assertThat(event.themeId(), equalTo(id));
            assertThat(event.brand(), equalTo(brand));
            assertThat(event.note(), equalTo("¡Ya tenemos leche de avena!"));
            assertThat(event.contributors().stream().map(c -> c.channel() + "/" + c.threadId() + "/" + c.externalId()
                    + "/" + c.authorHandle()).toList(),
                    containsInAnyOrder("x/tw-root/tw-1/@ana", "facebook/fb-9/fb-9/bruno.b"));
        }
    }

    private static void patch(String brand, String id, String status) {
        given().auth().oauth2(Api.pm(brand)).contentType(ContentType.JSON).body("{\"status\":\"" + status + "\"}")
                .when().patch("/api/v1/themes/" + id).then().statusCode(200).body("status", equalTo(status));
    }

    @Test
    void rejectsInvalidStatusChanges() {
        String brand = Mentions.uniqueBrand("patch");
        Mentions.of(brand).text("Pongan música más baja en las tiendas").send();
        String id = themeOf(brand, 1);
        String token = Api.pm(brand);

        for (String body : List.of("{\"status\":\"done\"}", "{\"status\":{\"$gt\":\"\"}}", "{\"note\":\"x\"}",
                "{\"status\":[\"shipped\"]}")) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                    .when().patch("/api/v1/themes/" + id)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("violations.field", hasItem("status"));
        }
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"status\":\"planned\",\"note\":\"" + "n".repeat(2001) + "\"}")
                .when().patch("/api/v1/themes/" + id)
                .then().statusCode(400).body("violations.field", hasItem("note"));
        given().auth().oauth2(token).contentType(ContentType.TEXT).body("shipped")
                .when().patch("/api/v1/themes/" + id).then().statusCode(415);
        given().auth().oauth2(Tokens.token("sara", "supervisor", brand)).contentType(ContentType.JSON)
                .body("{\"status\":\"planned\"}")
                .when().patch("/api/v1/themes/" + id).then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(Api.pm("other-brand")).contentType(ContentType.JSON).body("{\"status\":\"planned\"}")
                .when().patch("/api/v1/themes/" + id).then().statusCode(404);
        given().contentType(ContentType.JSON).body("{\"status\":\"planned\"}")
                .when().patch("/api/v1/themes/" + id).then().statusCode(401);
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"status\":\"planned\",\"note\":\"" + "n".repeat(1024 * 1024 + 10) + "\"}")
                .when().patch("/api/v1/themes/" + id).then().statusCode(413);
        assertThat(Api.theme(brand, id).getString("status"), equalTo("new"));
    }
}
