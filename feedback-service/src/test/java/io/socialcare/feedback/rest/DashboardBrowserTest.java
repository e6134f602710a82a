package io.socialcare.feedback.rest;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.socialcare.feedback.Api;
import io.socialcare.feedback.Mentions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The dashboard in a real headless Chromium, driven through chromedriver's W3C WebDriver protocol over plain HTTP
 * (no Selenium). Runs only where Chromium and chromedriver are installed (Debian: {@code apt-get install chromium
 * chromium-driver}); elsewhere it is skipped with that message. The bearer token is injected into the page's session
 * storage, where the sign-in (authorization code + PKCE against the issuer) would put it; the OIDC test server has no
 * login page to drive.
 */
@QuarkusTest
class DashboardBrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    Process driver;
    String webdriver;
    String session;
    Path profile;

    @BeforeEach
    void startBrowser() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Chromium not installed: CI must `apt-get install -y chromium chromium-driver` to run the browser test");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        driver = new ProcessBuilder(CHROMEDRIVER.toString(), "--port=" + port)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        webdriver = "http://127.0.0.1:" + port;
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
                .until(() -> call("GET", "/status", null).path("value").path("ready").asBoolean());
        profile = Files.createTempDirectory("dashboard-chromium");
        Map<String, Object> options = Map.of("binary", CHROMIUM.toString(), "args", List.of("--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--user-data-dir=" + profile, "--window-size=1400,900"));
        JsonNode created = call("POST", "/session", Map.of("capabilities",
                Map.of("alwaysMatch", Map.of("browserName", "chrome", "goog:chromeOptions", options))));
        session = created.path("value").path("sessionId").asText();
    }

    @AfterEach
    void stopBrowser() throws Exception {
        if (session != null) {
            call("DELETE", "/session/" + session, null);
        }
        if (driver != null) {
            driver.destroy();
            if (!driver.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                driver.destroyForcibly();
            }
        }
    }

    @Test
    void showsASeededThemeAndAStatusChangeMadeInThePagePersists() throws Exception {
        String brand = Mentions.uniqueBrand("dash");
        Mentions.of(brand).author("sofia").channel("instagram").text("Deberían tener leche de almendras, por favor").send();
        await().atMost(Duration.ofSeconds(20)).until(() -> Api.themes(brand).size() == 1);
        Mentions.of(brand).author("kate").text("Please add almond milk, I'd order every single day").send();
        await().atMost(Duration.ofSeconds(20)).until(() -> Api.themes(brand).stream()
                .mapToInt(t -> Api.intValue(t, "mentions")).sum() == 2);
        String themeId = (String) Api.themes(brand).get(0).get("id");

        String page = "http://127.0.0.1:" + RestAssured.port + "/dashboard/";
        call("POST", path("/url"), Map.of("url", page));
        // the token the sign-in would have stored
        script("sessionStorage.setItem('feedback.token', arguments[0]); sessionStorage.setItem('feedback.brand', arguments[1]);",
                Api.pm(brand), brand);
        call("POST", path("/url"), Map.of("url", page));

        String row;
        try {
            row = await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
                    .until(() -> element("//tbody[@id='themes']/tr[contains(., 'Leche de almendras')]"), id -> id != null);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            screenshot("target/dashboard-failure.png");
            throw new AssertionError("no theme row; page error: " + text(element("//span[@id='error']")), e);
        }
        assertThat(text(row), containsString("almond"));
        call("POST", path("/element/" + row + "/click"), Map.of());
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
                .until(() -> text(element("//h2[@id='d-title']")), equalTo("Leche de almendras"));

        call("POST", path("/element/" + element("//select[@id='d-status']/option[.='planned']") + "/click"), Map.of());
        JsonNode note = call("POST", path("/element/" + element("//input[@id='d-note']") + "/value"),
                Map.of("text", "Coming in December"));
        assertThat(note.path("value").isNull(), equalTo(true));
        call("POST", path("/element/" + element("//button[@id='d-apply']") + "/click"), Map.of());

        await().atMost(Duration.ofSeconds(10)).until(() -> "planned".equals(Api.theme(brand, themeId).getString("status")));
        assertThat(Api.theme(brand, themeId).getString("note"), equalTo("Coming in December"));
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
                .until(() -> text(element("//tbody[@id='themes']/tr[contains(., 'Leche de almendras')]")),
                        containsString("planned"));
        assertThat(text(element("//span[@id='error']")), equalTo(""));

        screenshot("target/dashboard.png");
    }

    private void screenshot(String file) throws Exception {
        byte[] png = Base64.getDecoder().decode(call("GET", path("/screenshot"), null).path("value").asText());
        Files.createDirectories(Path.of(file).getParent());
        Files.write(Path.of(file), png);
    }

    private String path(String suffix) {
        return "/session/" + session + suffix;
    }

    private String element(String xpath) throws Exception {
        JsonNode found = call("POST", path("/element"), Map.of("using", "xpath", "value", xpath)).path("value");
        if (found.has("error")) {
            return null;
        }
        return found.elements().next().asText();
    }

    private String text(String element) throws Exception {
        return call("GET", path("/element/" + element + "/text"), null).path("value").asText();
    }

    private void script(String source, Object... args) throws Exception {
        call("POST", path("/execute/sync"), Map.of("script", source, "args", List.of(args)));
    }

    private JsonNode call(String method, String path, Object body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(webdriver + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }
}
