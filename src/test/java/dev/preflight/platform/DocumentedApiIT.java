package dev.preflight.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.preflight.TestApplication;

/**
 * The API walk-through in {@code docs/api.md} runs as written: its shell blocks, in order, against
 * a new Preflight with demo data, each command stopping the walk if it is answered with an error.
 * It must reach a go and an open gate, and leave every launch and service it did not create as it
 * found them.
 */
class DocumentedApiIT {

    private static final Path DOCUMENT = Path.of("docs", "api.md");
    private static final Pattern BLOCK = Pattern.compile("```bash\\n(.*?)```", Pattern.DOTALL);
    private static final String TOKEN = "pf_" + TestApplication.random(32);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void the_api_examples_run_as_written_on_a_new_preflight_with_demo_data() throws Exception {
        assumeTrue(installed("curl") && installed("jq"), "The documented examples need curl and jq "
                + "(Debian: apt-get install curl jq); .ci/run installs them.");
        List<String> blocks = blocks(Files.readString(DOCUMENT));
        assertThat(blocks).as("shell examples in " + DOCUMENT).hasSizeGreaterThan(4);

        Path work = Files.createTempDirectory("preflight-api-examples");
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PREFLIGHT_DATA_DIR", work.resolve("data").toString());
        env.put("PREFLIGHT_DEMO_SIZE", "small");
        env.put("PREFLIGHT_REMINDERS_DELAY", "1h");
        PreflightProcess preflight = PreflightProcess.start("api-examples", TOKEN, env).awaitReady();
        try {
            Map<String, Long> before = versions(preflight);
            Path script = work.resolve("examples.sh");
            Files.writeString(script, "set -euo pipefail\n" + String.join("\n", blocks));
            Path output = work.resolve("output.txt");
            ProcessBuilder bash = new ProcessBuilder("bash", script.toString()).directory(work.toFile())
                    .redirectErrorStream(true).redirectOutput(output.toFile());
            bash.environment().put("PREFLIGHT", preflight.url(""));
            bash.environment().put("PREFLIGHT_TOKEN", TOKEN);
            bash.environment().remove("CI_PIPELINE_ID");
            Process run = bash.start();
            assertThat(run.waitFor(5, TimeUnit.MINUTES)).as("the examples end within five minutes").isTrue();
            String printed = Files.readString(output, StandardCharsets.UTF_8);
            System.out.println("docs/api.md examples printed:\n" + printed);
            assertThat(run.exitValue()).as("every example ran without an error; they printed:\n" + printed).isZero();
            assertThat(printed).contains("\"state\":\"go\"").contains("\"consistent\":true")
                    .contains("\"status\":\"published\"");
            assertThat(printed.lines()).as("the refused go, then the open gate").containsSubsequence("409", "200");

            Map<String, Long> after = versions(preflight);
            before.forEach((record, version) -> assertThat(after.get(record))
                    .as(record + " was not created by the examples and is unchanged").isEqualTo(version));
            assertThat(after.keySet()).as("the examples made their own service and launch")
                    .hasSizeGreaterThan(before.size());
        } finally {
            preflight.stop();
        }
    }

    private static List<String> blocks(String markdown) {
        List<String> blocks = new ArrayList<>();
        Matcher matcher = BLOCK.matcher(markdown);
        while (matcher.find()) {
            blocks.add(matcher.group(1));
        }
        return blocks;
    }

    /** The version of every launch and service, by address. */
    private static Map<String, Long> versions(PreflightProcess preflight) throws IOException, InterruptedException {
        Map<String, Long> versions = new LinkedHashMap<>();
        for (String list : List.of("/api/v1/launches", "/api/v1/services")) {
            for (int page = 1; ; page++) {
                JsonNode answer = get(preflight, list + "?size=200&page=" + page);
                for (JsonNode record : answer.path("items")) {
                    String id = record.has("slug") ? record.path("slug").asText() : record.path("id").asText();
                    versions.put(list + "/" + id, record.path("version").asLong());
                }
                if (page * 200L >= answer.path("total").asLong()) {
                    break;
                }
            }
        }
        return versions;
    }

    private static JsonNode get(PreflightProcess preflight, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = PreflightProcess.HTTP.send(preflight.api(path, TOKEN).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static boolean installed(String command) throws IOException, InterruptedException {
        Process which = new ProcessBuilder("sh", "-c", "command -v " + command).redirectErrorStream(true).start();
        which.getInputStream().readAllBytes();
        return which.waitFor() == 0;
    }
}
