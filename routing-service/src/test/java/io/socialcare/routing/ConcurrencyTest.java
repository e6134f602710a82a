package io.socialcare.routing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;
import io.socialcare.contract.MentionEvent;
import io.socialcare.routing.service.RoutingService;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ConcurrencyTest {

    @Inject
    RoutingService routing;

    @Test
    void mentionsOfOneCustomerOnSeveralPartitionsAtOnceYieldExactlyOneOpenCase() {
        String brand = Fixtures.brand();
        Fixtures.department(brand, brand + "-care", "Care", List.of(), List.of(), 1).statusCode(200);
        Fixtures.agent(brand, brand + "-ana", "ana", brand + "-care", 5, true, "es").statusCode(200);
        Fixtures.agent(brand, brand + "-luis", "luis", brand + "-care", 5, true, "es").statusCode(200);
        // one person (same customerRef) on six channels: six keys, spread over the partitions of "mentions"
        List<String> channels = List.of("x", "facebook", "instagram", "youtube", "tiktok", "forum");
        List<Map<String, Object>> mentions = new ArrayList<>();
        for (String channel : channels) {
            mentions.add(Fixtures.mention(brand, channel, channel + "-author", "complaint", "normal", "es", "crm-1"));
        }
        List<String> ids = mentions.parallelStream().map(Fixtures::publish).toList();

        Set<String> caseIds = new HashSet<>();
        for (String id : ids) {
            caseIds.add(Fixtures.awaitCase(id, brand).getString("id"));
        }
        assertEquals(1, caseIds.size(), "every mention joined the same case");
        String caseId = caseIds.iterator().next();
        JsonPath c = given().auth().oauth2(Fixtures.supervisor(brand)).get("/api/v1/cases/{id}", caseId)
                .then().statusCode(200).extract().jsonPath();
        assertEquals(new HashSet<>(ids), new HashSet<>(c.getList("mentions.id")));
        JsonPath customer = given().auth().oauth2(Fixtures.supervisor(brand))
                .get("/api/v1/customers/{id}", c.getString("customerId")).then().statusCode(200).extract().jsonPath();
        assertEquals(caseId, customer.getString("openCaseId"));
        assertEquals(new HashSet<>(channels), new HashSet<>(customer.getList("identities.channel")));
        JsonPath open = given().auth().oauth2(Fixtures.supervisor(brand))
                .get("/api/v1/cases?brand={b}&limit=500", brand).then().statusCode(200).extract().jsonPath();
        assertEquals(1, open.getList("items").size(), "one case for the brand in all");
    }

    @Test
    void parallelRoutingCallsForOneAuthorYieldExactlyOneOpenCase() throws Exception {
        String brand = Fixtures.brand();
        Fixtures.department(brand, brand + "-care", "Care", List.of(), List.of(), 1).statusCode(200);
        int n = 8;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                MentionEvent m = mention(brand, "u-race");
                ids.add(m.id());
                futures.add(pool.submit(() -> {
                    start.await();
                    try {
                        return VertxContextSupport.subscribeAndAwait(() -> routing.route(m));
                    } catch (Throwable t) {
                        throw new IllegalStateException(t);
                    }
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        Set<String> caseIds = new HashSet<>();
        for (String id : ids) {
            caseIds.add(Fixtures.awaitCase(id, brand).getString("id"));
        }
        assertEquals(1, caseIds.size());
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> given().auth().oauth2(Fixtures.admin())
                .get("/api/v1/cases/{id}", caseIds.iterator().next()).jsonPath().getList("mentions").size() == n);
    }

    @Test
    void theDatabaseItselfRefusesASecondOpenCaseForOneCustomer() throws Exception {
        var config = org.eclipse.microprofile.config.ConfigProvider.getConfig();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(
                config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
                java.sql.Statement st = c.createStatement()) {
            String brand = Fixtures.brand();
            String customer = UUID.randomUUID().toString();
            st.execute("INSERT INTO customers (id, brand, created_at) VALUES ('" + customer + "', '" + brand
                    + "', now())");
            String insertCase = "INSERT INTO cases (id, brand, customer_id, status, priority, version, sla_started_at,"
                    + " first_response_due_at, created_at, updated_at) VALUES ('%s', '" + brand + "', '" + customer
                    + "', '%s', 'normal', 1, now(), now(), now(), now())";
            st.execute(String.format(insertCase, UUID.randomUUID(), "resolved"));
            st.execute(String.format(insertCase, UUID.randomUUID(), "assigned"));
            java.sql.SQLException refused = org.junit.jupiter.api.Assertions.assertThrows(java.sql.SQLException.class,
                    () -> st.execute(String.format(insertCase, UUID.randomUUID(), "new")));
            assertEquals("23505", refused.getSQLState());
        }
    }

    private static MentionEvent mention(String brand, String author) {
        String id = UUID.randomUUID().toString();
        return new MentionEvent(id, brand, "x", "ext-" + id, null, null,
                new MentionEvent.Author(author, "@" + author, "Cliente"), "texto", null, Instant.now(), "es", null,
                Instant.now(), new MentionEvent.Analysis("es", new MentionEvent.Sentiment("negative", -0.5),
                        "complaint", "normal", List.of()));
    }
}
