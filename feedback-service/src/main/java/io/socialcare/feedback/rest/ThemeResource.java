package io.socialcare.feedback.rest;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.smallrye.mutiny.Uni;
import io.socialcare.commons.paging.Cursors;
import io.socialcare.commons.paging.Page;
import io.socialcare.commons.problem.ProblemException;
import io.socialcare.commons.problem.Validator;
import io.socialcare.commons.security.CallerScope;
import io.socialcare.commons.security.Roles;
import io.socialcare.feedback.Theme;
import io.socialcare.feedback.ThemeStatus;
import io.socialcare.feedback.config.FeedbackConfig;
import io.socialcare.feedback.service.ThemeService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Themes for product teams: ranked lists, detail with samples and weekly counts, status changes (shipping tells
 * the customers), merges and a CSV export. Every theme is seen only by callers whose brand scope includes its
 * brand; another brand's theme is a 404.
 */
@Path("/api/v1/themes")
@Tag(name = "Themes")
@Produces(MediaType.APPLICATION_JSON)
public class ThemeResource {

    static final String CSV = "text/csv; charset=UTF-8";

    private final ThemeService service;
    private final CallerScope scope;
    private final FeedbackConfig config;

    public ThemeResource(ThemeService service, CallerScope scope, FeedbackConfig config) {
        this.service = service;
        this.scope = scope;
        this.config = config;
    }

