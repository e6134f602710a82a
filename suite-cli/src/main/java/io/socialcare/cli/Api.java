package io.socialcare.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * A small client for the suite's public REST API, as a partner app would call it: JSON bodies, bearer tokens,
 * and the raw status code kept for the caller to judge.
 */
public final class Api {

    public static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** An answer: status, body parsed as JSON when it is JSON, headers. */
    public record Answer(int status, JsonNode body, String raw, Map<String, java.util.List<String>> headers) {

        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst().orElse(null);
        }

        public Answer expect(int... statuses) {
            for (int s : statuses) {
                if (s == status) {
                    return this;
                }
            }
            throw new IllegalStateException("expected " + java.util.Arrays.toString(statuses) + " but got " + status
                    + ": " + raw);
        }
    }

    public Answer get(String url, Supplier<String> token) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET(), token, null);
    }

    public Answer post(String url, Supplier<String> token, Object body) {
        return send(HttpRequest.newBuilder(URI.create(url)), token, body, "POST", Map.of());
    }

    public Answer post(String url, Supplier<String> token, Object body, Map<String, String> headers) {
        return send(HttpRequest.newBuilder(URI.create(url)), token, body, "POST", headers);
    }

    public Answer put(String url, Supplier<String> token, Object body) {
        return send(HttpRequest.newBuilder(URI.create(url)), token, body, "PUT", Map.of());
    }

    public Answer patch(String url, Supplier<String> token, Object body) {
        return send(HttpRequest.newBuilder(URI.create(url)), token, body, "PATCH", Map.of());
    }

    public Answer delete(String url, Supplier<String> token) {
        return send(HttpRequest.newBuilder(URI.create(url)), token, null, "DELETE", Map.of());
    }

    /** A form POST (OIDC token endpoint). */
    public Answer form(String url, String form) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        return execute(builder);
    }

    private Answer send(HttpRequest.Builder builder, Supplier<String> token, Object body) {
        return send(builder, token, body, "GET", Map.of());
    }

    private Answer send(HttpRequest.Builder builder, Supplier<String> token, Object body, String method,
            Map<String, String> headers) {
        if (token != null) {
            builder.header("Authorization", "Bearer " + token.get());
        }
        headers.forEach(builder::header);
        if (body != null) {
            try {
                byte[] json = body instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : JSON.writeValueAsBytes(body);
                builder.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofByteArray(json));
            } catch (IOException e) {
                throw new IllegalArgumentException(e);
            }
        } else if (!"GET".equals(method)) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return execute(builder);
    }

    private Answer execute(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = http.send(builder.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            JsonNode node = null;
            String raw = response.body();
            if (raw != null && !raw.isBlank() && (raw.startsWith("{") || raw.startsWith("["))) {
                node = JSON.readTree(raw);
            }
            return new Answer(response.statusCode(), node, raw, response.headers().map());
        } catch (IOException e) {
            throw new IllegalStateException("request failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** True when {@code url} answers 200 now. */
    public boolean ready(String url) {
        try {
            return execute(HttpRequest.newBuilder(URI.create(url)).GET()).status() == 200;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
