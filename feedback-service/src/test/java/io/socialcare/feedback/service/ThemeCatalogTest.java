package io.socialcare.feedback.service;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.socialcare.feedback.Api;
import io.socialcare.feedback.Mentions;
import io.socialcare.feedback.Theme;
import io.socialcare.feedback.ThemeStatus;
import io.socialcare.feedback.repository.MongoStore;
import io.socialcare.feedback.repository.ThemeRepository;
import org.junit.jupiter.api.Test;

/**
 * The in-process read model answers every list exactly as the store's query would (orders, ties, filters, cursor
 * pages), and follows changes: its own at once, another replica's within the staleness bound.
 */
@QuarkusTest
class ThemeCatalogTest {

    @Inject
    ThemeCatalog catalog;

    @Inject
    ThemeService service;

    @Inject
    ThemeRepository themes;

    @Inject
    MongoStore store;

    @Test
    void everyPageOfEveryOrderAndFilterIsTheStoresAnswer() {
        Random random = new Random(20261122L);
        String brand = Mentions.uniqueBrand("catalog");
        String second = Mentions.uniqueBrand("catalog2");
        Instant base = Instant.parse("2026-11-01T00:00:00Z");
        for (String b : List.of(brand, second)) {
            for (int i = 0; i < 120; i++) {
                // few distinct values, so that ties (broken by id) are frequent
                Instant first = base.plus(random.nextInt(20), ChronoUnit.DAYS);
                Instant last = first.plus(random.nextInt(5), ChronoUnit.DAYS);
                String id = UUID.randomUUID().toString();
                Theme t = new Theme(id, b, "T" + i, random.nextBoolean() ? "app" : null,
                        ThemeStatus.ALL.get(random.nextInt(3)), null, Map.of("t" + random.nextInt(4), 1 + random.nextInt(3)),
                        1 + random.nextInt(6), 1 + random.nextInt(4), Map.of("x", 1), 0, first, last, Map.of(),
                        random.nextInt(4) * 1.5, i % 17 == 0 ? "merged-elsewhere" : null, null, first, last);
                themes.insert(t).await().indefinitely();
            }
        }
        List<ThemeService.Query> queries = List.of(
                new ThemeService.Query(Set.of(brand), null, null, null, null),
                new ThemeService.Query(Set.of(brand, second), null, null, null, null),
                new ThemeService.Query(Set.of(brand), "app", null, null, null),
                new ThemeService.Query(Set.of(brand, second), null, ThemeStatus.UNDER_REVIEW, null, null),
                new ThemeService.Query(Set.of(brand), null, null, base.plus(10, ChronoUnit.DAYS),
                        base.plus(15, ChronoUnit.DAYS)));
        int compared = 0;
        for (ThemeService.Query query : queries) {
            for (ThemeService.Sort sort : ThemeService.Sort.values()) {
                for (int limit : new int[] {1, 7, 50}) {
                    ThemeCatalog.After after = null;
                    int pages = 0;
                    while (pages++ < 200) {
                        List<Theme> expected = service.fromStore(query, sort, after, limit).await().indefinitely();
                        List<Theme> actual = catalog.page(query.brands(), query, sort, after, limit).await()
                                .indefinitely();
                        assertEquals(ids(expected), ids(actual), query + " " + sort + " limit " + limit + " after "
                                + after);
                        compared += actual.size();
                        if (actual.size() < limit) {
                            break;
                        }
                        Theme last = actual.get(actual.size() - 1);
                        after = new ThemeCatalog.After(sort, switch (sort) {
                            case CUSTOMERS -> last.customers();
                            case MENTIONS -> last.mentions();
                            case RECENT -> Date.from(last.lastSeenAt());
                            case TRENDING -> last.heat();
                        }, last.id());
                    }
                }
            }
        }
        assertTrue(compared > 1000, "themes compared: " + compared);
    }

    @Test
    void ownChangesShowAtOnceAndAnotherReplicasWithinTheStalenessBound() {
        String brand = Mentions.uniqueBrand("fresh");
        Mentions.of(brand).author("ana").text("Deberían vender pan sin gluten").send();
        Mentions.of(brand).author("bea").text("Pongan wifi gratis en las tiendas").send();
        await().atMost(Duration.ofSeconds(20)).until(() -> Api.themes(brand).size() == 2);
        String id = (String) Api.themes(brand).get(0).get("id");

        // this replica's change: the next list shows it
        given().auth().oauth2(Api.pm(brand)).contentType(ContentType.JSON).body("{\"status\":\"planned\"}")
                .when().patch("/api/v1/themes/" + id).then().statusCode(200);
        assertEquals("planned", status(brand, id));

        // another replica's change: written to the store and counted, as that replica does
        store.collection(MongoStore.THEMES).updateOne(Filters.eq("_id", id), Updates.set("status", "declined"))
                .await().indefinitely();
        themes.bumpVersions(Set.of(brand)).await().indefinitely();
        long changedAt = System.nanoTime();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> "declined".equals(status(brand, id)));
        long seconds = Duration.ofNanos(System.nanoTime() - changedAt).toSeconds();
        assertTrue(seconds <= 5, "seen after " + seconds + " s (bound: list-max-staleness plus one reload)");
    }

    private static String status(String brand, String id) {
        return Api.themes(brand).stream().filter(t -> id.equals(t.get("id"))).map(t -> (String) t.get("status"))
                .findFirst().orElse(null);
    }

    private static List<String> ids(List<Theme> themes) {
        List<String> ids = new ArrayList<>();
        themes.forEach(t -> ids.add(t.id()));
        return ids;
    }
}
