package dev.preflight.demo;

import static org.apache.http.HttpStatus.SC_OK;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

import dev.preflight.Api;
import dev.preflight.LocalServer;

/**
 * With {@code preflight.demo.size=small}, an empty Preflight fills itself at start-up with a sample
 * that has something of everything, counted by the board like real data; a Preflight that has
 * services is never touched. Runs in a schema of its own on the PostgreSQL at 127.0.0.1:5432, emptied
 * at start, so that the catalog is empty.
 */
@QuarkusTest
@TestProfile(DemoDataTest.Small.class)
@EnabledIf(value = "dev.preflight.LocalServer#reachable", disabledReason = "No PostgreSQL accepts connections on 127.0.0.1:5432; "
        + "start one with a database named test (trust authentication) to run this test")
class DemoDataTest {

    private static final String NAME = "preflight_demo_test";

    public static class Small implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = LocalServer.inSchema(NAME);
            config.put("preflight.demo.size", "small");
            return config;
        }
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    DemoData demo;

    @Test
    void an_empty_preflight_gets_a_sample_with_something_of_everything() throws SQLException {
        assertThat(column("SELECT DISTINCT state FROM launch ORDER BY 1"))
                .containsExactly("CANCELLED", "GO", "IN_REVIEW", "LAUNCHED", "NO_GO", "PREPARING");
        assertThat(column("SELECT DISTINCT status FROM launch_item ORDER BY 1"))
                .containsExactly("BLOCKED", "DONE", "NOT_APPLICABLE", "OPEN", "WAIVED");
        assertThat(column("SELECT DISTINCT tier::text FROM service ORDER BY 1")).containsExactly("1", "2", "3");
        assertThat(column("SELECT DISTINCT kind FROM recovery_drill ORDER BY 1")).contains("RESTORE_TEST", "FAILOVER");
        assertThat(column("SELECT DISTINCT outcome FROM recovery_drill ORDER BY 1")).contains("FAILED", "SUCCESS");
        assertThat(number("SELECT count(*) FROM runbook")).isPositive();
        assertThat(number("SELECT count(*) FROM launch_event")).isGreaterThan(number("SELECT count(*) FROM launch_item"));
        assertThat(number("SELECT count(*) FROM launch_summary")).isEqualTo(number("SELECT count(*) FROM launch"));
        assertThat(number("SELECT count(*) FROM service_posture WHERE computed_at IS NULL")).isZero();
        assertThat(number("SELECT count(*) FROM readiness_day")).isGreaterThan(20);

        JsonPath board = Api.admin().when().get("/api/v1/board").then().statusCode(SC_OK).extract().jsonPath();
        assertThat(board.getInt("totals.launches")).isEqualTo((int) number(
                "SELECT count(*) FROM launch WHERE state NOT IN ('LAUNCHED', 'CANCELLED')"));
        assertThat(board.getList("launches")).isNotEmpty();
        assertThat(board.getList("teams")).isNotEmpty();
        assertThat(board.getInt("posture.services")).isPositive();
        assertThat(board.getList("trend")).hasSizeGreaterThan(20);
        long go = number("SELECT min(id) FROM launch WHERE state = 'GO'");
        Api.admin().when().get("/api/v1/launches/" + go + "/gate").then().statusCode(SC_OK);
    }

    @Test
    void a_preflight_with_services_is_left_alone() throws SQLException {
        long launches = number("SELECT count(*) FROM launch");
        long events = number("SELECT count(*) FROM launch_event");
        demo.start(null);
        assertThat(number("SELECT count(*) FROM launch")).isEqualTo(launches);
        assertThat(number("SELECT count(*) FROM launch_event")).isEqualTo(events);
    }

    private List<String> column(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); ResultSet r = c.createStatement().executeQuery(sql)) {
            while (r.next()) {
                values.add(r.getString(1));
            }
        }
        return values;
    }

    private long number(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); ResultSet r = c.createStatement().executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
