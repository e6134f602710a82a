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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
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
    @Operation(summary = "Themes of the caller's brands, ranked (customers, mentions, recent, trending), cursor-paged")
    public Uni<Page<ThemeView>> list(@QueryParam("brand") String brand, @QueryParam("product") String product,
            @QueryParam("status") String status, @QueryParam("since") String since, @QueryParam("until") String until,
            @QueryParam("sort") String sort, @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
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
    @Operation(summary = "The themes as RFC 4180 CSV (UTF-8)")
    public Uni<Response> export(@QueryParam("brand") String brand, @QueryParam("product") String product,
            @QueryParam("status") String status, @QueryParam("since") String since, @QueryParam("until") String until) {
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
    public Uni<ThemeView> get(@PathParam("id") String id) {
        return visible(id).chain(this::detail);
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PRODUCT_MANAGER, Roles.ADMIN})
    @Operation(summary = "Change the status; the first change to shipped tells every contributing customer once (theme.shipped)")
    public Uni<ThemeView> changeStatus(@PathParam("id") String id, StatusChange body) {
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
    @Operation(summary = "Merge this theme into another of the same brand; answers the target")
    public Uni<ThemeView> merge(@PathParam("id") String id, MergeRequest body) {
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
