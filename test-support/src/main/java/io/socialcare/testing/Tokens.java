package io.socialcare.testing;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import io.smallrye.jwt.build.Jwt;

/**
 * Real RS256 tokens signed with the key that {@code OidcWiremockTestResource} (quarkus-test-oidc-server)
 * publishes in its JWKS, carrying the contract's roles in {@code groups} and the brand scope in {@code brands}.
 */
public final class Tokens {

    public static final String ISSUER = "https://server.example.com";

    private Tokens() {
    }

    /** A token for {@code user} with {@code role} and the given brand scope. */
    public static String token(String user, String role, String... brands) {
        return token(user, Set.of(role), List.of(brands));
    }

    public static String token(String user, Set<String> roles, List<String> brands) {
        return Jwt.preferredUserName(user)
                .subject(user)
                .groups(roles)
                .claim("brands", brands)
                .issuer(ISSUER)
                .audience("https://service.example.com")
                .expiresIn(Duration.ofHours(1))
                .jws()
                .keyId("1")
                .sign("privateKey.jwk");
    }

    /** A token signed with the right key but already expired. */
    public static String expired(String user, String role, String... brands) {
        long now = System.currentTimeMillis() / 1000;
        return Jwt.preferredUserName(user)
                .subject(user)
                .groups(Set.of(role))
                .claim("brands", List.of(brands))
                .issuer(ISSUER)
                .issuedAt(now - 7200)
                .expiresAt(now - 3600)
                .jws()
                .keyId("1")
                .sign("privateKey.jwk");
    }
}
