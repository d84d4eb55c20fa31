package dev.preflight.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.preflight.Eventually;
import dev.preflight.TestApplication;

/**
 * Preflight as shipped ({@code target/quarkus-app}), run as a process of its own with the given
 * environment, for the tests that start, kill and restart it or run its commands.
 */
record PreflightProcess(String name, int port, int managementPort, Process process, Path log, Path dataDir) {

    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final Duration START_LIMIT = Duration.ofMinutes(3);
    private static final Duration COMMAND_LIMIT = Duration.ofMinutes(5);

    /** What a command printed, and how it exited. */
    record Result(int exitCode, String output) {
    }

    /** Starts Preflight on a free port, signing in the first administrator with {@code token}. */
    static PreflightProcess start(String name, String token, Map<String, String> environment) throws IOException {
        return start(name, token, environment, List.of());
    }

    /** The same, run by a command such as {@code taskset -c 0}. */
    static PreflightProcess start(String name, String token, Map<String, String> environment, List<String> runner)
            throws IOException {
        int port = TestApplication.freePort();
        int managementPort = TestApplication.freePort();
        Path log = Path.of("target", "process-" + name + ".log");
        Map<String, String> env = new HashMap<>(environment);
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("QUARKUS_MANAGEMENT_PORT", String.valueOf(managementPort));
        env.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
        env.put("PREFLIGHT_ADMIN_PASSWORD", TestApplication.random(18));
        env.put("PREFLIGHT_ADMIN_TOKEN", token);
        List<String> command = new ArrayList<>(runner);
        command.addAll(java(List.of()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        Path dataDir = env.containsKey("PREFLIGHT_DATA_DIR") ? Path.of(env.get("PREFLIGHT_DATA_DIR")) : null;
        return new PreflightProcess(name, port, managementPort, builder.start(), log, dataDir);
    }

    /** Runs a command of Preflight's ({@code backup}, {@code restore}) to its end. */
    static Result command(Map<String, String> environment, String... args) throws IOException, InterruptedException {
        Path log = Files.createTempFile("preflight-command", ".log");
        ProcessBuilder builder = new ProcessBuilder(java(List.of(args))).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        assertThat(process.waitFor(COMMAND_LIMIT.toSeconds(), TimeUnit.SECONDS)).as(String.join(" ", args)
                + " finished").isTrue();
        String output = Files.readString(log);
        Files.delete(log);
        return new Result(process.exitValue(), output);
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** An address on the management interface: health and metrics. */
    String managementUrl(String path) {
        return "http://127.0.0.1:" + managementPort + path;
    }

    /** A request to the JSON API with a bearer token. */
    HttpRequest.Builder api(String path, String token) {
        return HttpRequest.newBuilder(URI.create(url(path))).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json");
    }

    PreflightProcess awaitReady() {
        return awaitReady(START_LIMIT);
    }

    /** Waits until readiness answers UP, failing with the end of the process's log when it does not within the limit. */
    PreflightProcess awaitReady(Duration limit) {
        try {
            Eventually.until(limit, () -> {
                assertThat(process.isAlive()).as("instance " + name + " is running; see " + log).isTrue();
                try {
                    return HTTP.send(HttpRequest.newBuilder(URI.create(managementUrl("/q/health/ready"))).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                } catch (IOException e) {
                    return false;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            });
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\n" + tail(), e);
        }
        return this;
    }

    /**
     * Stops the process as an operator would (SIGTERM), forcibly if it does not end within two
     * minutes (its database stops first, which takes a while on a busy machine). A process that
     * ended by itself leaves no embedded PostgreSQL running on its data folder.
     */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
            return;
        }
        if (dataDir != null) {
            assertThat(dataDir.resolve("postgres/postmaster.pid"))
                    .as("no embedded PostgreSQL left running after " + name + " stopped; see " + log).doesNotExist();
        }
    }

    /** Ends the process at once (SIGKILL), as a crash or an impatient operator would. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** What the process has written so far. */
    String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "";
        }
    }

    String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static List<String> java(List<String> args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", Path.of("target", "quarkus-app", "quarkus-run.jar").toString()));
        command.addAll(args);
        return command;
    }
}
