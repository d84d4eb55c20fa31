package dev.preflight.platform;

import static org.apache.http.HttpStatus.SC_CREATED;
import static org.apache.http.HttpStatus.SC_OK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

import dev.preflight.Api;
import dev.preflight.Fixtures;
import dev.preflight.LocalServer;

/**
 * With a JDBC URL configured, Preflight uses that server: here the PostgreSQL on 127.0.0.1:5432
 * (database {@code test}), in a schema of this run's own (another test run on the machine may use
 * the same server), emptied at start and dropped by a later run, with a migration role that owns
 * the tables and an application role that only uses them.
 */
@QuarkusTest
@TestProfile(ExternalDatabaseTest.External.class)
@EnabledIf(value = "dev.preflight.LocalServer#reachable", disabledReason = "No PostgreSQL accepts connections on 127.0.0.1:5432; "
        + "start one with a database named test (trust authentication) to run this test")
class ExternalDatabaseTest {

    private static final String NAME = "preflight_external_test";
    static final String SCHEMA = LocalServer.ofThisRun(NAME);

    public static class External implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return LocalServer.inSchema(NAME);
        }
    }

    @Inject
    AgroalDataSource dataSource;

    @Test
    void the_configured_server_is_used_and_migrated() throws SQLException {
        try (Connection c = dataSource.getConnection();
                ResultSet rs = c.createStatement().executeQuery(
                        "SELECT inet_server_port(), current_database(), current_schema(),"
                                + " (SELECT count(*) FROM flyway_schema_history WHERE success)")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(5432);
            assertThat(rs.getString(2)).isEqualTo("test");
            assertThat(rs.getString(3)).isEqualTo(SCHEMA);
            assertThat(rs.getLong(4)).isPositive();
        }
    }

    @Test
    void the_application_serves_as_its_own_role_and_the_migration_role_owns_the_tables() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT current_user, (SELECT min(tableowner) || ' ' || max(tableowner)"
                    + " FROM pg_tables WHERE schemaname = current_schema())")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo(SCHEMA + "_app");
                assertThat(rs.getString(2)).isEqualTo(SCHEMA + "_owner " + SCHEMA + "_owner");
            }
            assertThatThrownBy(() -> s.execute("ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("must be owner");
        }
    }

    @Test
    void the_catalog_works_on_it() {
        String team = Fixtures.team();
        Api.admin().contentType(ContentType.JSON).body(Map.of("name", "External Service", "team", team, "tier", 2,
                "slug", Fixtures.unique("ext")))
                .when().post("/api/v1/services").then().statusCode(SC_CREATED);
        Api.admin().queryParam("team", team).when().get("/api/v1/services")
                .then().statusCode(SC_OK).body("items[0].name", equalTo("External Service"));
    }
}
