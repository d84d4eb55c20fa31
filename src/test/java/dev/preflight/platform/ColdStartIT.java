package dev.preflight.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.preflight.Eventually;
import dev.preflight.TestApplication;

/**
 * The first start of Preflight as a newcomer meets it, on the packaged application with its
 * embedded database, each with an empty cache folder and data folder of its own: on a busy CPU,
 * killed at any moment and started again, two at once on one cache, with a damaged cache, and on a
 * folder it may not write.
 */
class ColdStartIT {

    private static final String TOKEN = "pf_" + TestApplication.random(32);
    /** A first start on one CPU shared with a busy loop is several times slower than on an idle machine. */
    private static final Duration BUSY_START_LIMIT = Duration.ofMinutes(10);

    @TempDir
    Path work;

    @Test
    void a_first_start_pinned_to_one_busy_cpu_becomes_ready() throws Exception {
        assumeTrue(runs("taskset", "-c", "0", "true"), "taskset (util-linux) is not installed");
        Process busy = new ProcessBuilder("taskset", "-c", "0", "sh", "-c", "while :; do :; done").start();
        PreflightProcess preflight = null;
        try {
            long started = System.nanoTime();
            preflight = PreflightProcess.start("cold-busy", TOKEN, folders("busy"), List.of("taskset", "-c", "0"))
                    .awaitReady(BUSY_START_LIMIT);
            System.out.printf("First start pinned to one CPU beside a busy loop: ready in %.1f s%n",
                    (System.nanoTime() - started) / 1e9);
            assertThat(preflight.output()).contains("Unpacking PostgreSQL", "Creating the database in");
        } finally {
            busy.destroyForcibly();
            if (preflight != null) {
                preflight.stop();
            }
        }
    }

    @Test
    void a_first_start_killed_at_any_moment_leaves_nothing_the_next_start_cannot_use() throws Exception {
        for (Duration at : List.of(Duration.ofMillis(500), Duration.ofSeconds(2), Duration.ofSeconds(5))) {
            Map<String, String> folders = folders("killed-" + at.toMillis());
            PreflightProcess first = PreflightProcess.start("cold-killed", TOKEN, folders);
            assertThat(first.process().waitFor(at.toMillis(), TimeUnit.MILLISECONDS)).as("still starting at " + at)
                    .isFalse();
            first.kill();
            PreflightProcess next = PreflightProcess.start("cold-after-kill", TOKEN, folders).awaitReady();
            System.out.printf("Killed %d ms into a first start (%s); the next start was ready%n", at.toMillis(),
                    lastStep(first.output()));
            next.stop();
        }
    }

