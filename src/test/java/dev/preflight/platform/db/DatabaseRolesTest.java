package dev.preflight.platform.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

import dev.preflight.Api;
import dev.preflight.Fixtures;
import dev.preflight.TestApplication;

/**
 * The application serves requests as a role that may change rows but not the schema: it cannot
 * turn off the audit log's append-only trigger, remove audit events, truncate a table or rewrite the
 * migration history. The tables belong to the migration role.
 */
@QuarkusTest
class DatabaseRolesTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void the_application_role_changes_rows_but_cannot_touch_the_schema_or_the_audit_log() throws SQLException {
        Fixtures.team();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT current_user, (SELECT rolsuper FROM pg_roles WHERE rolname = current_user),"
                    + " (SELECT count(DISTINCT tableowner) FROM pg_tables WHERE schemaname = current_schema()),"
                    + " (SELECT min(tableowner) FROM pg_tables WHERE schemaname = current_schema())")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo(EmbeddedDatabase.APP_USER);
                assertThat(rs.getBoolean(2)).as("superuser").isFalse();
                assertThat(rs.getLong(3)).as("owners of the tables").isEqualTo(1);
                assertThat(rs.getString(4)).isEqualTo(EmbeddedDatabase.USER);
            }
            c.setAutoCommit(true);
            refused(s, "ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only", "must be owner");
            refused(s, "DROP TRIGGER audit_event_append_only ON audit_event", "must be owner");
            refused(s, "DELETE FROM audit_event", "permission denied");
            refused(s, "TRUNCATE audit_event", "permission denied");
            refused(s, "TRUNCATE team CASCADE", "permission denied");
            refused(s, "DELETE FROM flyway_schema_history", "permission denied");
            refused(s, "CREATE TABLE intruder (id int)", "permission denied");
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM audit_event")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).as("audit events readable").isPositive();
            }
        }
        try (Connection c = TestApplication.asOwner(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT current_user")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo(EmbeddedDatabase.USER);
        }
        Api.admin().when().get("/api/v1/audit/verify").then().statusCode(200);
    }

    private static void refused(Statement s, String statement, String because) {
        assertThatThrownBy(() -> s.execute(statement)).as(statement).isInstanceOf(SQLException.class)
                .hasMessageContaining(because);
    }
}
