package dev.preflight.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An upgrade from the previous release: a backup that release made of an installation in use
 * ({@code src/test/resources/upgrade/preflight-0.1.0.backup}, schema version 22: a team, a tier-1
 * service, a launch with items done, not applicable and commented, a runbook, a restore drill) is
 * restored with this build, which brings the schema up to its own newest version at start; every
 * fact is there afterwards and the audit chain is whole. The fixture comes from a throwaway
 * installation: its keys and hashes protect nothing.
 */
class UpgradeIT {

    private static final Path FIXTURE = Path.of("src/test/resources/upgrade/preflight-0.1.0.backup");
    private static final String TOKEN = "pf_3JZ3co47Y84LxRDfiXbWA5HgW7wAz0BV"; // secret-scan: made up, the fixture's admin token
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    @Test
    void a_backup_of_the_previous_release_restores_and_upgrades_with_its_data_intact() throws Exception {
        Map<String, String> environment = Map.of("PREFLIGHT_DATA_DIR", work.resolve("data").toString());
        PreflightProcess.Result restored = PreflightProcess.command(environment, "restore", FIXTURE.toAbsolutePath()
                .toString());
        assertThat(restored.exitCode()).as(restored.output()).isZero();
        assertThat(restored.output()).contains("schema version 22");

        PreflightProcess upgraded = PreflightProcess.start("upgraded", TOKEN, environment).awaitReady();
        try {
            JsonNode launch = get(upgraded, "/api/v1/launches/1");
            assertThat(launch.path("service").asText()).isEqualTo("checkout");
            assertThat(launch.path("tier").asInt()).isEqualTo(1);
            Map<String, JsonNode> items = new HashMap<>();
            launch.path("items").forEach(item -> items.put(item.path("key").asText(), item));
            assertThat(items.get("infrastructure.hosting-provisioned").path("status").asText()).isEqualTo("done");
            assertThat(items.get("infrastructure.hosting-provisioned").path("evidenceNote").asText())
                    .contains("Production account 4411");
            assertThat(items.get("infrastructure.domain-dns").path("status").asText()).isEqualTo("not_applicable");
            assertThat(get(upgraded, "/api/v1/services/checkout/runbook").path("content").asText())
                    .contains("- Purpose: takes payments");
            assertThat(get(upgraded, "/api/v1/services/checkout/drills").get(0).path("recoveryTime").asText())
                    .isEqualTo("40 min");
            JsonNode chain = get(upgraded, "/api/v1/audit/verify");
            assertThat(chain.path("intact").asBoolean()).as(chain.toString()).isTrue();
            assertThat(chain.path("checked").asLong()).isGreaterThanOrEqualTo(15);
        } finally {
            upgraded.stop();
        }
    }

    private static JsonNode get(PreflightProcess instance, String path) throws Exception {
        HttpResponse<String> response = PreflightProcess.HTTP.send(instance.api(path, TOKEN).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
