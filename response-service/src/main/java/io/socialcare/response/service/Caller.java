package io.socialcare.response.service;

import java.util.Set;

import io.socialcare.commons.security.CallerScope;

/**
 * Who asks, captured from the request's {@link CallerScope} before any asynchronous work.
 */
public record Caller(String name, boolean admin, Set<String> brands) {

    public static Caller of(CallerScope scope) {
        return new Caller(scope.name(), scope.isAdmin(), Set.copyOf(scope.brands()));
    }

    public boolean canSee(String brand) {
        return brand != null && (admin || brands.contains(brand));
    }
}
