package io.socialcare.listening.rest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.socialcare.commons.problem.ProblemException;
import io.socialcare.listening.CaptureResult;
import io.socialcare.listening.config.ListeningConfig;
import io.socialcare.listening.service.Signatures;
import io.socialcare.listening.service.WebhookService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Receivers for the platforms' webhooks, one URL per brand. They are not called with a bearer token: Meta and X
 * authenticate each delivery with an HMAC-SHA256 signature of the raw body (app secret / consumer secret from
 * configuration), so these endpoints are {@code @PermitAll} and refuse (401, nothing stored) a delivery whose
 * signature is missing or wrong, or when no secret is configured.
 */
@Path("/api/v1/webhooks")
@PermitAll
public class WebhookResource {

    /** Answer to a delivery: what became of each mention in it. */
    public record Delivery(List<CaptureResult> results) {
    }

    private final WebhookService webhooks;
    private final ListeningConfig config;
    private final ObjectMapper mapper;

    public WebhookResource(WebhookService webhooks, ListeningConfig config, ObjectMapper mapper) {
        this.webhooks = webhooks;
        this.config = config;
        this.mapper = mapper;
    }

    /** Meta's subscription check: echoes {@code hub.challenge} when the verify token matches. */
    @GET
    @Path("/meta/{brand}")
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "Meta subscription check (echoes hub.challenge)")
    @APIResponse(responseCode = "200", description = "The challenge")
    @APIResponse(responseCode = "403", description = "Wrong verify token",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "404", description = "Unknown brand",
            content = @Content(mediaType = "application/problem+json"))
    public Uni<String> verifyMeta(@PathParam("brand") String brand, @QueryParam("hub.mode") String mode,
            @QueryParam("hub.verify_token") String token, @QueryParam("hub.challenge") String challenge) {
        String expected = config.meta().verifyToken().orElse(null);
        if (!"subscribe".equals(mode) || expected == null || !Signatures.matches(expected, token)
                || challenge == null) {
            throw ProblemException.forbidden("The verify token does not match");
        }
        return webhooks.requireBrand(brand).replaceWith(challenge);
    }

    @POST
    @Path("/meta/{brand}")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Meta webhook delivery (X-Hub-Signature-256)")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "example", value = ""
                    + "{\"object\":\"page\",\"entry\":[{\"id\":\"123\",\"time\":1790000000,\"changes\":[{\""
                    + "field\":\"feed\",\"value\":{\"item\":\"comment\",\"verb\":\"add\",\"comment_id\":\"1"
                    + "23_456\",\"post_id\":\"123_789\",\"message\":\"¿Tenéis fibra en Valencia?\",\"from\""
                    + ":{\"id\":\"u-1\",\"name\":\"Ana\"},\"created_time\":1790000000}}]}]}")))
    @APIResponse(responseCode = "200", description = "What was captured")
    @APIResponse(responseCode = "400", description = "Unreadable payload",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "401", description = "Missing or wrong signature",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "404", description = "Unknown brand",
            content = @Content(mediaType = "application/problem+json"))
    public Uni<Delivery> receiveMeta(@PathParam("brand") String brand,
            @HeaderParam("X-Hub-Signature-256") String signature, byte[] body) {
        String secret = config.meta().appSecret().orElse(null);
        verify(secret == null ? null : Signatures.metaSignature(secret, bytes(body)), signature);
        JsonNode payload = read(body);
        return webhooks.requireBrand(brand)
                .chain(() -> webhooks.capture(webhooks.fromMeta(brand, payload), "meta"))
                .map(Delivery::new);
    }

    /** X's CRC check: {@code {"response_token": "sha256=<base64 HMAC-SHA256(crc_token)>"}}. */
    @GET
    @Path("/x/{brand}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "X CRC check")
    @APIResponse(responseCode = "200", description = "The response token")
    @APIResponse(responseCode = "400", description = "No crc_token",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "401", description = "Secret not configured",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "404", description = "Unknown brand",
            content = @Content(mediaType = "application/problem+json"))
    public Uni<Map<String, String>> crc(@PathParam("brand") String brand, @QueryParam("crc_token") String crcToken) {
        String secret = config.x().consumerSecret().orElse(null);
        if (crcToken == null || crcToken.isBlank()) {
            throw ProblemException.invalid("crc_token", "must not be blank");
        }
        if (secret == null) {
            throw unauthorized();
        }
        return webhooks.requireBrand(brand).replaceWith(Map.of("response_token",
                Signatures.xSignature(secret, crcToken.getBytes(StandardCharsets.UTF_8))));
    }

    @POST
    @Path("/x/{brand}")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "X webhook delivery (x-twitter-webhooks-signature)")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "example", value = ""
                    + "{\"for_user_id\":\"999\",\"tweet_create_events\":[{\"id_str\":\"1790000000000000002\""
                    + ",\"text\":\"@acme sin internet desde ayer\",\"created_at\":\"Sun Nov 22 10:15:00 +00"
                    + "00 2026\",\"user\":{\"id_str\":\"u-7\",\"screen_name\":\"cliente\",\"name\":\"Client"
                    + "e\"}}]}")))
    @APIResponse(responseCode = "200", description = "What was captured")
    @APIResponse(responseCode = "400", description = "Unreadable payload",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "401", description = "Missing or wrong signature",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "404", description = "Unknown brand",
            content = @Content(mediaType = "application/problem+json"))
    public Uni<Delivery> receiveX(@PathParam("brand") String brand,
            @HeaderParam("x-twitter-webhooks-signature") String signature, byte[] body) {
        String secret = config.x().consumerSecret().orElse(null);
        verify(secret == null ? null : Signatures.xSignature(secret, bytes(body)), signature);
        JsonNode payload = read(body);
        return webhooks.requireBrand(brand)
                .chain(() -> webhooks.capture(webhooks.fromX(brand, payload), "x"))
                .map(Delivery::new);
    }

    private static byte[] bytes(byte[] body) {
        return body == null ? new byte[0] : body;
    }

    private static void verify(String expected, String given) {
        if (expected == null || !Signatures.matches(expected, given)) {
            throw unauthorized();
        }
    }

    private static ProblemException unauthorized() {
        return new ProblemException(401, "Unauthorized", "The delivery's signature is missing or wrong", null);
    }

    private JsonNode read(byte[] body) {
        try {
            JsonNode node = mapper.readTree(bytes(body));
            if (node == null || !node.isObject()) {
                throw ProblemException.invalid("body", "must be a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw ProblemException.invalid("body", "is not valid JSON");
        }
    }
}
