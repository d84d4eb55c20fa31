package dev.preflight.platform;

import static org.apache.http.HttpStatus.SC_OK;
import static org.apache.http.HttpStatus.SC_SERVICE_UNAVAILABLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import dev.preflight.Api;
import dev.preflight.Eventually;
import dev.preflight.Fixtures;
import dev.preflight.ProblemAssertions;
import dev.preflight.TestApplication;
import dev.preflight.platform.db.EmbeddedDatabase;

/**
 * PostgreSQL frozen (SIGSTOP on the server and every backend, as a hung host or a stalled disk
 * leaves it) under a load of writes, then thawed (SIGCONT): while frozen, readiness is DOWN and
 * requests get a quick 503 with Retry-After rather than hanging (a browser's as a page), and the
 * live-update listener finds its silent connection lost; once thawed, everything recovers without
 * a restart, live updates listen again, and no acknowledged write is lost or made twice.
 */
@QuarkusTest
@QuarkusTestResource(value = DatabaseFreezeTest.Server.class, restrictToAnnotatedClass = true)
class DatabaseFreezeTest {

    /** The database watch asks every 2 s and waits 3 s for an answer; with slack for a loaded machine. */
    private static final Duration NOTICED_WITHIN = Duration.ofSeconds(20);

    /** A PostgreSQL of this test's own, whose processes it can stop and continue. */
    public static class Server implements QuarkusTestResourceLifecycleManager {

        static EmbeddedDatabase postgres;
        static Path dir;

        @Override
        public Map<String, String> start() {
            try {
                dir = Files.createTempDirectory("preflight-freeze");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            postgres = EmbeddedDatabase.start(dir, true);
            return Map.of("quarkus.datasource.jdbc.url", postgres.jdbcUrl(),
                    "quarkus.datasource.username", postgres.username(),
                    "quarkus.datasource.password", postgres.password());
        }

        @Override
        public void stop() {
            signal("CONT");
            postgres.stop();
        }

        /** Sends the signal to the server and all its processes. */
        static void signal(String name) {
            try {
                long server = Long.parseLong(Files.readAllLines(dir.resolve("postgres/postmaster.pid")).get(0).trim());
                List<String> command = new ArrayList<>(List.of("kill", "-" + name, String.valueOf(server)));
                ProcessHandle.of(server).ifPresent(p -> p.descendants()
                        .forEach(child -> command.add(String.valueOf(child.pid()))));
                Process kill = new ProcessBuilder(command).redirectErrorStream(true).start();
                assertThat(kill.waitFor(30, TimeUnit.SECONDS)).isTrue();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void a_frozen_database_gets_quick_503s_and_loses_no_acknowledged_write() throws Exception {
        long launch = Fixtures.launch(Fixtures.service(Fixtures.team(), 2), Fixtures.template(true));
        int scripts = 4;
        ScriptedWrites writes = new ScriptedWrites(launch, scripts, 30, false).start(() -> bounded(Api.admin()));
        Eventually.until(() -> writes.acknowledged.get() >= scripts * 5);

        Server.signal("STOP");
        long slowest = 0;
        try {
            Eventually.until(NOTICED_WITHIN, () -> "DOWN".equals(bounded(TestApplication.management()).when()
                    .get("/q/health/ready").jsonPath().getString("checks.find { it.name == 'database-answers' }.status")));
            for (int i = 0; i < 5; i++) {
                long started = System.nanoTime();
                Response answer = bounded(Api.admin()).when().get("/api/v1/teams");
                slowest = Math.max(slowest, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
                ProblemAssertions.problem(answer.then(), SC_SERVICE_UNAVAILABLE, "service-unavailable")
                        .header("Retry-After", "5");
            }
            bounded(Api.admin()).accept("text/html").when().get("/services").then()
                    .statusCode(SC_SERVICE_UNAVAILABLE).header("Retry-After", "5")
                    .body(containsString("The database cannot be reached right now"));
            Eventually.until(Duration.ofSeconds(60), () -> bounded(TestApplication.management()).when().get("/q/metrics").asString()
                    .contains("preflight_live_listener_up 0.0"));
        } finally {
            Server.signal("CONT");
            writes.back();
        }

        writes.finish();
        Eventually.until(NOTICED_WITHIN, () -> TestApplication.management().when().get("/q/health/ready").statusCode() == SC_OK);
        writes.assertStoredOnce(Server.postgres.jdbcUrl(), Server.postgres.username(), Server.postgres.password());
        Eventually.until(Duration.ofSeconds(60), () -> TestApplication.management().when().get("/q/metrics").asString()
                .contains("preflight_live_listener_up 1.0"));
        System.out.printf("Database frozen under load: %d writes acknowledged, %d answered 503; while frozen API "
                + "requests were answered within %d ms; first success %d ms after the thaw%n", writes.acknowledged.get(),
                writes.unavailable.get(), slowest, writes.firstSuccessAfterBackMillis());
        assertThat(slowest).as("requests while frozen are answered at once").isLessThan(2000);
    }

    /** The request, given up after 60 s, so that a hang fails the test instead of holding it. */
    private static RequestSpecification bounded(RequestSpecification request) {
        return request.config(RestAssured.config().httpClient(HttpClientConfig.httpClientConfig()
                .setParam("http.socket.timeout", 60_000).setParam("http.connection.timeout", 10_000)));
    }
}
