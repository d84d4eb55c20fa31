package dev.preflight.platform.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

import dev.preflight.LocalServer;

/**
 * Instances that start together on a server of one's own all migrate and grant without tripping
 * over each other's grants, and the serving role ends up with rows but not the schema.
 */
@EnabledIf(value = "dev.preflight.LocalServer#reachable", disabledReason = "No PostgreSQL accepts connections on 127.0.0.1:5432")
class RuntimeGrantsTest {

    private static final String NAME = "preflight_grants_test";
    private static final int INSTANCES = 6;

    @Test
    void instances_starting_together_all_grant_the_serving_role_its_rights() throws Exception {
        Map<String, String> settings = LocalServer.inSchema(NAME);
        String schema = LocalServer.ofThisRun(NAME);
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(settings, "test", 100)).build();
        ExecutorService starts = Executors.newFixedThreadPool(INSTANCES);
        CountDownLatch together = new CountDownLatch(1);
        List<Future<?>> runs = new ArrayList<>();
        try {
            for (int i = 0; i < INSTANCES; i++) {
                runs.add(starts.submit(() -> {
                    FluentConfiguration flyway = Flyway.configure().schemas(schema).createSchemas(true)
                            .locations("classpath:db/migration");
                    new Migrations(config).customize(flyway);
                    together.await();
                    return flyway.load().migrate();
                }));
            }
            together.countDown();
            for (Future<?> run : runs) {
                run.get();
            }
            try (Connection c = DriverManager.getConnection(settings.get("quarkus.datasource.jdbc.url"),
                    settings.get("quarkus.datasource.username"), "");
                    ResultSet rs = c.createStatement().executeQuery("SELECT current_user,"
                            + " has_table_privilege('audit_event', 'INSERT'), has_table_privilege('audit_event', 'DELETE'),"
                            + " has_table_privilege('flyway_schema_history', 'UPDATE'), has_table_privilege('team', 'DELETE'),"
                            + " has_table_privilege('team', 'TRUNCATE')")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo(schema + "_app");
                assertThat(List.of(rs.getBoolean(2), rs.getBoolean(3), rs.getBoolean(4), rs.getBoolean(5), rs.getBoolean(6)))
                        .as("insert audit events, delete them, change the history, delete teams, truncate")
                        .containsExactly(true, false, false, true, false);
            }
        } finally {
            starts.shutdownNow();
            LocalServer.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }
}