    @GET
    @RolesAllowed({Roles.PRODUCT_MANAGER, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Themes of the caller's brands, ranked (customers, mentions, recent, trending), cursor-paged",
            description = "Merged themes are not listed. `since`/`until` select themes active in the window. Without "
                    + "`brand`, every brand of the caller's scope; a brand outside it is 403. Answered from a read model "
                    + "at most about a second behind the store while the brand changes.")
    @APIResponse(responseCode = "200", description = "One page of themes", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "example", value = ApiExamples.THEMES)))
    public Uni<Page<ThemeView>> list(
            @Parameter(description = "A brand of the caller's scope") @QueryParam("brand") String brand,
            @Parameter(description = "Product (first topic) of the theme") @QueryParam("product") String product,
            @Parameter(description = "new, under_review, planned, shipped or declined") @QueryParam("status") String status,
            @Parameter(description = "Active at or after this time (ISO-8601 UTC)") @QueryParam("since") String since,
            @Parameter(description = "Active before this time (ISO-8601 UTC)") @QueryParam("until") String until,
            @Parameter(description = "customers (default), mentions, recent or trending") @QueryParam("sort") String sort,
            @Parameter(description = "1-500, default 50", schema = @Schema(type = SchemaType.INTEGER))
            @QueryParam("limit") String limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        Validator v = new Validator();
        ThemeService.Query query = query(v, brand, product, status, since, until);
        String sortName = Params.blankToNull(sort) == null ? "customers" : sort;
        v.oneOf("sort", sortName, ThemeService.Sort.NAMES);
        Integer size = Params.integer(v, "limit", limit);
        v.throwIfInvalid();
        int pageSize = Cursors.limit(size);
        return service.list(query, ThemeService.Sort.of(sortName), pageSize, cursor)
                .map(page -> new Page<>(page.items().stream().map(t -> ThemeView.summary(t, config.keywords())).toList(),
                        page.nextCursor()));
    }

    @GET
    @Path("/export.csv")
    @Produces({"text/csv", MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.PRODUCT_MANAGER, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "The themes as RFC 4180 CSV (UTF-8)",
            description = "Same filters as the list; most customers first. Text cells starting with = + - @ get a "
                    + "leading apostrophe (formula injection).")
    @APIResponse(responseCode = "200", description = "The themes, one row each", content = @Content(
            mediaType = "text/csv", examples = @ExampleObject(name = "example", value = ApiExamples.CSV)))
    public Uni<Response> export(
            @Parameter(description = "A brand of the caller's scope") @QueryParam("brand") String brand,
            @Parameter(description = "Product (first topic) of the theme") @QueryParam("product") String product,
            @Parameter(description = "new, under_review, planned, shipped or declined") @QueryParam("status") String status,
            @Parameter(description = "Active at or after this time (ISO-8601 UTC)") @QueryParam("since") String since,
            @Parameter(description = "Active before this time (ISO-8601 UTC)") @QueryParam("until") String until) {
        Validator v = new Validator();
        ThemeService.Query query = query(v, brand, product, status, since, until);
        v.throwIfInvalid();
        return service.all(query).collect().asList().map(themes -> Response.ok(ThemeCsv.write(themes, config.keywords()))
                .type(CSV)
                .header("Content-Disposition", "attachment; filename=\"themes.csv\"")
                .build());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.PRODUCT_MANAGER, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "One theme with samples and weekly counts; another brand's theme is 404")
    @APIResponse(responseCode = "200", description = "The theme", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "example",
                    value = ApiExamples.THEME_DETAIL)))
    public Uni<ThemeView> get(@Parameter(in = ParameterIn.PATH, description = "Theme id") @PathParam("id") String id) {
        return service.findDetail(id).map(found -> {
            if (found == null || !scope.canSee(found.theme().brand())) {
                throw ProblemException.notFound("No theme " + id);
            }
            return found;
        }).chain(found -> found.samples() != null
                ? Uni.createFrom().item(ThemeView.detail(found.theme(), config.keywords(),
                        found.samples().subList(0, Math.min(config.samples(), found.samples().size()))))
                : detail(found.theme()));
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PRODUCT_MANAGER, Roles.ADMIN})
    @Operation(summary = "Change the status; the first change to shipped tells every contributing customer once (theme.shipped)")
    @APIResponse(responseCode = "200", description = "The theme after the change", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "example",
                    value = ApiExamples.THEME_DETAIL)))
    @APIResponse(responseCode = "409", description = "The theme was merged into another one")
    @APIResponse(responseCode = "413", description = "Body over 1 MiB")
    @APIResponse(responseCode = "415", description = "Body not application/json")
    public Uni<ThemeView> changeStatus(@Parameter(in = ParameterIn.PATH, description = "Theme id") @PathParam("id") String id,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "example", value = ApiExamples.STATUS_CHANGE))) StatusChange body) {
        Validator v = new Validator();
        if (body == null) {
            v.add("body", "must not be empty");
        } else if (v.required("status", body.status())) {
            v.oneOf("status", body.status(), ThemeStatus.ALL);
            v.optionalText("note", body.note(), 2000);
        }
        v.throwIfInvalid();
        return visible(id).chain(theme -> service.changeStatus(theme, body.status(), body.note())).chain(this::detail);
    }

    @POST
    @Path("/{id}/merge")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PRODUCT_MANAGER, Roles.ADMIN})
    @Operation(summary = "Merge this theme into another of the same brand; answers the target",
            description = "Moves the theme's contributions and customers into `into` and recomputes its aggregates. "
                    + "The source stays, marked mergedInto, out of the lists and closed to changes (409). "
                    + "`into` = the theme itself: 400; themes of different brands: 409.")
    @APIResponse(responseCode = "200", description = "The target theme after the merge", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "example",
                    value = ApiExamples.THEME_DETAIL)))
    @APIResponse(responseCode = "409", description = "Different brands, or one of the themes was merged already")
    @APIResponse(responseCode = "413", description = "Body over 1 MiB")
    @APIResponse(responseCode = "415", description = "Body not application/json")
    public Uni<ThemeView> merge(@Parameter(in = ParameterIn.PATH, description = "Theme id (the source)") @PathParam("id") String id,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "example", value = ApiExamples.MERGE))) MergeRequest body) {
        Validator v = new Validator();
        if (body == null) {
            v.add("body", "must not be empty");
        } else {
            v.text("into", body.into(), 1, 100);
        }
        v.throwIfInvalid();
        return visible(id).chain(source -> visible(body.into())
                        .chain(target -> service.merge(source, target)))
                .chain(this::detail);
    }

    private Uni<Theme> visible(String id) {
        return service.find(id).map(theme -> {
            if (theme == null || !scope.canSee(theme.brand())) {
                throw ProblemException.notFound("No theme " + id);
            }
            return theme;
        });
    }

    private Uni<ThemeView> detail(Theme theme) {
        return service.samples(theme.id(), config.samples())
                .map(samples -> ThemeView.detail(theme, config.keywords(), samples));
    }

    private ThemeService.Query query(Validator v, String brand, String product, String status, String since,
            String until) {
        String brandFilter = Params.blankToNull(brand);
        String statusFilter = Params.blankToNull(status);
        v.oneOf("status", statusFilter, ThemeStatus.ALL);
        Instant from = Params.instant(v, "since", since);
        Instant to = Params.instant(v, "until", until);
        if (from != null && to != null && !from.isBefore(to)) {
            v.add("until", "must be after since");
        }
        return new ThemeService.Query(brands(brandFilter), Params.blankToNull(product), statusFilter, from, to);
    }

    /** The brands a list may show: the one asked for (403 outside the scope), else the caller's (null: all). */
    private Collection<String> brands(String brand) {
        if (brand != null) {
            scope.requireBrand(brand);
            return List.of(brand);
        }
        return scope.isAdmin() ? null : Set.copyOf(scope.brands());
    }
}
