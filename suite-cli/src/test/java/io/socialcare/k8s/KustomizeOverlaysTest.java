package io.socialcare.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Renders every overlay with {@code kubectl kustomize} and checks what every pod must have: probes on the Quarkus
 * health endpoints, requests and limits, non-root, read-only root filesystem, no capabilities, a
 * PodDisruptionBudget per Deployment — and that no secret value is committed.
 */
class KustomizeOverlaysTest {

    private static final Path ROOT = Path.of(System.getProperty("suite.root", "..")).toAbsolutePath().normalize();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyPodIsProbedLimitedAndLockedDown(String overlay) throws Exception {
        List<JsonNode> objects = render(ROOT.resolve("k8s/overlays/" + overlay));
        List<JsonNode> deployments = ofKind(objects, "Deployment");
        assertEquals(4, deployments.size(), "one Deployment per service");
        Set<String> budgeted = new HashSet<>();
        ofKind(objects, "PodDisruptionBudget").forEach(p ->
                budgeted.add(p.path("spec").path("selector").path("matchLabels").path("app.kubernetes.io/name").asText()));

        for (JsonNode deployment : deployments) {
            String name = deployment.path("metadata").path("name").asText();
            JsonNode pod = deployment.path("spec").path("template").path("spec");
            assertTrue(pod.path("securityContext").path("runAsNonRoot").asBoolean(), name + " runAsNonRoot");
            assertTrue(budgeted.contains(name), name + " has a PodDisruptionBudget");
            for (JsonNode container : pod.path("containers")) {
                assertEquals("/q/health/started", container.path("startupProbe").path("httpGet").path("path").asText(), name);
                assertEquals("/q/health/ready", container.path("readinessProbe").path("httpGet").path("path").asText(), name);
                assertEquals("/q/health/live", container.path("livenessProbe").path("httpGet").path("path").asText(), name);
                for (String kind : List.of("requests", "limits")) {
                    assertFalse(container.path("resources").path(kind).path("cpu").isMissingNode(), name + " cpu " + kind);
                    assertFalse(container.path("resources").path(kind).path("memory").isMissingNode(), name + " memory " + kind);
                }
                JsonNode security = container.path("securityContext");
                assertTrue(security.path("readOnlyRootFilesystem").asBoolean(), name + " readOnlyRootFilesystem");
                assertFalse(security.path("allowPrivilegeEscalation").asBoolean(true), name + " no privilege escalation");
                assertEquals("[\"ALL\"]", security.path("capabilities").path("drop").toString(), name + " drops ALL");
                assertTrue(container.path("envFrom").toString().contains("-service-config"), name + " envFrom its ConfigMap");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void noSecretValueIsCommitted(String overlay) throws Exception {
        List<JsonNode> objects = render(ROOT.resolve("k8s/overlays/" + overlay));
        for (JsonNode secret : ofKind(objects, "Secret")) {
            assertTrue(secret.path("data").isMissingNode() && secret.path("stringData").isMissingNode(),
                    "a Secret with values is rendered: " + secret.path("metadata").path("name").asText());
        }
        for (JsonNode config : ofKind(objects, "ConfigMap")) {
            config.path("data").fieldNames().forEachRemaining(key -> assertFalse(
                    key.matches("(?i).*(PASSWORD|SECRET|TOKEN|CREDENTIAL).*"),
                    "credential-like key " + key + " in ConfigMap " + config.path("metadata").path("name").asText()));
        }
        try (Stream<Path> files = Files.walk(ROOT.resolve("k8s"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                assertFalse(text.matches("(?s).*\"(secret|password)\"\\s*:\\s*\"[^\"$]+\".*"),
                        "literal secret in " + ROOT.relativize(file));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod"})
    void productionScalesAndRestrictsTraffic(String overlay) throws Exception {
        List<JsonNode> objects = render(ROOT.resolve("k8s/overlays/" + overlay));
        assertEquals(4, ofKind(objects, "HorizontalPodAutoscaler").size(), "an HPA per service");
        assertTrue(ofKind(objects, "NetworkPolicy").stream()
                .anyMatch(p -> p.path("metadata").path("name").asText().equals("default-deny")), "default deny");
        assertEquals(1, ofKind(objects, "Kafka").size(), "Strimzi Kafka");
        JsonNode kafka = ofKind(objects, "Kafka").get(0).path("spec").path("kafka").path("config");
        assertEquals(2, kafka.path("min.insync.replicas").asInt());
        Set<String> topics = new HashSet<>();
        ofKind(objects, "KafkaTopic").forEach(t -> topics.add(t.path("spec").path("topicName").asText()));
        assertTrue(topics.containsAll(List.of("mentions", "cases", "replies", "feedback", "mentions.dlq", "cases.dlq",
                "replies.dlq", "feedback.dlq")), "topics of the contract: " + topics);
        assertEquals(1, ofKind(objects, "Cluster").size(), "CloudNativePG cluster");
        assertEquals(1, ofKind(objects, "MongoDBCommunity").size(), "MongoDB replica set");
        assertEquals(1, ofKind(objects, "Keycloak").size(), "Keycloak");
        assertTrue(ofKind(objects, "ConfigMap").stream()
                .anyMatch(c -> c.path("data").has("socialcare-realm.json")), "the realm file is imported from the repo");
    }

    private static List<JsonNode> ofKind(List<JsonNode> objects, String kind) {
        return objects.stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
    }

    private static List<JsonNode> render(Path overlay) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("kubectl", "kustomize", overlay.toString()).redirectErrorStream(false).start();
        byte[] out = process.getInputStream().readAllBytes();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), "kubectl kustomize " + overlay + " failed: " + err);
        List<JsonNode> objects = new ArrayList<>();
        try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(out)) {
            while (it.hasNext()) {
                JsonNode node = it.next();
                if (node != null && !node.isEmpty()) {
                    objects.add(node);
                }
            }
        }
        return objects;
    }
}
