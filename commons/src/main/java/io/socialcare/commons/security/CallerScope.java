package io.socialcare.commons.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import io.quarkus.security.identity.SecurityIdentity;
import io.socialcare.commons.problem.ProblemException;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling and which brands they may see: the {@code brands} claim of the bearer token, or every brand
 * for {@code admin}. Services check it on every object they read or write, so that another brand's object is
 * a 404 and a write into another brand is a 403.
 */
@RequestScoped
public class CallerScope {

    public static final String BRANDS_CLAIM = "brands";

    private final SecurityIdentity identity;
    private Set<String> brands;

    public CallerScope(SecurityIdentity identity) {
        this.identity = identity;
    }

    public String name() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    public boolean isAdmin() {
        return identity.hasRole(Roles.ADMIN);
    }

    /** The brands named in the token; empty for a token without the claim. */
    public Set<String> brands() {
        if (brands == null) {
            brands = readBrands();
        }
        return brands;
    }

    /** True when the caller may see objects of {@code brand}. */
    public boolean canSee(String brand) {
        return brand != null && (isAdmin() || brands().contains(brand));
    }

    /** Throws 403 unless the caller may act on {@code brand}. */
    public void requireBrand(String brand) {
        if (!canSee(brand)) {
            throw ProblemException.forbidden("The token's brand scope does not include brand '" + brand + "'");
        }
    }

    private Set<String> readBrands() {
        Set<String> result = new LinkedHashSet<>();
        if (!(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return result;
        }
        Object claim = jwt.getClaim(BRANDS_CLAIM);
        if (claim instanceof JsonArray array) {
            for (JsonValue value : array) {
                if (value instanceof JsonString s) {
                    result.add(s.getString());
                }
            }
        } else if (claim instanceof Collection<?> values) {
            for (Object value : values) {
                result.add(value instanceof JsonString s ? s.getString() : String.valueOf(value));
            }
        } else if (claim instanceof JsonString s) {
            addSplit(result, s.getString());
        } else if (claim instanceof String s) {
            addSplit(result, s);
        }
        return result;
    }

    private static void addSplit(Set<String> result, String value) {
        for (String part : value.split("[,\\s]+")) {
            if (!part.isBlank()) {
                result.add(part);
            }
        }
    }
}
