package io.socialcare.response.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import io.socialcare.commons.ids.Ids;
import io.socialcare.commons.problem.ProblemException;
import io.socialcare.response.Template;
import io.socialcare.response.repository.TemplateRepository;
import io.socialcare.response.rest.TemplateRequest;

/**
 * Reply templates of a brand. The name is unique per brand, enforced by the database.
 */
@ApplicationScoped
public class TemplateService {

    private final TemplateRepository templates;

    public TemplateService(TemplateRepository templates) {
        this.templates = templates;
    }

    @WithTransaction
    public Uni<Template> create(TemplateRequest request, Caller caller) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Template t = new Template();
        t.id = Ids.next();
        t.brand = request.brand();
        t.name = request.name();
        t.lang = request.lang();
        t.text = request.text();
        t.createdBy = caller.name();
        t.createdAt = now;
        t.updatedAt = now;
        return templates.persistAndFlush(t);
    }

    @WithTransaction
    public Uni<Template> update(String id, TemplateRequest request, Caller caller) {
        return templates.findById(id).map(t -> {
            if (t == null || !caller.canSee(t.brand)) {
                throw ProblemException.notFound("No template " + id);
            }
            if (!t.brand.equals(request.brand())) {
                throw ProblemException.invalid("brand", "cannot change; it is " + t.brand);
            }
            t.name = request.name();
            t.lang = request.lang();
            t.text = request.text();
            t.updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
            return t;
        }).call(templates::flush);
    }

    @WithSession
    public Uni<Template> get(String id, Caller caller) {
        return templates.findById(id).map(t -> {
            if (t == null || !caller.canSee(t.brand)) {
                throw ProblemException.notFound("No template " + id);
            }
            return t;
        });
    }

    @WithTransaction
    public Uni<Void> delete(String id, Caller caller) {
        return get(id, caller).call(templates::delete).replaceWithVoid();
    }

    /** A page of templates by name among {@code brands}. */
    @WithSession
    public Uni<List<Template>> page(Set<String> brands, boolean allBrands, String afterName, String afterId,
            int limit) {
        StringBuilder q = new StringBuilder("1 = 1");
        Parameters p = new Parameters();
        if (!allBrands) {
            q.append(" and brand in :brands");
            p.and("brands", brands);
        }
        if (afterName != null) {
            q.append(" and (name > :name or (name = :name and id > :id))");
            p.and("name", afterName).and("id", afterId);
        }
        q.append(" order by name, id");
        return templates.find(q.toString(), p).page(0, limit).list();
    }

    /** True for a failure caused by a unique constraint (SQL state 23505). */
    public static boolean isUniqueViolation(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof org.hibernate.exception.ConstraintViolationException) {
                return true;
            }
            if (c.getMessage() != null && c.getMessage().contains("23505")) {
                return true;
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return false;
    }
}
