package dev.preflight.platform;

import static org.apache.http.HttpStatus.SC_OK;
import static org.apache.http.HttpStatus.SC_SERVICE_UNAVAILABLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;

import dev.preflight.Api;
import dev.preflight.Eventually;
import dev.preflight.Fixtures;
import dev.preflight.ProblemAssertions;
import dev.preflight.TestApplication;
import dev.preflight.platform.db.EmbeddedDatabase;

/**
 * While the database is down, readiness is DOWN and the API answers 503 with Retry-After;
 * once it is back, both recover within seconds without restarting Preflight, and no acknowledged
 * write is lost or made twice.
 */
@QuarkusTest
@QuarkusTestResource(value = DatabaseOutageTest.Server.class, restrictToAnnotatedClass = true)
class DatabaseOutageTest {

    /** Connections the outage broke are dropped as they fail; readiness and the API are back within this. */
    private static final Duration BACK_WITHIN = Duration.ofSeconds(5);

    /**
     * Once ready again, this many readiness checks and requests in a row succeed: connections the
     * outage broke are dropped as they leave the pool, not handed to a request.
     */
    private static final int STAYS_BACK_FOR = 25;

    /** A PostgreSQL this test can stop and start again on the same port and data. */
    public static class Server implements QuarkusTestResourceLifecycleManager {

        static EmbeddedDatabase postgres;

        @Override
        public Map<String, String> start() {
            try {
                postgres = EmbeddedDatabase.start(Files.createTempDirectory("preflight-outage"), true);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Map.of("quarkus.datasource.jdbc.url", postgres.jdbcUrl(),
                    "quarkus.datasource.username", postgres.username(),
                    "quarkus.datasource.password", postgres.password());
        }

        @Override
        public void stop() {
            postgres.stop();
        }

        static void down() {
            postgres.stop();
        }

        static void up() {
            postgres.restart();
        }
    }

    @Test
    void readiness_and_the_api_follow_the_database_down_and_up_again() {
        Eventually.until(BACK_WITHIN, () -> TestApplication.management().when().get("/q/health/ready").statusCode()
                == SC_OK);
        Api.admin().when().get("/api/v1/teams").then().statusCode(SC_OK);

        Server.down();
        try {
            TestApplication.management().when().get("/q/health/ready").then().statusCode(SC_SERVICE_UNAVAILABLE)
                    .body("status", equalTo("DOWN"));
            ProblemAssertions.problem(Api.admin().when().get("/api/v1/teams").then(), SC_SERVICE_UNAVAILABLE,
                    "service-unavailable")
                    .header("Retry-After", "5");
        } finally {
            Server.up();
        }

        Eventually.until(BACK_WITHIN, () -> TestApplication.management().when().get("/q/health/ready").statusCode() == SC_OK);
        for (int i = 0; i < STAYS_BACK_FOR; i++) {
            TestApplication.management().when().get("/q/health/ready").then().log().ifValidationFails()
                    .statusCode(SC_OK).body("status", equalTo("UP"));
            Api.admin().when().get("/api/v1/teams").then().log().ifValidationFails().statusCode(SC_OK);
        }
    }

    /**
     * Item updates from four scripts while PostgreSQL goes away and comes back: each script retries a
     * write with the same Idempotency-Key until it is acknowledged. Every acknowledged write is in the
     * database exactly once; every failure is a quick 503 problem with Retry-After.
     */
    @Test
    void writes_under_load_survive_an_outage_once_each_and_fail_only_with_quick_503s() throws Exception {
        long launch = Fixtures.launch(Fixtures.service(Fixtures.team(), 2), Fixtures.template(true));
        int scripts = 4;
        ScriptedWrites writes = new ScriptedWrites(launch, scripts, 40, false).start(Api::admin);

        Eventually.until(() -> writes.acknowledged.get() >= scripts * 5);
        Server.down();
        long downAt = System.nanoTime();
        try {
            Eventually.until(() -> writes.unavailable.get() >= scripts * 3);
            TestApplication.management().when().get("/q/health/ready").then().statusCode(SC_SERVICE_UNAVAILABLE);
        } finally {
            Server.up();
            writes.back();
        }
        long outageMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - downAt);
        writes.finish();
        Eventually.until(BACK_WITHIN, () -> TestApplication.management().when().get("/q/health/ready").statusCode() == SC_OK);
        writes.assertStoredOnce(Server.postgres.jdbcUrl(), Server.postgres.username(), Server.postgres.password());
        System.out.printf("Database outage under load: %d writes acknowledged, %d answered 503 (slowest %d ms), outage "
                + "about %d ms, first success %d ms after the database was back%n", writes.acknowledged.get(),
                writes.unavailable.get(), writes.slowestFailureMillis.get(), outageMillis,
                writes.firstSuccessAfterBackMillis());
        assertThat(writes.unavailable.get()).as("the outage was seen").isGreaterThanOrEqualTo(scripts * 3);
        assertThat(writes.slowestFailureMillis.get()).as("no failure waits past the pool's 5 s acquisition timeout + 1 s")
                .isLessThanOrEqualTo(6000);
        assertThat(writes.firstSuccessAfterBackMillis()).as("first success once back").isLessThanOrEqualTo(5000);
    }
}
