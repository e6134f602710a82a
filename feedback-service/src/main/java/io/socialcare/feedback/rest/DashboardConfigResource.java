package io.socialcare.feedback.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.smallrye.mutiny.Uni;
import io.socialcare.feedback.config.FeedbackConfig;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Where the dashboard signs in: the OIDC issuer and the public client it uses for the authorization-code flow with
 * PKCE (no secret; the page holds no credentials). Public, like the page itself.
 */
@Path("/dashboard/config.json")
@Tag(name = "dashboard")
public class DashboardConfigResource {

    /** The sign-in settings the page reads. */
    public record DashboardConfig(String issuer, String clientId) {
    }

    private final FeedbackConfig config;

    public DashboardConfigResource(FeedbackConfig config) {
        this.config = config;
    }

    @GET
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The OIDC issuer and public client the dashboard signs in with (public, no token)")
    @APIResponse(responseCode = "200", description = "The sign-in settings", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "example",
                    value = ApiExamples.DASHBOARD_CONFIG)))
    public Uni<DashboardConfig> get() {
        return Uni.createFrom().item(new DashboardConfig(config.dashboard().issuer(), config.dashboard().clientId()));
    }
}
