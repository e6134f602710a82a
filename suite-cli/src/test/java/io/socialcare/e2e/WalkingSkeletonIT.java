package io.socialcare.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.socialcare.cli.Api;
import io.socialcare.cli.Demo;
import io.socialcare.cli.Endpoints;
import io.socialcare.stack.ChannelSandbox;
import io.socialcare.stack.KafkaBroker;
import io.socialcare.stack.MongoWireServer;
import io.socialcare.testing.PostgresResource;
import io.socialcare.testing.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The four packaged services, started as their own JVMs against real servers (a KRaft Kafka broker, the
 * machine's PostgreSQL, the MongoDB wire server, the OIDC test server signing real tokens, and the channel
 * sandbox), walked through REST only: mention in → case → reply in the same thread → theme for product.
 * It replays the demo's conversations and requires every one of the demo's checks to hold.
 */
class WalkingSkeletonIT {

    private static KafkaBroker kafka;
    private static MongoWireServer mongo;
    private static ChannelSandbox sandbox;
    private static OidcWiremockTestResource oidc;
    private static ServiceProcesses services;

    @BeforeAll
    static void startEverything() throws Exception {
        Path root = Path.of(System.getProperty("suite.root", "..")).toAbsolutePath().normalize();
        kafka = KafkaBroker.start(Files.createTempDirectory("e2e-kafka"), 0, 0, 3);
        mongo = MongoWireServer.inMemory();
        sandbox = ChannelSandbox.start(0, null);
        oidc = new OidcWiremockTestResource();
        String keycloakUrl = oidc.start().get("keycloak.url");

        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("QUARKUS_MONGODB_CONNECTION_STRING", mongo.connectionString());
        env.put("QUARKUS_OIDC_AUTH_SERVER_URL", keycloakUrl + "/realms/quarkus/");
        env.put("QUARKUS_OIDC_TOKEN_ISSUER", Tokens.ISSUER);
        env.put("QUARKUS_OTEL_TRACES_SAMPLER", "always_off");
        env.put("CHANNELS_X_URL", sandbox.baseUrl() + "/x");
        env.put("CHANNELS_FACEBOOK_URL", sandbox.baseUrl() + "/facebook");
        env.put("CHANNELS_INSTAGRAM_URL", sandbox.baseUrl() + "/instagram");
        for (String channel : List.of("youtube", "tiktok", "linkedin", "blog", "forum", "review", "partner")) {
            env.put("CHANNELS_" + channel.toUpperCase() + "_URL", sandbox.baseUrl() + "/webhook/" + channel);
            env.put("CHANNELS_" + channel.toUpperCase() + "_SECRET", "e2e-webhook-secret");
        }

        services = new ServiceProcesses(root);
        for (String service : List.of("listening", "routing", "response", "feedback")) {
            Map<String, String> serviceEnv = new HashMap<>(env);
            if (service.equals("listening")) {
                // Low enough for the limit test to reach, high enough for the demo's own traffic.
                serviceEnv.put("SOCIALCARE_RATE_LIMIT_REQUESTS_PER_SECOND", "20");
                serviceEnv.put("SOCIALCARE_RATE_LIMIT_BURST", "150");
            }
            if (service.equals("routing") || service.equals("response")) {
                PostgresResource postgres = new PostgresResource();
                postgres.init(Map.of("database", service + "_e2e"));
                postgres.start().forEach((key, value) -> serviceEnv.put(toEnv(key), value));
            }
            services.start(service, serviceEnv);
        }
        services.awaitReady(Duration.ofSeconds(180));
    }

