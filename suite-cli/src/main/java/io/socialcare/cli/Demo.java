package io.socialcare.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The demo: creates a brand, its departments and agents through the public API, replays realistic
 * conversations (Spanish and English, several customers on several channels, one moving from X to Facebook),
 * answers some of them, tries a ping-pong transfer, and prints what happened. Replies land in the channel
 * sandbox, a local stand-in for the networks, which records them.
 */
public final class Demo {

    /** Gives a bearer token for a role and brand scope. */
    public interface TokenSource {
        String token(String role, List<String> brands);
    }

    static final String BRAND = "aurora";

    private final Endpoints endpoints;
    private final TokenSource tokens;
    private final Api api = new Api();
    private final Map<String, String> tokenCache = new ConcurrentHashMap<>();
    private final List<String> failures = new ArrayList<>();
    private final Map<String, String> expectedThreads = new LinkedHashMap<>();

    public Demo(Endpoints endpoints, TokenSource tokens) {
        this.endpoints = endpoints;
        this.tokens = tokens;
    }

    private Supplier<String> as(String role) {
        return () -> tokenCache.computeIfAbsent(role, r -> tokens.token(r, "admin".equals(r) ? List.of() : List.of(BRAND)));
    }

    /** Runs the demo; true when every check held. */
    public boolean run() {
        Instant start = Instant.now();
        section("1. Configuration through the public API (brand, departments, agents)");
        configure();

        section("2. Replaying " + DemoData.MENTIONS.size() + " public mentions from partner apps");
        Map<String, String> mentionIds = new LinkedHashMap<>();
        for (DemoData.Post post : DemoData.MENTIONS) {
            Api.Answer answer = api.post(endpoints.listening() + "/api/v1/mentions", as("partner"), post.body(BRAND));
            check(answer.status() == 202, "mention " + post.key() + " accepted (got " + answer.status() + ")");
            if (answer.body() != null && answer.body().hasNonNull("id")) {
                mentionIds.put(post.key(), answer.body().get("id").asText());
            }
        }
        Api.Answer again = api.post(endpoints.listening() + "/api/v1/mentions", as("partner"),
                DemoData.MENTIONS.get(0).body(BRAND));
        check(again.status() == 200 && "duplicate".equals(text(again.body(), "status")),
                "a partner retrying the same post gets 200 duplicate, no second case");
        System.out.printf("   %d mentions accepted, 1 retry recognised as duplicate%n", mentionIds.size());

        section("3. Routing: one case and one accountable owner per customer");
        Map<String, JsonNode> caseByMention = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : mentionIds.entrySet()) {
            JsonNode c = awaitJson(endpoints.routing() + "/api/v1/cases/by-mention/" + e.getValue(), as("supervisor"),
                    Duration.ofSeconds(60));
            check(c != null, "mention " + e.getKey() + " routed to a case");
            if (c != null) {
                caseByMention.put(e.getKey(), c);
            }
        }
        Map<String, JsonNode> cases = new LinkedHashMap<>();
        caseByMention.values().forEach(c -> cases.put(c.get("id").asText(), c));
        String lauraX = caseId(caseByMention, "laura-x-1");
        String lauraFb = caseId(caseByMention, "laura-fb-1");
        check(lauraX != null && lauraX.equals(lauraFb),
                "Laura moved from X to Facebook: her follow-up joined the same case with the same owner");
        printCases(cases);

        section("4. Replies, each in the customer's own channel and thread");
        reply(caseByMention, "laura-x-1", mentionIds.get("laura-x-1"),
                "Hola Laura, siento mucho el doble cargo. Ya lo he revisado: el segundo cobro se anula hoy y te escribo en cuanto lo veas reflejado.");
        reply(caseByMention, "laura-fb-1", null,
                "Laura, te confirmo aquí también: la anulación del segundo cargo ya está en curso. Gracias por tu paciencia.");
        reply(caseByMention, "mike-ig-1", null,
                "Hi Mike! Our Gran Vía store opens at 7:30 on weekdays and 9:00 at weekends. See you soon!");
        reply(caseByMention, "carmen-review-1", null,
                "Carmen, lamentamos que el café llegara frío. Hemos hablado con el equipo de la tienda de Triana; nos gustaría invitarte al próximo.");
        awaitSandboxPosts(4, Duration.ofSeconds(60));
        printSandbox();
        checkDelivered();

        section("5. No ping-pong between departments");
        pingPong(caseByMention);

        section("6. Themes for product managers (what customers suggest, ranked by people)");
        printThemes();

        section("7. Numbers");
        Api.Answer stats = api.get(endpoints.routing() + "/api/v1/stats?brand=" + BRAND, as("supervisor"));
        if (stats.status() == 200) {
            System.out.println("   " + stats.raw());
        } else {
            check(false, "stats answered " + stats.status());
        }

