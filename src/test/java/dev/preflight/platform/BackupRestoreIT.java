package dev.preflight.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.preflight.Eventually;
import dev.preflight.LocalServer;
import dev.preflight.TestApplication;
import dev.preflight.platform.db.EmbeddedDatabase;

/**
 * Backups as an operator takes them: the built-in command against the embedded database while
 * Preflight runs on it, restored into a fresh data folder and into another PostgreSQL server, and
 * {@code pg_dump}/{@code pg_restore} for a server of one's own. Each time Preflight starts on the
 * restored database and serves the same launches, items, history and audit chain.
 */
class BackupRestoreIT {

    private static final String TOKEN = "pf_" + TestApplication.random(32);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Databases of this run on the local server (another run on the machine may use it meanwhile). */
    private static final String COPY = LocalServer.ofThisRun("preflight_backup_it_copy");
    private static final String DUMPED = LocalServer.ofThisRun("preflight_backup_it_dump");
    private static final String RESTORED = LocalServer.ofThisRun("preflight_backup_it_restored");
    /** Scheduled reminders would add events after the backup; the comparison wants none. */
    private static final Map<String, String> QUIET = Map.of("PREFLIGHT_REMINDERS_DELAY", "1h");

    private static Path work;
    private static Path backup;
    private static Map<String, String> source;
    private static JsonNode sourceChain;

    /**
     * A Preflight with demo data and a few changes made through the API, backed up while it runs:
     * what it served just before the backup is what every restore must serve.
     */
    @BeforeAll
    static void backUpARunningPreflight() throws Exception {
        work = Files.createTempDirectory("preflight-backup");
        Map<String, String> env = new LinkedHashMap<>(QUIET);
        env.put("PREFLIGHT_DATA_DIR", work.resolve("source").toString());
        env.put("PREFLIGHT_DEMO_SIZE", "small");
        PreflightProcess preflight = PreflightProcess.start("backup-source", TOKEN, env).awaitReady();
        try {
            changeSomeItems(preflight);
            Eventually.until(() -> chain(preflight).path("notYetChained").asLong() == 0);
            source = snapshot(preflight);
            sourceChain = chain(preflight);

            backup = work.resolve("preflight.backup");
            PreflightProcess.Result written = PreflightProcess.command(Map.of("PREFLIGHT_DATA_DIR",
                    work.resolve("source").toString()), "backup", backup.toString());
            System.out.println("Built-in backup of the running embedded database: " + written.output().lines()
                    .filter(line -> line.startsWith("Backup written")).findFirst().orElse(""));
            assertThat(written.exitCode()).as(written.output()).isZero();
            assertThat(snapshot(preflight)).as("the running Preflight served on while it was backed up")
                    .isEqualTo(source);
        } finally {
            preflight.stop();
        }
    }

    @AfterAll
    static void dropDatabases() throws SQLException {
        if (LocalServer.reachable()) {
            for (String database : List.of(COPY, DUMPED, RESTORED)) {
                drop(database);
            }
        }
    }

    @Test
    void the_built_in_backup_restored_into_a_new_data_folder_serves_the_same_launches_items_history_and_audit_chain()
            throws Exception {
        Map<String, String> env = Map.of("PREFLIGHT_DATA_DIR", work.resolve("restored").toString());
        long started = System.nanoTime();
        PreflightProcess.Result restored = PreflightProcess.command(env, "restore", backup.toString());
        assertThat(restored.exitCode()).as(restored.output()).isZero();
        System.out.printf("Built-in restore into a new data folder: %d ms; %s%n",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), restored.output().lines()
                        .filter(line -> line.startsWith("Restored")).findFirst().orElse(""));

        PreflightProcess.Result again = PreflightProcess.command(env, "restore", backup.toString());
        assertThat(again.exitCode()).as(again.output()).isEqualTo(2);
        assertThat(again.output()).contains("the database is not empty");

        Path copy = work.resolve("of-the-copy.backup");
        PreflightProcess.Result backedUpAgain = PreflightProcess.command(env, "backup", copy.toString());
        assertThat(backedUpAgain.exitCode()).as(backedUpAgain.output()).isZero();
        Map<String, String> original = tableDigests(backup);
        assertThat(tableDigests(copy)).as("every table's rows, byte for byte").isEqualTo(original);
        System.out.printf("Built-in restore: all %d tables of the copy hold the original's rows byte for byte%n",
                original.size());

