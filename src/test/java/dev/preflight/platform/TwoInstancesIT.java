package dev.preflight.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.preflight.Eventually;
import dev.preflight.TestApplication;
import dev.preflight.platform.db.EmbeddedDatabase;

/**
 * Preflight processes, built as shipped, on one PostgreSQL: a change made through one reaches a
 * browser listening on another, the scheduled checks record each fact once, whichever instance runs
 * them, a process killed with SIGKILL under load loses no write it acknowledged, and one stopped
 * with SIGTERM under load ends its live streams and finishes what it acknowledged.
 */
class TwoInstancesIT {

    private static final String TOKEN = "pf_" + TestApplication.random(32);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = PreflightProcess.HTTP;

    private static Path work;
    private static EmbeddedDatabase database;
    private static PreflightProcess a;
    private static PreflightProcess b;

    @BeforeAll
    static void start() throws Exception {
        work = Files.createTempDirectory("preflight-two-instances");
        database = EmbeddedDatabase.start(work.resolve("db"), true);
        a = launch("a").awaitReady();
        b = launch("b").awaitReady();
    }

    @AfterAll
    static void stop() throws Exception {
        for (PreflightProcess instance : Stream.of(a, b).filter(i -> i != null).toList()) {
            instance.stop();
        }
    }

    @Test
    void a_change_made_through_one_instance_reaches_a_listener_on_the_other() throws Exception {
        String team = create(a, "/api/v1/teams", Map.of("name", "Team two instances")).path("slug").asText();
        String service = create(a, "/api/v1/services", Map.of("name", "Two instances", "team", team, "tier", 2))
                .path("slug").asText();
        long launch = openLaunch(service, LocalDate.now().plusDays(20));

        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        HttpResponse<Stream<String>> stream = HTTP.send(HttpRequest.newBuilder(URI.create(b.url("/launches/" + launch
                + "/events"))).header("Authorization", "Bearer " + TOKEN).header("Accept", "text/event-stream")
                .build(), HttpResponse.BodyHandlers.ofLines());
        assertThat(stream.statusCode()).isEqualTo(200);
        Thread reader = new Thread(() -> {
            try {
                stream.body().filter(line -> line.startsWith("data:")).forEach(line -> events.add(line.substring(5).trim()));
            } catch (UncheckedIOException closedByTheTest) {
                events.add("closed");
            }
        }, "sse-reader");
        reader.setDaemon(true);
        reader.start();

        long sent = System.nanoTime();
        HttpResponse<String> changed = HTTP.send(a.api("/api/v1/launches/" + launch + "/items/"
                + firstItem(launch), TOKEN).method("PATCH", HttpRequest.BodyPublishers.ofString(
                        "{\"status\":\"not_applicable\",\"reason\":\"checked on another instance\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);

        String event = events.poll(10, TimeUnit.SECONDS);
        assertThat(event).as("the event reached instance b").isNotNull();
        System.out.printf("Two instances: a change made through a reached a listener on b %d ms after it was sent%n",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent));
        JsonNode change = JSON.readTree(event);
        assertThat(change.path("launch").asLong()).isEqualTo(launch);
        assertThat(change.path("item").asText()).isEqualTo(firstItem(launch));
        assertThat(change.path("actor").asText()).isEqualTo("admin");
        assertThat(change.path("action").asText()).isEqualTo("not_applicable");
        stream.body().close();
    }

    @Test
    void scheduled_checks_record_each_overdue_launch_once_across_both_instances() throws Exception {
        String team = create(a, "/api/v1/teams", Map.of("name", "Team overdue")).path("slug").asText();
        String service = create(b, "/api/v1/services", Map.of("name", "Overdue", "team", team, "tier", 2))
                .path("slug").asText();
        List<Long> launches = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            launches.add(openLaunch(service, LocalDate.now().plusDays(3)));
        }
        long runsBefore = runs();
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(
                "UPDATE launch SET target_date = current_date - 1 WHERE id = ANY (?)")) {
            s.setArray(1, c.createArrayOf("bigint", launches.toArray()));
            assertThat(s.executeUpdate()).isEqualTo(launches.size());
        }

        Eventually.until(Duration.ofSeconds(60), () -> runs() >= runsBefore + 4);

        try (Connection c = connect(); PreparedStatement s = c.prepareStatement("""
                SELECT launch_id, count(*), min(actor) FROM launch_event
                WHERE action = 'overdue' AND launch_id = ANY (?) GROUP BY launch_id ORDER BY launch_id""")) {
            s.setArray(1, c.createArrayOf("bigint", launches.toArray()));
            Map<Long, Long> counts = new HashMap<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    counts.put(r.getLong(1), r.getLong(2));
                    assertThat(r.getString(3)).isEqualTo("system");
                }
            }
            assertThat(counts).as("one overdue event per launch").hasSize(launches.size()).allSatisfy((id, n) ->
                    assertThat(n).isEqualTo(1L));
        }
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(
                "SELECT last_instance, last_outcome FROM scheduled_work WHERE name = 'launch-reminders'");
                ResultSet r = s.executeQuery()) {
            assertThat(r.next()).isTrue();
            assertThat(r.getString(1)).isIn("a", "b");
            assertThat(r.getString(2)).isEqualTo("done");
            System.out.printf("Two instances: %d overdue launches, each recorded once over %d runs of the reminders "
                    + "(last by instance %s)%n", launches.size(), runs() - runsBefore, r.getString(1));
        }
        HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create(b.managementUrl("/q/health/group/scheduled")))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
    }

    @Test
    void every_write_acknowledged_before_a_kill_9_is_there_after_the_restart() throws Exception {
        long launch = launchOf("Killed");
        PreflightProcess victim = launch("c").awaitReady();

        Writers writers = new Writers(victim, launch, "kill-");
        Eventually.until(() -> writers.acknowledged.size() >= 100);
        victim.process().destroyForcibly();
        victim.process().waitFor(30, TimeUnit.SECONDS);
        writers.finish();

        PreflightProcess restarted = launch("c").awaitReady();
        Set<String> stored;
        try {
            stored = stored(launch, "kill-");
        } finally {
            restarted.stop();
        }
        List<String> acknowledged = writers.acknowledged;
        System.out.printf("kill -9 under load: %d writes acknowledged before the kill, %d of them stored, %d stored in all%n",
                acknowledged.size(), acknowledged.stream().filter(stored::contains).count(), stored.size());
        assertThat(stored).as("every acknowledged write survived").containsAll(acknowledged);
    }

    /**
     * SIGTERM while scripts write and a browser listens: the live stream ends within seconds,
     * requests in flight finish, none is answered other than 200 or 503, the process ends within its
     * 2 s delay and 20 s drain limit (and the database's stop), and every acknowledged write is stored.
     */
    @Test
    void sigterm_under_load_finishes_what_it_acknowledged_and_ends_the_live_streams() throws Exception {
        long launch = launchOf("Stopped");
        PreflightProcess victim = launch("d").awaitReady();
        CountDownLatch streamEnded = new CountDownLatch(1);
        HttpResponse<Stream<String>> stream = HTTP.send(HttpRequest.newBuilder(URI.create(victim.url("/launches/"
                + launch + "/events"))).header("Authorization", "Bearer " + TOKEN).header("Accept", "text/event-stream")
                .build(), HttpResponse.BodyHandlers.ofLines());
        assertThat(stream.statusCode()).isEqualTo(200);
        Thread reader = new Thread(() -> {
            try {
                stream.body().forEach(line -> { });
            } catch (UncheckedIOException closed) {
                // a stream cut by the process's end has ended all the same
            }
            streamEnded.countDown();
        }, "sse-reader");
        reader.setDaemon(true);
        reader.start();

        Writers writers = new Writers(victim, launch, "term-");
        Eventually.until(() -> writers.acknowledged.size() >= 100);
        long stopping = System.nanoTime();
        victim.process().destroy();
        assertThat(streamEnded.await(10, TimeUnit.SECONDS)).as("the live stream ended when shutdown began").isTrue();
        long streamMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopping);
        assertThat(victim.process().waitFor(60, TimeUnit.SECONDS)).as("the process ended").isTrue();
        long stoppedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopping);
        writers.finish();

        Set<String> stored = stored(launch, "term-");
        System.out.printf("SIGTERM under load: the live stream ended after %d ms, the process after %d ms; %d writes "
                + "acknowledged, all stored: %b; %d refused with 503%n", streamMillis, stoppedMillis,
                writers.acknowledged.size(), stored.containsAll(writers.acknowledged), writers.refused.get());
        assertThat(writers.wrong).as("answers other than 200 and 503").isEmpty();
        assertThat(stored).as("every acknowledged write survived").containsAll(writers.acknowledged);
        assertThat(stoppedMillis).as("ended inside the 2 s delay, the 20 s drain and the database's stop")
                .isLessThan(45_000);
    }

    /**
     * Four scripts commenting on a launch's first item through one instance for as long as it runs,
     * each comment unique ({@code prefix} + launch + script + number); a failed connection ends a script.
     */
    private static final class Writers {

        final List<String> acknowledged = new CopyOnWriteArrayList<>();
        final List<String> wrong = new CopyOnWriteArrayList<>();
        final AtomicInteger refused = new AtomicInteger();
        private final ExecutorService scripts = Executors.newFixedThreadPool(4);
        private final List<Future<?>> running = new ArrayList<>();

        Writers(PreflightProcess instance, long launch, String prefix) throws Exception {
            String item = firstItem(launch);
            for (int script = 0; script < 4; script++) {
                int id = script;
                running.add(scripts.submit(() -> {
                    for (int n = 0; instance.process().isAlive(); n++) {
                        String comment = prefix + launch + "-" + id + "-" + n;
                        try {
                            HttpResponse<String> response = HTTP.send(instance.api("/api/v1/launches/" + launch
                                    + "/items/" + item, TOKEN).method("PATCH", HttpRequest.BodyPublishers.ofString(
                                            "{\"comment\":\"" + comment + "\"}")).build(),
                                    HttpResponse.BodyHandlers.ofString());
                            if (response.statusCode() == 200) {
                                acknowledged.add(comment);
                            } else if (response.statusCode() == 503) {
                                refused.incrementAndGet();
                            } else {
                                wrong.add(comment + ": " + response.statusCode() + " " + response.body());
                            }
                        } catch (IOException e) {
                            return;
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                    }
                }));
            }
        }

        /** Waits for the scripts, which end with the instance. */
        void finish() throws Exception {
            for (Future<?> script : running) {
                script.get(1, TimeUnit.MINUTES);
            }
            scripts.shutdown();
        }
    }

    /** A launch on a new service of a new team, named after the test. */
    private static long launchOf(String name) throws Exception {
        String team = create(a, "/api/v1/teams", Map.of("name", "Team " + name)).path("slug").asText();
        String service = create(a, "/api/v1/services", Map.of("name", name, "team", team, "tier", 2))
                .path("slug").asText();
        return openLaunch(service, LocalDate.now().plusDays(20));
    }

    /** The comments starting with the prefix that the launch's history holds, read from the database. */
    private static Set<String> stored(long launch, String prefix) throws SQLException {
        Set<String> stored = new HashSet<>();
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(
                "SELECT comment FROM launch_event WHERE launch_id = ? AND comment LIKE ?")) {
            s.setLong(1, launch);
            s.setString(2, prefix + "%");
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    stored.add(r.getString(1));
                }
            }
        }
        return stored;
    }

    private static long openLaunch(String service, LocalDate target) throws Exception {
        return create(a, "/api/v1/launches", Map.of("service", service, "template", "launch-readiness", "name",
                "Launch of " + service, "environment", "production", "targetDate", target.toString()))
                .path("id").asLong();
    }

    private static String firstItem(long launch) throws Exception {
        HttpResponse<String> read = HTTP.send(HttpRequest.newBuilder(URI.create(a.url("/api/v1/launches/" + launch)))
                .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(read.body()).path("items").get(0).path("key").asText();
    }

    private static JsonNode create(PreflightProcess instance, String path, Map<String, Object> body) throws Exception {
        HttpResponse<String> response = HTTP.send(instance.api(path, TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(201);
        return JSON.readTree(response.body());
    }

    private static long runs() {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(
                "SELECT coalesce(max(runs), 0) FROM scheduled_work WHERE name = 'launch-reminders'");
                ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
    }

    private static PreflightProcess launch(String name) throws IOException {
        return PreflightProcess.start(name, TOKEN, Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl(),
                "QUARKUS_DATASOURCE_USERNAME", database.username(),
                "QUARKUS_DATASOURCE_PASSWORD", database.password(),
                "PREFLIGHT_DATA_DIR", work.resolve("data-" + name).toString(),
                "PREFLIGHT_INSTANCE_NAME", name,
                "PREFLIGHT_REMINDERS_EVERY", "1s",
                "PREFLIGHT_REMINDERS_DELAY", "1s"));
    }
}
