package dev.preflight.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.preflight.TestApplication;

/**
 * The backup and restore-drill scripts of docs/operations/backup, run as an operator's timer would
 * against Preflight as shipped: the hourly backup leaves only an encrypted copy, off the host; the
 * drill decrypts the newest, restores it into a new data folder, starts Preflight on it, finds its
 * audit chain whole and records a successful restore test in the live Preflight's drill log.
 */
class BackupScriptsIT {

    private static final String TOKEN = "pf_" + TestApplication.random(32);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SCRIPTS = Path.of("docs", "operations", "backup");

    @TempDir
    Path work;

    @Test
    void an_encrypted_backup_copied_off_the_host_passes_the_restore_drill_which_records_itself() throws Exception {
        Path data = work.resolve("live-data");
        PreflightProcess live = PreflightProcess.start("backup-scripts", TOKEN,
                Map.of("PREFLIGHT_DATA_DIR", data.toString())).awaitReady();
        try {
            String team = post(live, "/api/v1/teams", Map.of("name", "Operators")).path("slug").asText();
            String service = post(live, "/api/v1/services", Map.of("name", "Preflight itself", "team", team, "tier", 2))
                    .path("slug").asText();
            run(List.of("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj",
                    "/CN=preflight-backup", "-keyout", work.resolve("key.pem").toString(), "-out",
                    work.resolve("cert.pem").toString()), Map.of());
            Path local = work.resolve("local");
            Path offsite = Files.createDirectories(work.resolve("offsite"));
            Map<String, String> backup = new HashMap<>(Map.of("PREFLIGHT_JAR", jar(),
                    "PREFLIGHT_BACKUP_DIR", local.toString(), "PREFLIGHT_BACKUP_CERT", work.resolve("cert.pem").toString(),
                    "PREFLIGHT_BACKUP_COPY", "cp -t " + offsite, "PREFLIGHT_DATA_DIR", data.toString()));

            String said = run(List.of("sh", SCRIPTS.resolve("preflight-backup.sh").toString()), backup);

            assertThat(said).contains("copied off the host");
            List<Path> copies = list(offsite);
            assertThat(copies).hasSize(1).allMatch(p -> p.getFileName().toString().endsWith(".backup.cms"));
            assertThat(list(local)).as("nothing unencrypted is left here").allMatch(p -> p.toString().endsWith(".cms"));
            assertThat(new String(Files.readAllBytes(copies.get(0)), StandardCharsets.ISO_8859_1))
                    .as("the copy is encrypted").doesNotContain(service, "flyway_schema_history");

            Map<String, String> drill = new HashMap<>(Map.of("PREFLIGHT_JAR", jar(),
                    "PREFLIGHT_BACKUP_DIR", offsite.toString(), "PREFLIGHT_BACKUP_CERT", work.resolve("cert.pem").toString(),
                    "PREFLIGHT_BACKUP_KEY", work.resolve("key.pem").toString(), "PREFLIGHT_URL", live.url(""),
                    "PREFLIGHT_TOKEN", TOKEN, "PREFLIGHT_SERVICE", service,
                    "PREFLIGHT_DRILL_PORT", String.valueOf(TestApplication.freePort()),
                    "PREFLIGHT_DRILL_MANAGEMENT_PORT", String.valueOf(TestApplication.freePort())));
            assertThat(run(List.of("sh", SCRIPTS.resolve("preflight-restore-drill.sh").toString()), drill))
                    .contains("Drill passed");

            HttpResponse<String> drills = PreflightProcess.HTTP.send(live.api("/api/v1/services/" + service + "/drills",
                    TOKEN).GET().build(), HttpResponse.BodyHandlers.ofString());
            JsonNode recorded = JSON.readTree(drills.body()).get(0);
            assertThat(recorded.path("kind").asText()).isEqualTo("restore_test");
            assertThat(recorded.path("outcome").asText()).isEqualTo("success");
            assertThat(recorded.path("notes").asText()).contains("audit chain was whole");
        } finally {
            live.stop();
        }
    }

    private static String jar() {
        return Path.of("target", "quarkus-app", "quarkus-run.jar").toAbsolutePath().toString();
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }

    /** Runs a command to its end within five minutes; its output, which must end in success. */
    private String run(List<String> command, Map<String, String> environment) throws Exception {
        Path log = Files.createTempFile(work, "command", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as(command + " finished").isTrue();
        String output = Files.readString(log);
        assertThat(process.exitValue()).as(command + " said:\n" + output).isZero();
        return output;
    }

    private static JsonNode post(PreflightProcess instance, String path, Map<String, Object> body) throws Exception {
        HttpResponse<String> response = PreflightProcess.HTTP.send(instance.api(path, TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(201);
        return JSON.readTree(response.body());
    }
}
