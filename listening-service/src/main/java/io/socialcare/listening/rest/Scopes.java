package io.socialcare.listening.rest;

import java.util.Set;
import java.util.function.Predicate;

import io.socialcare.commons.security.CallerScope;

/**
 * Snapshots of the caller's brand scope, taken on the request thread, so that reactive stages running elsewhere
 * do not touch the request-scoped {@link CallerScope}.
 */
final class Scopes {

    private Scopes() {
    }

    /** The brands the caller may see, or null for every brand (admin). */
    static Set<String> visible(CallerScope scope) {
        return scope.isAdmin() ? null : Set.copyOf(scope.brands());
    }

    static Predicate<String> predicate(CallerScope scope) {
        Set<String> visible = visible(scope);
        return brand -> brand != null && (visible == null || visible.contains(brand));
    }
}