    @Test
    void a_start_killed_while_unpacking_making_the_database_or_migrating_is_harmless_and_keeps_what_was_committed()
            throws Exception {
        Map<String, String> folders = folders("killed-at-steps");
        for (String step : List.of("Unpacking PostgreSQL", "Creating the database in", "Migrating schema")) {
            PreflightProcess starting = PreflightProcess.start("cold-step", TOKEN, folders);
            Eventually.until(PreflightProcess.START_LIMIT,
                    () -> starting.output().contains(step) || !starting.process().isAlive());
            starting.kill();
            assertThat(starting.output()).as("killed while " + step).contains(step);
        }
        PreflightProcess ready = PreflightProcess.start("cold-steps-ready", TOKEN, folders).awaitReady();
        HttpResponse<String> created = PreflightProcess.HTTP.send(ready.api("/api/v1/teams", TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Kept across a kill\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        ready.kill();

        PreflightProcess again = PreflightProcess.start("cold-steps-again", TOKEN, folders).awaitReady();
        try {
            HttpResponse<String> teams = PreflightProcess.HTTP.send(again.api("/api/v1/teams", TOKEN).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(teams.body()).as("what the start before the kill committed").contains("Kept across a kill");
        } finally {
            again.stop();
        }
    }

    @Test
    void two_first_starts_share_one_cache_and_a_damaged_cache_is_repaired() throws Exception {
        Path cache = work.resolve("shared-cache");
        List<PreflightProcess> both = new ArrayList<>();
        for (String name : List.of("one", "two")) {
            both.add(PreflightProcess.start("cold-shared-" + name, TOKEN, Map.of("PREFLIGHT_CACHE_DIR", cache.toString(),
                    "PREFLIGHT_DATA_DIR", work.resolve("shared-data-" + name).toString())));
        }
        for (PreflightProcess preflight : both) {
            preflight.awaitReady();
            preflight.stop();
        }
        assertThat(both.get(0).output() + both.get(1).output()).containsOnlyOnce("Unpacking PostgreSQL");

        Path removed;
        try (Stream<Path> files = Files.walk(cache)) {
            removed = files.filter(p -> p.getFileName().toString().startsWith("libpq.so.")
                    && Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)).findFirst().orElseThrow();
        }
        Files.delete(removed);
        PreflightProcess repaired = PreflightProcess.start("cold-repaired", TOKEN, Map.of("PREFLIGHT_CACHE_DIR",
                cache.toString(), "PREFLIGHT_DATA_DIR", work.resolve("shared-data-one").toString())).awaitReady();
        repaired.stop();
        assertThat(repaired.output()).contains("is damaged", "unpacking it again");
        assertThat(removed).as("the removed file is back").exists();
    }

    @Test
    void a_data_folder_preflight_may_not_write_stops_it_with_one_line_naming_the_folder() throws Exception {
        Path readOnly = Files.createDirectories(work.resolve("read-only"));
        Path cache = Files.createDirectories(work.resolve("writable-cache"));
        List<String> runner = List.of();
        if ("root".equals(System.getProperty("user.name"))) {
            assumeTrue(runs("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "test", "-r",
                    Path.of("target", "quarkus-app", "quarkus-run.jar").toAbsolutePath().toString()),
                    "running as root, and setpriv (util-linux) cannot run Preflight as the user nobody here");
            runner = List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups");
            Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.setPosixFilePermissions(cache, PosixFilePermissions.fromString("rwxrwxrwx"));
        }
        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
        Path dataDir = readOnly.resolve("data");
        PreflightProcess refused = PreflightProcess.start("cold-unwritable", TOKEN, Map.of("PREFLIGHT_CACHE_DIR",
                cache.toString(), "PREFLIGHT_DATA_DIR", dataDir.toString()), runner);
        assertThat(refused.process().waitFor(PreflightProcess.START_LIMIT.toSeconds(), TimeUnit.SECONDS)).isTrue();

        assertThat(refused.process().exitValue()).isNotZero();
        List<String> said = refused.output().lines().filter(line -> line.contains(dataDir.toString())).toList();
        System.out.println("Unwritable data folder: " + said);
        assertThat(said).containsExactly("Preflight cannot write to its data folder " + dataDir
                + " (Permission denied). Let the user running Preflight write there, or set PREFLIGHT_DATA_DIR to"
                + " another folder.");
        assertThat(refused.output()).doesNotContain("Exception", "\tat ");
    }

    /** An empty cache folder and data folder of the test's own. */
    private Map<String, String> folders(String name) {
        return Map.of("PREFLIGHT_CACHE_DIR", work.resolve(name + "-cache").toString(),
                "PREFLIGHT_DATA_DIR", work.resolve(name + "-data").toString());
    }

    private static String lastStep(String output) {
        List<String> steps = output.lines().filter(line -> line.contains("Unpacking PostgreSQL")
                || line.contains("Creating the database") || line.contains("Embedded PostgreSQL")
                || line.contains("Migrating schema")).toList();
        return steps.isEmpty() ? "before the database" : steps.get(steps.size() - 1).replaceFirst(".*\\) rid= ", "");
    }

    private static boolean runs(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