    @AfterAll
    static void stopEverything() {
        if (services != null) {
            services.close();
        }
        if (oidc != null) {
            oidc.stop();
        }
        if (sandbox != null) {
            sandbox.close();
        }
        if (mongo != null) {
            mongo.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void mentionBecomesOneCaseAReplyInTheSameThreadAndAThemeForProduct() {
        Endpoints endpoints = new Endpoints(services.url("listening"), services.url("routing"), services.url("response"),
                services.url("feedback"), sandbox.baseUrl());
        Demo demo = new Demo(endpoints, (role, brands) -> Tokens.token("e2e-" + role, Set.of(role), brands));

        assertTrue(demo.run(), "every check of the demo journey holds (see the output above)");

        // The X reply answers Laura's first tweet, in its thread; nothing went to another channel.
        List<JsonNode> posts = sandbox.posts().stream().map(WalkingSkeletonIT::json).toList();
        JsonNode xReply = posts.stream().filter(p -> p.path("path").asText().equals("/x/2/tweets")).findFirst().orElseThrow();
        assertEquals("1861000000000000001", xReply.path("body").path("reply").path("in_reply_to_tweet_id").asText());
        assertTrue(posts.stream().anyMatch(p -> p.path("path").asText().equals("/facebook/v21.0/10229_5501/comments")),
                "Laura's Facebook follow-up is answered under her Facebook post");
        assertTrue(posts.stream().anyMatch(p -> p.path("path").asText().equals("/instagram/v21.0/17900000000000001/replies")),
                "Mike's Instagram question is answered under his post");
        JsonNode webhook = posts.stream().filter(p -> p.path("path").asText().equals("/webhook/review")).findFirst()
                .orElseThrow();
        assertTrue(webhook.path("signature").asText().startsWith("sha256="), "partner webhook posts are signed");
        assertEquals(webhook.path("body").path("replyId").asText(), webhook.path("idempotencyKey").asText());
        assertEquals(4, posts.size(), "each reply was posted exactly once, retries included");

        // Every endpoint on the path requires a token.
        Api api = new Api();
        assertEquals(401, api.get(services.url("routing") + "/api/v1/cases?brand=aurora", null).status());
        assertEquals(401, api.get(services.url("feedback") + "/api/v1/themes?brand=aurora", null).status());
        assertEquals(401, api.post(services.url("listening") + "/api/v1/mentions", null, Map.of()).status());
    }

    @Test
    void limitsEachClientAndRefusesOversizedBodiesAsProblems() {
        Api api = new Api();
        String analysis = services.url("listening") + "/api/v1/analysis";
        String flood = Tokens.token("e2e-flood", Set.of("partner"), List.of("aurora"));
        int limited = 0;
        Api.Answer last = null;
        for (int i = 0; i < 400 && limited < 5; i++) {
            Api.Answer answer = api.post(analysis, () -> flood, Map.of("text", "hola"));
            if (answer.status() == 429) {
                limited++;
                last = answer;
            }
        }
        assertTrue(limited > 0, "a client over its rate gets 429");
        assertTrue(last.header("Content-Type").startsWith("application/problem+json"), last.raw());
        assertTrue(Integer.parseInt(last.header("Retry-After")) >= 1, "429 says when to retry");
        String other = Tokens.token("e2e-calm", Set.of("partner"), List.of("aurora"));
        assertEquals(200, api.post(analysis, () -> other, Map.of("text", "hola")).status(), "other clients are not limited");

        String huge = "{\"text\":\"" + "x".repeat(1_100_000) + "\"}";
        Api.Answer tooLarge = api.post(services.url("listening") + "/api/v1/mentions", () -> other, huge);
        assertEquals(413, tooLarge.status());
        assertTrue(tooLarge.header("Content-Type").startsWith("application/problem+json"), tooLarge.raw());
    }

    @Test
    void unreadableRecordsReachTheirDeadLetterTopicsWithinFiveSecondsAndServicesStayReady() throws Exception {
        String poison = "{not json " + java.util.UUID.randomUUID();
        Map<String, Integer> expected = Map.of("mentions.dlq", 2, "cases.dlq", 1, "replies.dlq", 1, "feedback.dlq", 1);
        Map<String, Integer> seen = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.Properties consumerProps = new java.util.Properties();
        consumerProps.put("bootstrap.servers", kafka.bootstrapServers());
        consumerProps.put("group.id", "e2e-dlq-" + java.util.UUID.randomUUID());
        consumerProps.put("auto.offset.reset", "earliest");
        consumerProps.put("key.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
        consumerProps.put("value.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
        java.util.Properties producerProps = new java.util.Properties();
        producerProps.put("bootstrap.servers", kafka.bootstrapServers());
        producerProps.put("key.serializer", "org.apache.kafka.common.serialization.StringSerializer");
        producerProps.put("value.serializer", "org.apache.kafka.common.serialization.StringSerializer");
        try (var admin = org.apache.kafka.clients.admin.Admin.create(Map.of("bootstrap.servers", (Object) kafka.bootstrapServers()))) {
            var existing = admin.listTopics().names().get();
            var missing = expected.keySet().stream().filter(t -> !existing.contains(t))
                    .map(t -> new org.apache.kafka.clients.admin.NewTopic(t, 1, (short) 1)).toList();
            try {
                admin.createTopics(missing).all().get();
            } catch (java.util.concurrent.ExecutionException e) {
                // created by a service in the meantime
            }
            // The bound is on the services: measure only once every consumer group holds its partitions.
            List<String> groups = List.of("routing-service", "response-service", "feedback-service");
            long stableDeadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < stableDeadline) {
                var described = admin.describeConsumerGroups(groups).all().get();
                if (described.values().stream().allMatch(g -> g.groupState() == org.apache.kafka.common.GroupState.STABLE
                        && g.members().stream().anyMatch(m -> !m.assignment().topicPartitions().isEmpty()))) {
                    break;
                }
                Thread.sleep(200);
            }
        }
        try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<String, String>(producerProps);
                var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<String, String>(consumerProps)) {
            consumer.subscribe(expected.keySet());
            long joinDeadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (consumer.assignment().size() < expected.size() && System.nanoTime() < joinDeadline) {
                consumer.poll(Duration.ofMillis(100));
            }
            long sent = System.nanoTime();
            for (String topic : List.of("mentions", "cases", "replies", "feedback")) {
                producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(topic, "poison", poison)).get();
            }
            long deadline = sent + Duration.ofSeconds(5).toNanos();
            while (System.nanoTime() < deadline
                    && !expected.entrySet().stream().allMatch(e -> seen.getOrDefault(e.getKey(), 0) >= e.getValue())) {
                for (var record : consumer.poll(Duration.ofMillis(100))) {
                    if (poison.equals(record.value())) {
                        assertTrue(record.headers().lastHeader("dead-letter-reason") != null,
                                record.topic() + " carries the error in a header");
                        seen.merge(record.topic(), 1, Integer::sum);
                    }
                }
            }
            assertEquals(expected, Map.copyOf(seen), "each consumer dead-lettered the poison record within 5 s "
                    + "(mentions has two consumers: routing and feedback)");
        }
        Api api = new Api();
        for (String service : List.of("listening", "routing", "response", "feedback")) {
            assertEquals(200, api.get(services.url(service) + "/q/health/ready", null).status(), service + " stays ready");
            assertEquals(200, api.get(services.url(service) + "/q/health/live", null).status(), service + " stays live");
        }
    }

    /** Every path of CONTRACT.md, by service; path parameters are compared by position, not by name. */
    private static final Map<String, List<String>> CONTRACT_PATHS = Map.of(
            "listening", List.of("/api/v1/mentions", "/api/v1/mentions/batch", "/api/v1/mentions/{}", "/api/v1/brands",
                    "/api/v1/brands/{}", "/api/v1/analysis"),
            "routing", List.of("/api/v1/departments/{}", "/api/v1/agents/{}", "/api/v1/sla-policies/{}", "/api/v1/cases",
                    "/api/v1/cases/{}", "/api/v1/cases/by-mention/{}", "/api/v1/cases/{}/transfers",
                    "/api/v1/cases/{}/resolve", "/api/v1/customers/{}", "/api/v1/stats"),
            "response", List.of("/api/v1/cases/{}/replies", "/api/v1/replies/{}", "/api/v1/replies/{}/approve",
                    "/api/v1/replies/{}/reject", "/api/v1/templates"),
            "feedback", List.of("/api/v1/themes", "/api/v1/themes/{}", "/api/v1/themes/{}/merge", "/api/v1/trends",
                    "/api/v1/themes/export.csv"));

    @Test
    void everyContractPathIsInTheServedOpenApi() {
        Api api = new Api();
        CONTRACT_PATHS.forEach((service, paths) -> {
            Api.Answer answer = api.get(services.url(service) + "/q/openapi?format=json", null);
            assertEquals(200, answer.status(), service + " serves /q/openapi without a token");
            Set<String> served = new java.util.HashSet<>();
            answer.body().path("paths").fieldNames().forEachRemaining(p -> served.add(p.replaceAll("\\{[^}]+}", "{}")));
            for (String path : paths) {
                assertTrue(served.contains(path), service + " documents " + path + " (served: " + served + ")");
            }
        });
    }

    private static JsonNode json(String raw) {
        try {
            return Api.JSON.readTree(raw);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String toEnv(String property) {
        return property.toUpperCase().replace('.', '_').replace('-', '_');
    }
}
