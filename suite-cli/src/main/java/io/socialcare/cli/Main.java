package io.socialcare.cli;

import java.util.Arrays;
import java.util.List;

/**
 * Entry point of the Java side of {@code ./suite}: {@code token ROLE [BRAND...]} and {@code demo}.
 * Addresses come from environment variables that {@code ./suite} sets.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: token ROLE [BRAND...] | demo");
            System.exit(2);
        }
        switch (args[0]) {
            case "token" -> {
                if (args.length < 2) {
                    System.err.println("usage: token ROLE [BRAND...]");
                    System.exit(2);
                }
                List<String> brands = Arrays.asList(args).subList(2, args.length);
                System.out.println(keycloak().token(args[1], brands));
            }
            case "demo" -> {
                Demo demo = new Demo(Endpoints.fromEnvironment(), (role, brands) -> keycloak().token(role, brands));
                System.exit(demo.run() ? 0 : 1);
            }
            default -> {
                System.err.println("unknown command " + args[0]);
                System.exit(2);
            }
        }
    }

    private static Keycloak keycloak() {
        return new Keycloak(env("KEYCLOAK_URL", "http://127.0.0.1:8180"), env("KEYCLOAK_REALM", "socialcare"),
                env("KC_BOOTSTRAP_ADMIN_USERNAME", "admin"), env("KC_BOOTSTRAP_ADMIN_PASSWORD", ""));
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