        section("Result");
        System.out.printf("   Demo took %d s.%n", Duration.between(start, Instant.now()).toSeconds());
        if (failures.isEmpty()) {
            System.out.println("   Every check held.");
            return true;
        }
        System.out.println("   " + failures.size() + " check(s) failed:");
        failures.forEach(f -> System.out.println("   ✘ " + f));
        return false;
    }

    private void configure() {
        api.put(endpoints.listening() + "/api/v1/brands/" + BRAND, as("admin"), Map.of(
                "name", "Aurora Café",
                "keywords", List.of("aurora", "aurora café", "cafe aurora", "auroracafe"),
                "handles", List.of("@auroracafe"))).expect(200, 201, 204);
        for (DemoData.Department d : DemoData.DEPARTMENTS) {
            Api.Answer a = api.put(endpoints.routing() + "/api/v1/departments/" + d.id(), as("admin"), d.body(BRAND));
            check(a.status() / 100 == 2, "department " + d.id() + " configured (" + a.status() + ")");
        }
        for (DemoData.Agent a : DemoData.AGENTS) {
            Api.Answer answer = api.put(endpoints.routing() + "/api/v1/agents/" + a.id(), as("admin"), a.body(BRAND));
            check(answer.status() / 100 == 2, "agent " + a.id() + " configured (" + answer.status() + ")");
        }
        System.out.printf("   brand %s, %d departments, %d agents%n", BRAND, DemoData.DEPARTMENTS.size(),
                DemoData.AGENTS.size());
    }

    private void reply(Map<String, JsonNode> caseByMention, String mentionKey, String inReplyTo, String text) {
        String caseId = caseId(caseByMention, mentionKey);
        if (caseId == null) {
            check(false, "no case to answer for " + mentionKey);
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("text", text);
        if (inReplyTo != null) {
            body.put("inReplyTo", inReplyTo);
        }
        String key = "demo-" + mentionKey;
        Api.Answer answer = null;
        Instant deadline = Instant.now().plusSeconds(30);
        // The response service learns about a case from the cases topic; give it a moment.
        while (Instant.now().isBefore(deadline)) {
            answer = api.post(endpoints.response() + "/api/v1/cases/" + caseId + "/replies", as("agent"), body,
                    Map.of("Idempotency-Key", key));
            if (answer.status() != 404) {
                break;
            }
            sleep(300);
        }
        check(answer != null && (answer.status() == 202 || answer.status() == 200),
                "reply to " + mentionKey + " accepted (" + (answer == null ? "none" : answer.status() + " " + answer.raw()) + ")");
        if (answer != null && answer.body() != null) {
            System.out.printf("   reply %s → %s thread %s (status %s, risk %s)%n", text(answer.body(), "id"),
                    text(answer.body(), "channel"), text(answer.body(), "threadId"), text(answer.body(), "status"),
                    answer.body().path("risk").path("level").asText("?"));
            Api.Answer retry = api.post(endpoints.response() + "/api/v1/cases/" + caseId + "/replies", as("agent"), body,
                    Map.of("Idempotency-Key", key));
            check(retry.status() == 200 && text(answer.body(), "id").equals(text(retry.body(), "id")),
                    "retrying reply " + mentionKey + " with the same Idempotency-Key returns the same reply");
            if ("pending_approval".equals(text(answer.body(), "status"))) {
                Api.Answer approved = api.post(endpoints.response() + "/api/v1/replies/" + text(answer.body(), "id")
                        + "/approve", as("supervisor"), null);
                check(approved.status() == 200, "supervisor approved the risky reply (" + approved.status() + ")");
                System.out.printf("     flagged %s → approved by a supervisor%n", answer.body().path("risk").path("flags"));
            }
            expectedThreads.put(text(answer.body(), "id"), text(answer.body(), "channel") + " " + text(answer.body(), "threadId"));
        }
    }

    /** Every reply reached the state {@code sent} in the channel and thread it was meant for. */
    private void checkDelivered() {
        for (Map.Entry<String, String> e : expectedThreads.entrySet()) {
            JsonNode reply = null;
            Instant deadline = Instant.now().plusSeconds(20);
            while (Instant.now().isBefore(deadline)) {
                reply = api.get(endpoints.response() + "/api/v1/replies/" + e.getKey(), as("agent")).body();
                if (reply != null && "sent".equals(text(reply, "status"))) {
                    break;
                }
                sleep(300);
            }
            check(reply != null && "sent".equals(text(reply, "status"))
                    && e.getValue().equals(text(reply, "channel") + " " + text(reply, "threadId")),
                    "reply " + e.getKey() + " sent in " + e.getValue() + " (got " + (reply == null ? "nothing" : reply) + ")");
        }
    }

    private void pingPong(Map<String, JsonNode> caseByMention) {
        String caseId = caseId(caseByMention, "pablo-x-1");
        if (caseId == null) {
            check(false, "no case for the ping-pong demonstration");
            return;
        }
        JsonNode before = api.get(endpoints.routing() + "/api/v1/cases/" + caseId, as("agent")).body();
        String from = before.path("owner").path("department").asText();
        String to = from.equals("aurora-billing") ? "aurora-care" : "aurora-billing";
        Api.Answer first = api.post(endpoints.routing() + "/api/v1/cases/" + caseId + "/transfers", as("agent"),
                Map.of("toDepartment", to, "reason", "El cliente pregunta por un cargo: lo lleva Facturación"));
        check(first.status() == 200, "warm hand-off " + from + " → " + to + " accepted (" + first.status() + ")");
        System.out.printf("   case %s: %s → %s (reason recorded)%n", shortId(caseId), from, to);
        Api.Answer back = api.post(endpoints.routing() + "/api/v1/cases/" + caseId + "/transfers", as("agent"),
                Map.of("toDepartment", from, "reason", "No es de facturación"));
        check(back.status() == 409, "transfer back to " + from + " refused as ping-pong (" + back.status() + ")");
        System.out.printf("   case %s: back to %s → %d %s%n", shortId(caseId), from, back.status(),
                back.body() == null ? "" : text(back.body(), "detail"));
    }

    private void printCases(Map<String, JsonNode> cases) {
        System.out.printf("   %-10s %-9s %-9s %-16s %-8s %-28s %s%n", "case", "status", "priority", "department", "agent",
                "channels", "routing reason");
        for (JsonNode c : cases.values()) {
            JsonNode fresh = api.get(endpoints.routing() + "/api/v1/cases/" + c.get("id").asText(), as("supervisor")).body();
            JsonNode view = fresh == null ? c : fresh;
            List<String> channels = new ArrayList<>();
            view.path("mentions").forEach(m -> channels.add(m.path("channel").asText()));
            System.out.printf("   %-10s %-9s %-9s %-16s %-8s %-28s %s%n", shortId(view.path("id").asText()),
                    view.path("status").asText(), view.path("priority").asText(),
                    view.path("owner").path("department").asText(), view.path("owner").path("agent").asText("—"),
                    String.join(",", channels), view.path("routingReason").asText());
        }
        System.out.printf("   %d cases for %d mentions%n", cases.size(), DemoData.MENTIONS.size());
    }

    private void printSandbox() {
        JsonNode posts = api.get(endpoints.sandbox() + "/_sandbox/posts", null).body();
        System.out.println("   What the channel sandbox (local stand-in for the networks) recorded:");
        if (posts != null) {
            for (JsonNode p : posts) {
                JsonNode body = p.path("body");
                String target = body.has("reply") ? "in reply to tweet " + body.path("reply").path("in_reply_to_tweet_id").asText()
                        : body.has("threadId") ? "thread " + body.path("threadId").asText() : "";
                String text = body.has("text") ? body.path("text").asText() : body.path("message").asText();
                System.out.printf("   POST %-40s %s%n      \"%s\"%n", p.path("path").asText(), target, abbreviate(text, 90));
            }
        }
    }

    private void printThemes() {
        JsonNode page = null;
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            Api.Answer a = api.get(endpoints.feedback() + "/api/v1/themes?brand=" + BRAND + "&sort=customers",
                    as("product-manager"));
            if (a.status() == 200 && a.body().path("items").size() > 0) {
                page = a.body();
                break;
            }
            sleep(500);
        }
        check(page != null, "suggestions grouped into themes for product managers");
        if (page == null) {
            return;
        }
        System.out.printf("   %-44s %-10s %9s %8s  %s%n", "theme", "product", "customers", "mentions", "channels");
        for (JsonNode t : page.path("items")) {
            System.out.printf("   %-44s %-10s %9d %8d  %s%n", abbreviate(t.path("title").asText(), 44),
                    t.path("product").asText("—"), t.path("customers").asInt(), t.path("mentions").asInt(),
                    t.path("channels").toString());
        }
    }

    private void awaitSandboxPosts(int count, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            JsonNode posts = api.get(endpoints.sandbox() + "/_sandbox/posts", null).body();
            if (posts != null && posts.size() >= count) {
                return;
            }
            sleep(300);
        }
        check(false, "expected " + count + " replies posted to the channels within " + timeout.toSeconds() + " s");
    }

    private JsonNode awaitJson(String url, Supplier<String> token, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            Api.Answer a = api.get(url, token);
            if (a.status() == 200) {
                return a.body();
            }
            sleep(200);
        }
        return null;
    }

    private static String caseId(Map<String, JsonNode> caseByMention, String key) {
        JsonNode c = caseByMention.get(key);
        return c == null ? null : c.path("id").asText(null);
    }

    private void check(boolean condition, String what) {
        if (!condition) {
            failures.add(what);
            System.out.println("   ✘ " + what);
        }
    }

    private static void section(String title) {
        System.out.println();
        System.out.println("== " + title);
    }

    static String text(JsonNode node, String field) {
        return node == null ? null : node.path(field).asText(null);
    }

    private static String shortId(String id) {
        return id == null || id.length() < 8 ? String.valueOf(id) : id.substring(0, 8);
    }

    private static String abbreviate(String s, int max) {
        return s == null ? "" : s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static Instant minutesAgo(int minutes) {
        return Instant.now().minus(minutes, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
    }
}
