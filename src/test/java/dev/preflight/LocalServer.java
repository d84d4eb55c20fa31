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
     * emptied at start, with two roles of this run's own as in production: {@code <schema>_owner}
     * owns the schema and runs the migrations, {@code <schema>_app} is the role Preflight serves
     * requests as. Schemas and roles of the same name left by runs that ended are dropped first.
     */
    public static Map<String, String> inSchema(String name) {
        String schema = ofThisRun(name);
        dropWhatEndedRunsLeft(name);
        String owner = schema + "_owner";
        String app = schema + "_app";
        try {
            for (String role : List.of(owner, app)) {
                execute("DO $$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + role + "') THEN CREATE ROLE "
                        + role + " LOGIN; END IF; END$$");
            }
            execute("GRANT CREATE ON DATABASE test TO " + owner);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not make this run's roles on the local server: " + e.getMessage(), e);
        }
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.jdbc.url", URL + "test?currentSchema=" + schema);
        config.put("quarkus.datasource.username", app);
        config.put("quarkus.datasource.password", "");
        config.put("preflight.database.migration-user", owner);
        config.put("preflight.database.migration-password", "");
        config.put("quarkus.flyway.schemas", schema);
        config.put("quarkus.flyway.create-schemas", "true");
        config.put("quarkus.flyway.clean-disabled", "false");
        config.put("quarkus.flyway.clean-at-start", "true");
        return config;
    }

    private static void dropWhatEndedRunsLeft(String name) {
        try (Connection c = connect(); Statement drop = c.createStatement()) {
            for (String schema : ofEndedRuns(c, "SELECT nspname FROM pg_namespace WHERE nspname LIKE ?", name)) {
                drop.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
            for (String role : ofEndedRuns(c, "SELECT rolname FROM pg_roles WHERE rolname LIKE ?", name)) {
                drop.execute("DROP OWNED BY " + role);
                drop.execute("DROP ROLE IF EXISTS " + role);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not tidy the local server's schemas and roles: " + e.getMessage(), e);
        }
    }

    /** Names {@code <name>_<pid>[_suffix]} that the query finds, of processes that have ended. */
    private static List<String> ofEndedRuns(Connection c, String query, String name) throws SQLException {
        List<String> ended = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(query)) {
            s.setString(1, name + "\\_%");
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String found = rs.getString(1);
                    String pid = found.substring(name.length() + 1).replaceFirst("_.*", "");
                    if (pid.matches("\\d+") && ProcessHandle.of(Long.parseLong(pid)).isEmpty()) {
                        ended.add(found);
                    }
                }
            }
        }
        return ended;
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
