package io.socialcare.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Starts the packaged services ({@code target/quarkus-app/quarkus-run.jar}, prod profile) as their own JVMs, on
 * free ports, with configuration given as environment variables exactly as an operator would.
 */
final class ServiceProcesses implements AutoCloseable {

    private final Path root;
    private final Path logs;
    private final Map<String, Process> processes = new LinkedHashMap<>();
    private final Map<String, Integer> ports = new LinkedHashMap<>();

    ServiceProcesses(Path root) throws IOException {
        this.root = root;
        this.logs = root.resolve("suite-cli/target/e2e-logs");
        Files.createDirectories(logs);
    }

    void start(String service, Map<String, String> environment) throws IOException {
        Path jar = root.resolve(service + "-service/target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: package the services first (./mvnw verify does)");
        }
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", jar.toString());
        builder.environment().putAll(environment);
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        builder.redirectErrorStream(true).redirectOutput(logs.resolve(service + ".log").toFile());
        processes.put(service, builder.start());
        ports.put(service, port);
    }

    String url(String service) {
        return "http://127.0.0.1:" + ports.get(service);
    }

    void awaitReady(Duration timeout) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(timeout);
        for (String service : processes.keySet()) {
            URI ready = URI.create(url(service) + "/q/health/ready");
            while (true) {
                if (!processes.get(service).isAlive()) {
                    throw new IllegalStateException(service + " exited: see " + logs.resolve(service + ".log"));
                }
                try {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(3)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 200) {
                        break;
                    }
                } catch (IOException e) {
                    // not listening yet
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException(service + " not ready within " + timeout + ": see "
                            + logs.resolve(service + ".log"));
                }
                Thread.sleep(250);
            }
        }
    }

    @Override
    public void close() {
        processes.values().forEach(Process::destroy);
        for (Process p : processes.values()) {
            try {
                if (!p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