        assertServesTheSame(env, "restored");
    }

    @Test
    void the_embedded_backup_moves_to_a_postgresql_server_of_ones_own() throws Exception {
        assumeTrue(LocalServer.reachable(), "no PostgreSQL on 127.0.0.1:5432");
        Map<String, String> env = server(COPY);
        PreflightProcess.Result restored = PreflightProcess.command(env, "restore", backup.toString());
        assertThat(restored.exitCode()).as(restored.output()).isZero();

        assertServesTheSame(env, "copy");
    }

    /**
     * A script writes while the backup runs; each of its writes adds a history event and an audit
     * event in one transaction. The copy holds both of each write or neither, however the backup's
     * reading of the two tables fell between the writes.
     */
    @Test
    void a_backup_taken_while_a_script_writes_holds_each_write_whole() throws Exception {
        Map<String, String> env = new LinkedHashMap<>(QUIET);
        env.put("PREFLIGHT_DATA_DIR", work.resolve("source").toString());
        PreflightProcess preflight = PreflightProcess.start("backup-busy", TOKEN, env).awaitReady();
        long launch;
        String item;
        AtomicInteger acknowledged = new AtomicInteger();
        AtomicBoolean done = new AtomicBoolean();
        Path busy = work.resolve("busy.backup");
        int duringBackup;
        try {
            launch = get(preflight, "/api/v1/launches?state=preparing&size=1").path("items").get(0).path("id").asLong();
            item = get(preflight, "/api/v1/launches/" + launch).path("items").get(10).path("key").asText();
            Thread writer = new Thread(() -> {
                for (int n = 0; !done.get(); n++) {
                    try {
                        HttpResponse<Void> changed = PreflightProcess.HTTP.send(preflight.api("/api/v1/launches/"
                                + launch + "/items/" + item, TOKEN).method("PATCH",
                                        HttpRequest.BodyPublishers.ofString("{\"comment\":\"busy-" + n + "\"}")).build(),
                                HttpResponse.BodyHandlers.discarding());
                        if (changed.statusCode() == 200) {
                            acknowledged.incrementAndGet();
                        }
                    } catch (IOException e) {
                        return;
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }, "busy-writer");
            writer.start();
            Eventually.until(() -> acknowledged.get() >= 20);
            int before = acknowledged.get();
            PreflightProcess.Result written = PreflightProcess.command(Map.of("PREFLIGHT_DATA_DIR",
                    work.resolve("source").toString()), "backup", busy.toString());
            duringBackup = acknowledged.get() - before;
            done.set(true);
            writer.join(TimeUnit.MINUTES.toMillis(1));
            assertThat(written.exitCode()).as(written.output()).isZero();
        } finally {
            done.set(true);
            preflight.stop();
        }
        PreflightProcess.Result restored = PreflightProcess.command(Map.of("PREFLIGHT_DATA_DIR",
                work.resolve("busy-restored").toString()), "restore", busy.toString());
        assertThat(restored.exitCode()).as(restored.output()).isZero();

        EmbeddedDatabase copy = EmbeddedDatabase.start(work.resolve("busy-restored"), true);
        try (Connection c = DriverManager.getConnection(copy.jdbcUrl(), copy.username(), copy.password());
                PreparedStatement s = c.prepareStatement("""
                        SELECT (SELECT count(*) FROM launch_event e JOIN launch_item i ON i.id = e.item_id
                                WHERE i.launch_id = ? AND i.key = ? AND e.comment LIKE 'busy-%'),
                               (SELECT count(*) FROM audit_event WHERE target_id = ? AND action LIKE 'launch.item.%')""")) {
            s.setLong(1, launch);
            s.setString(2, item);
            s.setString(3, launch + "/" + item);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                long history = r.getLong(1);
                long audited = r.getLong(2);
                System.out.printf("Backup under writes: %d writes acknowledged, %d of them while the backup ran; the copy "
                        + "holds %d writes, each with its history and audit event (%d and %d)%n", acknowledged.get(),
                        duringBackup, history, history, audited);
                assertThat(duringBackup).as("writes went on while the backup ran").isPositive();
                assertThat(history).as("the copy holds writes up to the snapshot, not all").isPositive()
                        .isLessThan(acknowledged.get());
                assertThat(audited).as("each write's audit event is there with its history event").isEqualTo(history);
            }
        }
    }

    @Test
    void a_changed_backup_is_refused_before_anything_is_written() throws Exception {
        Path changed = rewrite("changed.backup", "data/launch_item.copy", bytes -> {
            bytes[bytes.length / 2] = (byte) (bytes[bytes.length / 2] == 'x' ? 'y' : 'x');
            return bytes;
        });
        Map<String, String> env = Map.of("PREFLIGHT_DATA_DIR", work.resolve("changed").toString());

        PreflightProcess.Result refused = PreflightProcess.command(env, "restore", changed.toString());

        assertThat(refused.exitCode()).as(refused.output()).isEqualTo(2);
        assertThat(refused.output()).contains("the rows of table launch_item do not match the backup's manifest")
                .doesNotContain("Schema built");
        assertThat(work.resolve("changed")).as("no database was even started").doesNotExist();
    }

    @Test
    void a_restore_that_fails_while_loading_leaves_the_database_empty_for_another_try() throws Exception {
        Path miscounted = rewrite("miscounted.backup", "manifest.json", bytes -> {
            ObjectNode manifest = (ObjectNode) JSON.readTree(bytes);
            for (JsonNode table : manifest.path("tables")) {
                if (table.path("name").asText().equals("launch_event")) {
                    ((ObjectNode) table).put("rows", table.path("rows").asLong() + 1);
                }
            }
            return JSON.writeValueAsBytes(manifest);
        });
        Map<String, String> env = Map.of("PREFLIGHT_DATA_DIR", work.resolve("retried").toString());

        PreflightProcess.Result failed = PreflightProcess.command(env, "restore", miscounted.toString());
        assertThat(failed.exitCode()).as(failed.output()).isEqualTo(2);
        assertThat(failed.output()).contains("Schema built").contains("table launch_event loaded");

        PreflightProcess.Result retried = PreflightProcess.command(env, "restore", backup.toString());
        assertThat(retried.exitCode()).as(retried.output()).isZero();
    }

    @Test
    void a_backup_of_a_newer_preflight_is_refused() throws Exception {
        Path newer = rewrite("newer.backup", "manifest.json", bytes -> {
            ObjectNode manifest = (ObjectNode) JSON.readTree(bytes);
            manifest.put("schemaVersion", "999");
            return JSON.writeValueAsBytes(manifest);
        });
        Map<String, String> env = Map.of("PREFLIGHT_DATA_DIR", work.resolve("newer").toString());

        PreflightProcess.Result refused = PreflightProcess.command(env, "restore", newer.toString());

        assertThat(refused.exitCode()).as(refused.output()).isEqualTo(2);
        assertThat(refused.output()).contains("taken by a newer Preflight (schema version 999").doesNotContain(
                "Schema built");
    }

    @Test
    void pg_dump_and_pg_restore_as_the_readme_describes_them() throws Exception {
        assumeTrue(LocalServer.reachable() && onPath("pg_dump") && onPath("pg_restore"),
                "needs PostgreSQL on 127.0.0.1:5432 and pg_dump and pg_restore");
        Map<String, String> original = server(DUMPED);
        PreflightProcess.Result loaded = PreflightProcess.command(original, "restore", backup.toString());
        assertThat(loaded.exitCode()).as(loaded.output()).isZero();
        Path dump = work.resolve("preflight.dump");

        run("pg_dump", "--format=custom", "--no-owner", "--host=127.0.0.1", "--username=postgres",
                "--dbname=" + DUMPED, "--file=" + dump);
        Map<String, String> restoredEnv = server(RESTORED);
        run("pg_restore", "--no-owner", "--exit-on-error", "--host=127.0.0.1", "--username=postgres",
                "--dbname=" + RESTORED, dump.toString());
        System.out.printf("pg_dump / pg_restore round trip: dump of %,d bytes restored%n", Files.size(dump));

        assertServesTheSame(restoredEnv, "pg-restored");
    }

    private static void assertServesTheSame(Map<String, String> env, String name) throws Exception {
        Map<String, String> environment = new LinkedHashMap<>(QUIET);
        environment.putAll(env);
        PreflightProcess preflight = PreflightProcess.start(name, TOKEN, environment).awaitReady();
        try {
            Map<String, String> served = snapshot(preflight);
            assertThat(served.keySet()).isEqualTo(source.keySet());
            source.forEach((path, body) -> assertThat(served.get(path)).as(path).isEqualTo(body));
            JsonNode chain = chain(preflight);
            assertThat(chain.path("intact").asBoolean()).as(chain.toString()).isTrue();
            assertThat(chain.path("headSeq")).isEqualTo(sourceChain.path("headSeq"));
            assertThat(chain.path("headHash")).isEqualTo(sourceChain.path("headHash"));
            System.out.printf("Restored (%s): %d responses identical to the original's, audit chain of %d events "
                    + "intact, same head hash%n", name, served.size(), chain.path("checked").asLong());

            HttpResponse<String> created = PreflightProcess.HTTP.send(preflight.api("/api/v1/teams", TOKEN)
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"name\":\"Team after the restore\"}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).as("a write on the copy takes new ids: " + created.body()).isEqualTo(201);
            changeSomeItems(preflight);
            Eventually.until(() -> chain(preflight).path("notYetChained").asLong() == 0);
            assertThat(chain(preflight).path("intact").asBoolean()).as("the chain goes on from the restored head")
                    .isTrue();
        } finally {
            preflight.stop();
        }
    }

    /** Item changes through the API, so that the backup holds a script's work besides the demo's. */
    private static void changeSomeItems(PreflightProcess preflight) throws Exception {
        JsonNode launch = get(preflight, "/api/v1/launches?state=preparing&size=1").path("items").get(0);
        JsonNode items = get(preflight, "/api/v1/launches/" + launch.path("id").asLong()).path("items");
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> changed = PreflightProcess.HTTP.send(preflight.api("/api/v1/launches/"
                    + launch.path("id").asLong() + "/items/" + items.get(i).path("key").asText(), TOKEN)
                    .method("PATCH", HttpRequest.BodyPublishers.ofString(
                            "{\"comment\":\"checked before the backup, ünïcode ✓ and a tab\\tinside\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        }
    }

    /** Everything the comparison covers: launches with their items and history, services, teams, the audit log. */
    private static Map<String, String> snapshot(PreflightProcess preflight) throws Exception {
        Map<String, String> bodies = new LinkedHashMap<>();
        JsonNode launches = get(preflight, "/api/v1/launches?size=200");
        bodies.put("/api/v1/launches?size=200", launches.toString());
        for (JsonNode launch : launches.path("items")) {
            long id = launch.path("id").asLong();
            for (String path : List.of("/api/v1/launches/" + id, "/api/v1/launches/" + id + "/history?limit=1000")) {
                bodies.put(path, get(preflight, path).toString());
            }
        }
        for (String path : List.of("/api/v1/services?size=200", "/api/v1/teams?size=200")) {
            bodies.put(path, get(preflight, path).toString());
        }
        for (int page = 1; ; page++) {
            String path = "/api/v1/audit?size=200&page=" + page;
            JsonNode events = get(preflight, path);
            bodies.put(path, events.toString());
            if (events.path("items").size() < 200) {
                break;
            }
        }
        assertThat(launches.path("items").size()).as("the demo data has launches").isGreaterThan(10);
        return bodies;
    }

    private static JsonNode chain(PreflightProcess preflight) {
        try {
            return get(preflight, "/api/v1/audit/verify");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode get(PreflightProcess preflight, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = PreflightProcess.HTTP.send(preflight.api(path, TOKEN).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** Each table's SHA-256 as a backup's manifest has it. */
    private static Map<String, String> tableDigests(Path archive) throws IOException {
        try (ZipFile zip = new ZipFile(archive.toFile()); InputStream in = zip.getInputStream(zip.getEntry("manifest.json"))) {
            Map<String, String> digests = new LinkedHashMap<>();
            JSON.readTree(in).path("tables").forEach(t -> digests.put(t.path("name").asText(), t.path("sha256").asText()));
            return digests;
        }
    }

    /** Changes an entry's bytes. */
    @FunctionalInterface
    private interface Change {
        byte[] apply(byte[] bytes) throws IOException;
    }

    /** A copy of the backup with one entry changed. */
    private static Path rewrite(String name, String changedEntry, Change change) throws IOException {
        Path copy = work.resolve(name);
        try (ZipFile zip = new ZipFile(backup.toFile()); OutputStream file = Files.newOutputStream(copy);
                ZipOutputStream out = new ZipOutputStream(file)) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                byte[] bytes;
                try (InputStream in = zip.getInputStream(entry)) {
                    bytes = in.readAllBytes();
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(entry.getName().equals(changedEntry) ? change.apply(bytes) : bytes);
                out.closeEntry();
            }
        }
        return copy;
    }

    /** A new, empty database on the local server, and the environment that points Preflight at it. */
    private static Map<String, String> server(String database) throws SQLException {
        drop(database);
        LocalServer.execute("CREATE DATABASE " + database);
        return Map.of("QUARKUS_DATASOURCE_JDBC_URL", LocalServer.URL + database, "QUARKUS_DATASOURCE_USERNAME", "postgres",
                "QUARKUS_DATASOURCE_PASSWORD", "", "PREFLIGHT_DATA_DIR", work.resolve("data-" + database).toString());
    }

    private static void drop(String database) throws SQLException {
        LocalServer.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }

    private static boolean onPath(String command) {
        try {
            return new ProcessBuilder(command, "--version").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + ": " + output).isZero();
    }
}
