package io.socialcare.listening.rest;

import static io.restassured.RestAssured.given;
import static io.socialcare.listening.Fixtures.admin;
import static io.socialcare.listening.Fixtures.brand;
import static io.socialcare.listening.Fixtures.unique;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.socialcare.testing.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class FeedResourceTest {

    private static final String RSS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Blog de tecnología</title>
              <item><guid>https://blog.example.com/%1$s/p/1</guid><title>Probamos la Fibra Max de %1$s</title>
                <link>https://blog.example.com/p/1</link><dc:creator>Ana Blogger</dc:creator>
                <description>&lt;p&gt;Llevo 3 días sin conexión con %1$s, un desastre.&lt;/p&gt;</description>
                <pubDate>Wed, 18 Nov 2026 10:15:30 GMT</pubDate></item>
              <item><guid>https://blog.example.com/%1$s/p/2</guid><title>Receta de tortilla</title>
                <link>https://blog.example.com/p/2</link><description>Nada que ver con marcas.</description></item>
            </channel></rss>
            """;
    private static final String ATOM = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom"><title>Foro</title>
              <entry><id>urn:uuid:atom-1-%1$s</id><title>%1$s debería añadir modo oscuro</title>
                <link href="https://foro.example.com/t/1"/><author><name>Luis</name></author>
                <updated>2026-11-18T09:00:00Z</updated><summary>Sería genial que la app tuviera modo oscuro</summary></entry>
            </feed>
            """;

    private HttpServer server;
    private final List<String> conditionalHeaders = new CopyOnWriteArrayList<>();
    private volatile String body;

    @BeforeEach
    void serveFeeds() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/feed.xml", exchange -> {
            String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
            conditionalHeaders.add(String.valueOf(ifNoneMatch));
            if ("\"v1\"".equals(ifNoneMatch)) {
                exchange.sendResponseHeaders(304, -1);
                exchange.close();
                return;
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/rss+xml");
            exchange.getResponseHeaders().add("ETag", "\"v1\"");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private String feedUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/feed.xml";
    }

    private void putFeed(String id, String brand) {
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(Map.of("brand", brand, "url", feedUrl()))
                .when().put("/api/v1/feeds/" + id).then().statusCode(200)
                .body("id", equalTo(id)).body("brand", equalTo(brand));
    }

    @Test
    void capturesRssItemsThatNameTheBrandOnceAndPollsConditionally() {
        String brand = brand("Fibra Max");
        body = RSS.formatted(brand);
        String feed = unique("feed");
        putFeed(feed, brand);

        given().auth().oauth2(admin()).when().post("/api/v1/feeds/" + feed + "/poll").then().statusCode(200)
                .body("items", equalTo(2)).body("matching", equalTo(1)).body("captured", equalTo(1));
        given().auth().oauth2(admin()).queryParam("brand", brand).when().get("/api/v1/mentions").then()
                .statusCode(200).body("items", hasSize(1))
                .body("items[0].channel", equalTo("blog"))
                .body("items[0].externalId", equalTo("https://blog.example.com/" + brand + "/p/1"))
                .body("items[0].author.id", equalTo("Ana Blogger"))
                .body("items[0].analysis.intent", equalTo("complaint"));

        // the server answers 304 to the validator it gave: nothing fetched, nothing captured
        given().auth().oauth2(admin()).when().post("/api/v1/feeds/" + feed + "/poll").then().statusCode(200)
                .body("notModified", equalTo(true)).body("captured", equalTo(0));
        assertEquals(List.of("null", "\"v1\""), conditionalHeaders);
    }

    @Test
    void anItemSeenBeforeIsNotCapturedAgain() {
        String brand = brand("Fibra Max");
        body = RSS.formatted(brand);
        String first = unique("feed");
        String second = unique("feed");
        putFeed(first, brand);
        putFeed(second, brand);
        given().auth().oauth2(admin()).when().post("/api/v1/feeds/" + first + "/poll").then()
                .body("captured", equalTo(1));
        // another feed serving the same item: a duplicate of (blog, item id)
        given().auth().oauth2(admin()).when().post("/api/v1/feeds/" + second + "/poll").then()
                .body("matching", equalTo(1)).body("captured", equalTo(0));
        given().auth().oauth2(admin()).queryParam("brand", brand).when().get("/api/v1/mentions").then()
                .body("items", hasSize(1));
    }

    @Test
    void readsAtomFeeds() {
        String brand = brand();
        body = ATOM.formatted(brand);
        String feed = unique("feed");
        putFeed(feed, brand);
        given().auth().oauth2(admin()).when().post("/api/v1/feeds/" + feed + "/poll").then().statusCode(200)
                .body("captured", equalTo(1));
        given().auth().oauth2(admin()).queryParam("brand", brand).when().get("/api/v1/mentions").then()
                .body("items[0].url", equalTo("https://foro.example.com/t/1"))
                .body("items[0].analysis.intent", equalTo("suggestion"));
    }

    @Test
    void onlyAnAdminManagesFeedsAndBadInputIsNamed() {
        String brand = brand();
        given().contentType(ContentType.JSON).body(Map.of("brand", brand, "url", feedUrl()))
                .when().put("/api/v1/feeds/f1").then().statusCode(401);
        given().auth().oauth2(Tokens.token("sam", "supervisor", brand)).contentType(ContentType.JSON)
                .body(Map.of("brand", brand, "url", feedUrl()))
                .when().put("/api/v1/feeds/f1").then().statusCode(403);
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(Map.of("brand", "no-such-brand", "url", "file:///etc/passwd"))
                .when().put("/api/v1/feeds/" + unique("feed")).then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("url"));
        given().auth().oauth2(admin()).when().post("/api/v1/feeds/unknown-feed/poll").then().statusCode(404);
        String feed = unique("feed");
        putFeed(feed, brand);
        given().auth().oauth2(admin()).when().delete("/api/v1/feeds/" + feed).then().statusCode(204);
        given().auth().oauth2(admin()).when().get("/api/v1/feeds/" + feed).then().statusCode(404);
    }
}
