package dev.preflight.platform.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

import dev.preflight.LocalServer;

/**
 * A migration and the history row that records it commit together, as Preflight configures Flyway:
 * a start killed after one migration committed must find it listed, or the next start fails on
 * tables that already exist. Flyway's default for PostgreSQL applies migrations on one connection
 * and records them on another, which holds its lock; here a migration asks whether the connection
 * it runs on is the one holding Flyway's lock, and so the one writing the history.
 */
@EnabledIf(value = "dev.preflight.LocalServer#reachable", disabledReason = "No PostgreSQL accepts connections on 127.0.0.1:5432")
class MigrationHistoryTest {

    private static final String SCHEMA = LocalServer.ofThisRun("preflight_migration_history");

    @Test
    void each_migration_runs_on_the_connection_that_records_it() throws SQLException {
        FluentConfiguration configuration = Flyway.configure()
                .dataSource(LocalServer.URL + "test", "postgres", "")
                .schemas(SCHEMA).createSchemas(true).locations("classpath:dev/preflight/platform/db/no-sql-migrations")
                .javaMigrations(new V1__Look_at_the_locks());
        new Migrations(new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(
                Map.of("quarkus.datasource.jdbc.url", LocalServer.URL + "test"), "test", 100)).build())
                .customize(configuration);
        try {
            configuration.load().migrate();
            assertThat(V1__Look_at_the_locks.advisoryLocksHeld).as("Flyway's lock held by the migration's own connection")
                    .isEqualTo(1);
        } finally {
            LocalServer.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
    }

    static class V1__Look_at_the_locks extends BaseJavaMigration {

        static int advisoryLocksHeld = -1;

        @Override
        public void migrate(Context context) throws SQLException {
            try (Statement s = context.getConnection().createStatement();
                    ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted"
                            + " AND pid = pg_backend_pid()")) {
                rs.next();
                advisoryLocksHeld = rs.getInt(1);
            }
        }
    }
}
