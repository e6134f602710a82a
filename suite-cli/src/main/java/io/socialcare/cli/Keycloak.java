package io.socialcare.cli;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Tokens from the local Keycloak for a role and a brand scope. Keycloak stays the only issuer: this class
 * only makes sure a user with that role and {@code brands} attribute exists (through the admin REST API) and
 * then signs in as that user with the password grant of the {@code socialcare-cli} client.
 */
public final class Keycloak {

    private final Api api = new Api();
    private final String baseUrl;
    private final String realm;
    private final String adminUser;
    private final String adminPassword;

    public Keycloak(String baseUrl, String realm, String adminUser, String adminPassword) {
        this.baseUrl = baseUrl;
        this.realm = realm;
        this.adminUser = adminUser;
        this.adminPassword = adminPassword;
    }

    /** An access token for {@code role} with {@code brands} in its {@code brands} claim. */
    public String token(String role, List<String> brands) {
        String username = (role + (brands.isEmpty() ? "" : "." + String.join(".", brands))).toLowerCase();
        String password = "local-" + Integer.toHexString((username + adminPassword).hashCode());
        ensureUser(username, password, role, brands);
        Api.Answer answer = api.form(baseUrl + "/realms/" + realm + "/protocol/openid-connect/token",
                "grant_type=password&client_id=socialcare-cli&scope=openid"
                        + "&username=" + encode(username) + "&password=" + encode(password))
                .expect(200);
        return answer.body().get("access_token").asText();
    }

    private void ensureUser(String username, String password, String role, List<String> brands) {
        String admin = adminToken();
        Supplier<String> auth = () -> admin;
        String users = baseUrl + "/admin/realms/" + realm + "/users";
        Map<String, Object> representation = Map.of(
                "username", username,
                "enabled", true,
                "emailVerified", true,
                "email", username + "@users.socialcare.local",
                "firstName", role,
                "lastName", brands.isEmpty() ? "all brands" : String.join(" ", brands),
                "attributes", Map.of("brands", brands),
                "credentials", List.of(Map.of("type", "password", "value", password, "temporary", false)),
                "requiredActions", List.of());
        JsonNode found = api.get(users + "?exact=true&username=" + encode(username), auth).expect(200).body();
        String id;
        if (found.isEmpty()) {
            api.post(users, auth, representation).expect(201);
            id = api.get(users + "?exact=true&username=" + encode(username), auth).expect(200).body().get(0).get("id").asText();
        } else {
            id = found.get(0).get("id").asText();
            api.put(users + "/" + id, auth, representation).expect(204);
        }
        JsonNode roleRep = api.get(baseUrl + "/admin/realms/" + realm + "/roles/" + encode(role), auth).expect(200).body();
        api.post(users + "/" + id + "/role-mappings/realm", auth, List.of(roleRep)).expect(204);
    }

    private String adminToken() {
        return api.form(baseUrl + "/realms/master/protocol/openid-connect/token",
                "grant_type=password&client_id=admin-cli&username=" + encode(adminUser) + "&password=" + encode(adminPassword))
                .expect(200).body().get("access_token").asText();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
