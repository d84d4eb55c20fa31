package dev.preflight;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The PostgreSQL server on 127.0.0.1:5432 (database {@code test}, trust authentication) that some
 * tests also run against. Another test run on the same machine may use it at the same time, so
 * each run keeps to schemas and databases named for its own process.
 */
public final class LocalServer {

    public static final String URL = "jdbc:postgresql://127.0.0.1:5432/";

    private LocalServer() {
    }

    /** For {@code @EnabledIf("dev.preflight.LocalServer#reachable")}. */
    public static boolean reachable() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 5432), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A name of this test run's own. */
    public static String ofThisRun(String name) {
        return name + "_" + ProcessHandle.current().pid();
    }

    /**
     * Configuration that runs Preflight in a schema of database {@code test} named for this run,
     * emptied at start. Schemas of the same name left by runs that ended are dropped first.
     */
    public static Map<String, String> inSchema(String name) {
        String schema = ofThisRun(name);
        dropSchemasOfEndedRuns(name);
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.jdbc.url", URL + "test?currentSchema=" + schema);
        config.put("quarkus.datasource.username", "postgres");
        config.put("quarkus.datasource.password", "");
        config.put("quarkus.flyway.schemas", schema);
        config.put("quarkus.flyway.create-schemas", "true");
        config.put("quarkus.flyway.clean-disabled", "false");
        config.put("quarkus.flyway.clean-at-start", "true");
        return config;
    }

    private static void dropSchemasOfEndedRuns(String name) {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(
                "SELECT nspname FROM pg_namespace WHERE nspname LIKE ?")) {
            s.setString(1, name + "\\_%");
            List<String> ended = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String schema = rs.getString(1);
                    String pid = schema.substring(name.length() + 1);
                    if (pid.matches("\\d+") && ProcessHandle.of(Long.parseLong(pid)).isEmpty()) {
                        ended.add(schema);
                    }
                }
            }
            try (Statement drop = c.createStatement()) {
                for (String schema : ended) {
                    drop.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not tidy the local server's schemas: " + e.getMessage(), e);
        }
    }

    /**
     * A connection to database {@code test} as the superuser. The driver is asked directly: test
     * profiles are read in class loaders where {@code DriverManager} knows no driver.
     */
    private static Connection connect() throws SQLException {
        Properties credentials = new Properties();
        credentials.setProperty("user", "postgres");
        return new org.postgresql.Driver().connect(URL + "test", credentials);
    }

    public static void execute(String sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
