package io.socialcare.response.rest;

import java.net.URI;
import java.util.List;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.smallrye.mutiny.Uni;
import io.socialcare.commons.paging.Cursors;
import io.socialcare.commons.paging.Page;
import io.socialcare.commons.problem.ProblemException;
import io.socialcare.commons.problem.Validator;
import io.socialcare.commons.security.CallerScope;
import io.socialcare.commons.security.Roles;
import io.socialcare.response.Template;
import io.socialcare.response.service.Caller;
import io.socialcare.response.service.TemplateRenderer;
import io.socialcare.response.service.TemplateService;
import org.jboss.resteasy.reactive.RestResponse;
import io.socialcare.commons.problem.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Reply templates: supervisors and admins write them, agents read them. Placeholders such as
 * {@code {{customer.name}}}, {@code {{customer.handle}}}, {@code {{case.id}}}, {@code {{brand}}}, or any
 * {@code {{name}}} filled from a reply's {@code variables}.
 */
@Path("/api/v1/templates")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Templates")
public class TemplatesResource {

    private final TemplateService templates;
    private final CallerScope scope;

    public TemplatesResource(TemplateService templates, CallerScope scope) {
        this.templates = templates;
        this.scope = scope;
    }

    /** 201 with the template; 409 when the brand has a template of that name. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Create a reply template of a brand", description = "Placeholders {{customer.name}}, {{customer.handle}}, {{case.id}}, {{brand}} or any {{name}} filled from a reply's variables.")
    @APIResponse(responseCode = "201", description = "The template; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TemplateView.class),
                    examples = @ExampleObject(name = "templateView", value = ApiDocs.TEMPLATE)))
    @APIResponse(responseCode = "400", description = "Invalid input (brand, name, text, lang, a malformed placeholder)",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "problem", value = ApiDocs.BAD_REQUEST)))
    @APIResponse(responseCode = "403", description = "The role may not write templates, or the brand is outside the token",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The brand has a template of that name",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<TemplateView>> create(
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = TemplateRequest.class), examples = {
                            @ExampleObject(name = "template", value = ApiDocs.TEMPLATE_REQUEST)})) TemplateRequest body) {
        validate(body);
        scope.requireBrand(body.brand());
        return templates.create(body, Caller.of(scope))
                .onFailure(TemplateService::isUniqueViolation)
                .transform(e -> ProblemException.conflict("Brand " + body.brand() + " has a template named "
                        + body.name()))
                .map(t -> RestResponse.ResponseBuilder.<TemplateView>created(URI.create("/api/v1/templates/" + t.id))
                        .entity(view(t)).build());
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Replace a template's name, language and text")
    @APIResponse(responseCode = "200", description = "The template",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TemplateView.class),
                    examples = @ExampleObject(name = "templateView", value = ApiDocs.TEMPLATE)))
    @APIResponse(responseCode = "400", description = "Invalid input",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "problem", value = ApiDocs.BAD_REQUEST)))
    @APIResponse(responseCode = "404", description = "No such template, or another brand's",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "problem", value = ApiDocs.NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "The brand has another template of that name",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Uni<TemplateView> update(@PathParam("id") String id,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = TemplateRequest.class), examples = {
                            @ExampleObject(name = "template", value = ApiDocs.TEMPLATE_REQUEST)})) TemplateRequest body) {
        validate(body);
        Inputs.pathId(id, "template");
        return templates.update(id, body, Caller.of(scope))
                .onFailure(TemplateService::isUniqueViolation)
                .transform(e -> ProblemException.conflict("Brand " + body.brand() + " has a template named "
                        + body.name()))
                .map(TemplatesResource::view);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Read one template")
    @APIResponse(responseCode = "200", description = "The template",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TemplateView.class),
                    examples = @ExampleObject(name = "templateView", value = ApiDocs.TEMPLATE)))
    @APIResponse(responseCode = "404", description = "No such template, or another brand's",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "problem", value = ApiDocs.NOT_FOUND)))
    public Uni<TemplateView> get(@PathParam("id") String id) {
        return templates.get(Inputs.pathId(id, "template"), Caller.of(scope)).map(TemplatesResource::view);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Delete a template")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such template, or another brand's",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "problem", value = ApiDocs.NOT_FOUND)))
    public Uni<RestResponse<Void>> delete(@PathParam("id") String id) {
        return templates.delete(Inputs.pathId(id, "template"), Caller.of(scope)).map(v -> RestResponse.noContent());
    }

    /** Templates by name; {@code brand} narrows to one brand of the caller's scope (403 outside it). */
    @GET
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "List the templates of the caller's brands, by name")
    @APIResponse(responseCode = "200", description = "A page of templates: {items, nextCursor}",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Page.class),
                    examples = @ExampleObject(name = "page", value = ApiDocs.TEMPLATE_PAGE)))
    @APIResponse(responseCode = "400", description = "limit outside 1-500 or a cursor this list did not return",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "problem", value = ApiDocs.BAD_REQUEST)))
    @APIResponse(responseCode = "403", description = "brand is outside the token",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Uni<Page<TemplateView>> list(@QueryParam("brand") String brand, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        int size = Cursors.limit(limit);
        List<String> after = Inputs.cursor(Cursors.decode(cursor, 2));
        if (!Inputs.storable(brand)) {
            throw ProblemException.invalid("brand", "contains a NUL character or an unpaired surrogate");
        }
        Caller caller = Caller.of(scope);
        Set<String> brands = caller.brands();
        boolean all = caller.admin();
        if (brand != null) {
            scope.requireBrand(brand);
            brands = Set.of(brand);
            all = false;
        }
        return templates.page(brands, all, after == null ? null : after.get(0), after == null ? null : after.get(1),
                size + 1).map(rows -> {
                    boolean more = rows.size() > size;
                    List<Template> page = more ? rows.subList(0, size) : rows;
                    String next = more ? Cursors.encode(page.get(page.size() - 1).name, page.get(page.size() - 1).id)
                            : null;
                    return new Page<>(page.stream().map(TemplatesResource::view).toList(), next);
                });
    }

    private static TemplateView view(Template t) {
        return TemplateView.of(t, TemplateRenderer.placeholders(t.text));
    }

    static void validate(TemplateRequest body) {
        Validator v = new Validator();
        if (body == null) {
            v.add("body", "must be a JSON object with brand, name and text");
            v.throwIfInvalid();
            return;
        }
        v.text("brand", body.brand(), 1, 100);
        v.text("name", body.name(), 1, 100);
        v.text("text", body.text(), 1, 10_000);
        Inputs.storable(v, "brand", body.brand());
        Inputs.storable(v, "name", body.name());
        Inputs.storable(v, "text", body.text());
        if (body.lang() != null && !body.lang().matches("[a-z]{2}")) {
            v.add("lang", "must be an ISO 639-1 code such as es or en");
        }
        if (body.text() != null && (body.text().contains("{{") || body.text().contains("}}"))) {
            String stripped = TemplateRenderer.PLACEHOLDER.matcher(body.text()).replaceAll("");
            if (stripped.contains("{{") || stripped.contains("}}")) {
                v.add("text", "has a placeholder that is not {{name}}");
            }
        }
        v.throwIfInvalid();
    }
}
