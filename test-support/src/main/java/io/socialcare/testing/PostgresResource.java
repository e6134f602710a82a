package io.socialcare.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The machine's PostgreSQL (127.0.0.1:5432 unless {@code PGHOST}/{@code PGPORT} say otherwise): makes sure
 * the test database named by the init argument {@code database} exists, empties it, and points both the
 * reactive and the JDBC (Flyway) data source at it.
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    private String database = "socialcare_test";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        String host = System.getenv().getOrDefault("PGHOST", "127.0.0.1");
        String port = System.getenv().getOrDefault("PGPORT", "5432");
        String user = System.getenv().getOrDefault("PGUSER", "postgres");
        String password = System.getenv().getOrDefault("PGPASSWORD", "postgres");
        recreate(host, port, user, password, database);
        return Map.of(
                "quarkus.datasource.username", user,
                "quarkus.datasource.password", password,
                "quarkus.datasource.reactive.url", "postgresql://" + host + ":" + port + "/" + database,
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://" + host + ":" + port + "/" + database);
    }

    /** Drops and creates {@code database}, so that every test run starts from the migrations alone. */
    static void recreate(String host, String port, String user, String password, String database) {
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("unsafe database name " + database);
        }
        String url = "jdbc:postgresql://" + host + ":" + port + "/postgres";
        try (Connection connection = DriverManager.getConnection(url, user, password);
                Statement statement = connection.createStatement()) {
            boolean exists;
            try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                query.setString(1, database);
                try (ResultSet rs = query.executeQuery()) {
                    exists = rs.next();
                }
            }
            if (exists) {
                statement.execute("DROP DATABASE " + database + " WITH (FORCE)");
            }
            statement.execute("CREATE DATABASE " + database);
        } catch (Exception e) {
            throw new IllegalStateException("PostgreSQL is not reachable at " + host + ":" + port
                    + " (./suite test starts it); " + e.getMessage(), e);
        }
    }

    @Override
    public void stop() {
        // the database is kept for inspection after a failed run; the next run recreates it
    }
}
