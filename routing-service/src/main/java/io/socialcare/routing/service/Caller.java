package io.socialcare.routing.service;

import java.util.Set;

/** Who calls an operation, as the service layer needs it: name, supervisor rights and brand scope. */
public record Caller(String name, boolean supervisor, boolean admin, Set<String> brands) {

    public boolean canSee(String brand) {
        return brand != null && (admin || brands.contains(brand));
    }

    /** The brands the caller may list, or null for every brand (admin). */
    public Set<String> scope() {
        return admin ? null : brands;
    }
}
