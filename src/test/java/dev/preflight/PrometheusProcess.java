package dev.preflight;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real Prometheus ({@code /usr/bin/prometheus}, Debian's {@code prometheus} package) started by a
 * test in a folder of its own, with the configuration given; tests are skipped, saying why, where it
 * is not installed.
 */
public final class PrometheusProcess implements AutoCloseable {

    private static final Path BINARY = Path.of("/usr/bin/prometheus");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Process process;
    private final Path dir;
    private final String url;

    private PrometheusProcess(Process process, Path dir, String url) {
        this.process = process;
        this.dir = dir;
        this.url = url;
    }

    /**
     * Starts Prometheus with {@code prometheus.yml} written from the text given (its rule files, if
     * any, already in the folder).
     */
    public static PrometheusProcess start(Path dir, String config) throws IOException {
        assumeTrue(Files.isExecutable(BINARY), "Prometheus is not installed at " + BINARY
                + "; install Debian's package prometheus to run these tests");
        Files.writeString(dir.resolve("prometheus.yml"), config);
        int port = TestApplication.freePort();
        Process process = new ProcessBuilder(BINARY.toString(), "--config.file=" + dir.resolve("prometheus.yml"),
                "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port,
                "--log.level=warn").redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile())
                .start();
        return new PrometheusProcess(process, dir, "http://127.0.0.1:" + port);
    }

    /** Its address, without a slash at the end. */
    public String url() {
        return url;
    }

    /** The answer to an instant query, as JSON text, or "" while Prometheus cannot be asked. */
    public String query(String promql) {
        return get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
    }

    /** The answer at a path of its API, or "" while Prometheus cannot be asked. */
    public String get(String path) {
        if (!process.isAlive()) {
            throw new AssertionError("Prometheus stopped: " + log());
        }
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url + path)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /** Waits, within a limit sized for a loaded machine, until the query's answer is as wanted. */
    public void awaitQuery(String promql, Predicate<String> wanted) {
        Eventually.until(Duration.ofSeconds(90), () -> wanted.test(query(promql)));
    }

    public String log() {
        try {
            return Files.readString(dir.resolve("prometheus.log"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
