package dev.preflight.platform;

import static io.restassured.RestAssured.given;
import static org.apache.http.HttpStatus.SC_OK;
import static org.apache.http.HttpStatus.SC_SERVICE_UNAVAILABLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import dev.preflight.Api;
import dev.preflight.Eventually;
import dev.preflight.Fixtures;
import dev.preflight.ProblemAssertions;
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
        given().when().get("/q/health/ready").then().statusCode(SC_OK);
        Api.admin().when().get("/api/v1/teams").then().statusCode(SC_OK);

        Server.down();
        try {
            given().when().get("/q/health/ready").then().statusCode(SC_SERVICE_UNAVAILABLE)
                    .body("status", equalTo("DOWN"));
            ProblemAssertions.problem(Api.admin().when().get("/api/v1/teams").then(), SC_SERVICE_UNAVAILABLE,
                    "service-unavailable")
                    .header("Retry-After", "5");
        } finally {
            Server.up();
        }

        Eventually.until(BACK_WITHIN, () -> given().when().get("/q/health/ready").statusCode() == SC_OK);
        given().when().get("/q/health/ready").then().statusCode(SC_OK).body("status", equalTo("UP"));
        Eventually.until(BACK_WITHIN, () -> Api.admin().when().get("/api/v1/teams").statusCode() == SC_OK);
    }

    /**
     * Item updates from four scripts while PostgreSQL goes away and comes back: each script retries a
     * write with the same Idempotency-Key until it is acknowledged. Every acknowledged write is in the
     * database exactly once; every failure is a quick 503 problem with Retry-After.
     */
    @Test
    void writes_under_load_survive_an_outage_once_each_and_fail_only_with_quick_503s() throws Exception {
        String team = Fixtures.team();
        long launch = Fixtures.launch(Fixtures.service(team, 2), Fixtures.template(true));
        int scripts = 4;
        int writesEach = 40;
        AtomicInteger acknowledged = new AtomicInteger();
        AtomicInteger unavailable = new AtomicInteger();
        AtomicLong slowestFailureMillis = new AtomicLong();
        List<String> wrong = new CopyOnWriteArrayList<>();
        AtomicLong backAt = new AtomicLong();
        AtomicLong firstSuccessAfterBack = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(scripts);
        List<Future<?>> running = new ArrayList<>();
        for (int script = 0; script < scripts; script++) {
            int id = script;
            running.add(pool.submit(() -> {
                for (int n = 0; n < writesEach; n++) {
                    String key = "fault-" + launch + "-" + id + "-" + n;
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                    while (true) {
                        long started = System.nanoTime();
                        Response response;
                        try {
                            response = Api.admin().contentType(ContentType.JSON).header("Idempotency-Key", key)
                                    .body(Map.of("comment", key)).when()
                                    .patch("/api/v1/launches/" + launch + "/items/basics.backups");
                        } catch (RuntimeException e) {
                            wrong.add(key + ": " + e);
                            return;
                        }
                        long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                        if (response.statusCode() == SC_OK) {
                            acknowledged.incrementAndGet();
                            long back = backAt.get();
                            if (back != 0) {
                                firstSuccessAfterBack.compareAndSet(0, System.nanoTime() - back);
                            }
                            break;
                        }
                        if (response.statusCode() != SC_SERVICE_UNAVAILABLE || response.header("Retry-After") == null
                                || !response.contentType().startsWith("application/problem+json")) {
                            wrong.add(key + ": " + response.statusCode() + " " + response.asString());
                            return;
                        }
                        unavailable.incrementAndGet();
                        slowestFailureMillis.accumulateAndGet(took, Math::max);
                        if (System.nanoTime() > deadline) {
                            wrong.add(key + ": still unavailable after 120 s");
                            return;
                        }
                    }
                }
            }));
        }

        Eventually.until(() -> acknowledged.get() >= scripts * 5);
        Server.down();
        long downAt = System.nanoTime();
        try {
            Eventually.until(() -> unavailable.get() >= scripts * 3);
            given().when().get("/q/health/ready").then().statusCode(SC_SERVICE_UNAVAILABLE);
        } finally {
            Server.up();
            backAt.set(System.nanoTime());
        }
        long outageMillis = TimeUnit.NANOSECONDS.toMillis(backAt.get() - downAt);
        for (Future<?> script : running) {
            script.get(5, TimeUnit.MINUTES);
        }
        pool.shutdown();
        Eventually.until(BACK_WITHIN, () -> given().when().get("/q/health/ready").statusCode() == SC_OK);

        Map<String, Integer> stored = new HashMap<>();
        try (Connection c = DriverManager.getConnection(Server.postgres.jdbcUrl(), Server.postgres.username(),
                Server.postgres.password()); PreparedStatement s = c.prepareStatement(
                "SELECT comment, count(*) FROM launch_event WHERE launch_id = ? AND comment LIKE 'fault-%' GROUP BY comment")) {
            s.setLong(1, launch);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    stored.put(r.getString(1), r.getInt(2));
                }
            }
        }
        System.out.printf("Database outage under load: %d writes acknowledged, %d stored, %d duplicates, %d answered "
                + "503 (slowest %d ms), outage %d ms, first success %d ms after the database was back%n",
                acknowledged.get(), stored.size(), stored.values().stream().filter(n -> n > 1).count(),
                unavailable.get(), slowestFailureMillis.get(), outageMillis,
                TimeUnit.NANOSECONDS.toMillis(firstSuccessAfterBack.get()));
        assertThat(wrong).as("answers other than 200 or a 503 problem with Retry-After").isEmpty();
        assertThat(acknowledged.get()).isEqualTo(scripts * writesEach);
        assertThat(stored).as("every acknowledged write, once").hasSize(scripts * writesEach)
                .allSatisfy((key, count) -> assertThat(count).as(key).isEqualTo(1));
        assertThat(unavailable.get()).as("the outage was seen").isGreaterThanOrEqualTo(scripts * 3);
        assertThat(slowestFailureMillis.get()).as("no failure waits past the pool's 5 s acquisition timeout + 1 s")
                .isLessThanOrEqualTo(6000);
        assertThat(TimeUnit.NANOSECONDS.toMillis(firstSuccessAfterBack.get())).as("first success once back")
                .isLessThanOrEqualTo(5000);
    }
}
