package io.socialcare.listening.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.socialcare.commons.paging.Cursors;
import io.socialcare.commons.paging.Page;
import io.socialcare.commons.problem.ProblemException;
import io.socialcare.commons.problem.Validator;
import io.socialcare.listening.Brand;
import io.socialcare.listening.repository.BrandRepository;

/**
 * Brand configuration: upserts by id and lists within the caller's scope.
 */
@ApplicationScoped
public class BrandService {

    public static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final int MAX_TERMS = 200;

    private final BrandRepository brands;

    public BrandService(BrandRepository brands) {
        this.brands = brands;
    }

    public record Upserted(Brand brand, boolean created) {
    }

    public Uni<Upserted> upsert(String id, String name, List<String> keywords, List<String> handles) {
        Validator v = new Validator();
        if (id == null || !ID.matcher(id).matches()) {
            v.add("id", "must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        v.text("name", name, 1, 200);
        List<String> cleanKeywords = terms(v, "keywords", keywords);
        List<String> cleanHandles = terms(v, "handles", handles);
        v.throwIfInvalid();
        Brand brand = new Brand(id, name.trim(), cleanKeywords, cleanHandles,
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
        return brands.upsert(brand).map(created -> new Upserted(brand, created));
    }

    private static List<String> terms(Validator v, String field, List<String> values) {
        if (values == null) {
            return List.of();
        }
        if (values.size() > MAX_TERMS) {
            v.add(field, "must hold at most " + MAX_TERMS + " entries");
            return List.of();
        }
        Set<String> result = new LinkedHashSet<>();
        for (int i = 0; i < values.size(); i++) {
            if (v.text(field + "[" + i + "]", values.get(i), 1, 100)) {
                result.add(values.get(i).trim());
            }
        }
        return new ArrayList<>(result);
    }

    public Uni<Brand> get(String id, Set<String> visible) {
        if (visible != null && !visible.contains(id)) {
            return Uni.createFrom().failure(ProblemException.notFound("No brand " + id));
        }
        return brands.find(id).map(b -> {
            if (b == null) {
                throw ProblemException.notFound("No brand " + id);
            }
            return b;
        });
    }

    /** @param visible the brands the caller may see, null for every brand */
    public Uni<Page<Brand>> list(Set<String> visible, Integer limit, String cursor) {
        int size = Cursors.limit(limit);
        List<String> position = Cursors.decode(cursor, 1);
        String after = position == null ? null : position.get(0);
        if (visible != null && visible.isEmpty()) {
            return Uni.createFrom().item(new Page<>(List.of(), null));
        }
        return brands.list(visible, after, size + 1).map(found -> {
            if (found.size() <= size) {
                return new Page<>(found, null);
            }
            List<Brand> items = List.copyOf(found.subList(0, size));
            return new Page<>(items, Cursors.encode(items.get(size - 1).id()));
        });
    }
}
