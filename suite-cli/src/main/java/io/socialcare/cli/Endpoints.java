package io.socialcare.cli;

/**
 * Where the four services and the channel sandbox answer.
 */
public record Endpoints(String listening, String routing, String response, String feedback, String sandbox) {

    public static Endpoints fromEnvironment() {
        return new Endpoints(
                Main.env("LISTENING_URL", "http://127.0.0.1:8081"),
                Main.env("ROUTING_URL", "http://127.0.0.1:8082"),
                Main.env("RESPONSE_URL", "http://127.0.0.1:8083"),
                Main.env("FEEDBACK_URL", "http://127.0.0.1:8084"),
                Main.env("SANDBOX_URL", "http://127.0.0.1:8090"));
    }
}
