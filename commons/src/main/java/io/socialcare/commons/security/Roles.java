package io.socialcare.commons.security;

/**
 * The roles of the contract, read from {@code realm_access.roles} (Keycloak) or {@code groups}.
 */
public final class Roles {

    public static final String PARTNER = "partner";
    public static final String AGENT = "agent";
    public static final String SUPERVISOR = "supervisor";
    public static final String PRODUCT_MANAGER = "product-manager";
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
