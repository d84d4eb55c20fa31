package dev.preflight.platform;

import static org.apache.http.HttpStatus.SC_OK;
import static org.apache.http.HttpStatus.SC_SERVICE_UNAVAILABLE;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
import java.util.function.Supplier;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import dev.preflight.Eventually;

/**
 * Item updates from several scripts, as deploy pipelines send them while something goes wrong: each
 * script retries a write with the same Idempotency-Key until it is acknowledged, and counts what it
 * was answered meanwhile. Afterwards, every acknowledged write must be in the database exactly once.
 */
final class ScriptedWrites {

    private final long launch;
    private final int scripts;
    private final int writesEach;
    private final boolean refusedConnectionsExpected;
    final AtomicInteger acknowledged = new AtomicInteger();
    final AtomicInteger unavailable = new AtomicInteger();
    final AtomicLong slowestFailureMillis = new AtomicLong();
    final List<String> wrong = new CopyOnWriteArrayList<>();
    private final AtomicLong backAt = new AtomicLong();
    private final AtomicLong firstSuccessAfterBack = new AtomicLong();
    private final ExecutorService pool;
    private final List<Future<?>> running = new ArrayList<>();

    /**
     * @param refusedConnectionsExpected whether a refused connection counts as "unavailable" (Preflight
     *                                   itself restarting) rather than as a wrong answer
     */
    ScriptedWrites(long launch, int scripts, int writesEach, boolean refusedConnectionsExpected) {
        this.launch = launch;
        this.scripts = scripts;
        this.writesEach = writesEach;
        this.refusedConnectionsExpected = refusedConnectionsExpected;
        this.pool = Executors.newFixedThreadPool(scripts);
    }

    /** Starts the scripts; each request is made by the given client (an admin's, at some address). */
    ScriptedWrites start(Supplier<RequestSpecification> client) {
        for (int script = 0; script < scripts; script++) {
            int id = script;
            running.add(pool.submit(() -> write(client, id)));
        }
        return this;
    }

    private void write(Supplier<RequestSpecification> client, int id) {
        for (int n = 0; n < writesEach; n++) {
            String key = "fault-" + launch + "-" + id + "-" + n;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            while (true) {
                long started = System.nanoTime();
                Response response;
                try {
                    response = client.get().contentType(ContentType.JSON).header("Idempotency-Key", key)
                            .body(Map.of("comment", key)).when()
                            .patch("/api/v1/launches/" + launch + "/items/basics.backups");
                } catch (RuntimeException e) {
                    if (!refusedConnectionsExpected) {
                        wrong.add(key + ": " + e);
                        return;
                    }
                    unavailable.incrementAndGet();
                    if (System.nanoTime() > deadline) {
                        wrong.add(key + ": still refused after 180 s");
                        return;
                    }
                    Eventually.pause();
                    continue;
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
                    wrong.add(key + ": still unavailable after 180 s");
                    return;
                }
            }
        }
    }

    /** Marks the moment the fault ended, to measure the first success after it. */
    void back() {
        backAt.set(System.nanoTime());
    }

    /** Milliseconds from the fault's end to the first acknowledged write after it. */
    long firstSuccessAfterBackMillis() {
        return TimeUnit.NANOSECONDS.toMillis(firstSuccessAfterBack.get());
    }

    /** Waits for every script to finish; then all writes must be acknowledged and answered only as expected. */
    void finish() throws Exception {
        for (Future<?> script : running) {
            script.get(5, TimeUnit.MINUTES);
        }
        pool.shutdown();
        assertThat(wrong).as("answers other than 200 or a 503 problem with Retry-After").isEmpty();
        assertThat(acknowledged.get()).isEqualTo(scripts * writesEach);
    }

    /** Every acknowledged write is stored, once: asked of the database directly. */
    void assertStoredOnce(String jdbcUrl, String user, String password) throws SQLException {
        Map<String, Integer> stored = new HashMap<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, password); PreparedStatement s = c.prepareStatement(
                "SELECT comment, count(*) FROM launch_event WHERE launch_id = ? AND comment LIKE 'fault-%' GROUP BY comment")) {
            s.setLong(1, launch);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    stored.put(r.getString(1), r.getInt(2));
                }
            }
        }
        assertThat(stored).as("every acknowledged write, once").hasSize(scripts * writesEach)
                .allSatisfy((key, count) -> assertThat(count).as(key).isEqualTo(1));
    }
}
