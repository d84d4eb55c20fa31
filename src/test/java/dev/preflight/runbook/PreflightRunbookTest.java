package dev.preflight.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.preflight.Api;
import dev.preflight.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Preflight's own runbook (docs/operations/runbook.md) loads into Preflight's runbook feature as it
 * is and passes the completeness check; every alert rule links to one of its
 * headings.
 */
@QuarkusTest
class PreflightRunbookTest {

    private static final Path RUNBOOK = Path.of("docs/operations/runbook.md");
    private static final Path RULES = Path.of("docs/operations/prometheus-rules.yml");

    @Test
    void the_runbook_loads_into_preflight_and_is_complete() throws Exception {
        String service = Fixtures.service(Fixtures.team(), 2);
        String markdown = Files.readString(RUNBOOK);

        List<String> missing = Api.admin().contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("content", markdown, "note", "Preflight's own runbook")).when()
                .put("/api/v1/services/" + service + "/runbook").then().statusCode(200).extract()
                .jsonPath().getList("missingSections", String.class);

        assertThat(missing).as("required parts the runbook lacks").isEmpty();
        assertThat(RunbookSkeleton.missing(markdown)).isEmpty();
        assertThat(markdown).contains("### Preflight is down or the database hangs", "### The disk is full",
                "### Webhook deliveries pile up", "### The audit chain is broken", "### Rotating secrets",
                "### Restoring from a backup", "### Upgrading and rolling back", "### Scaling out");
    }

    @Test
    void every_alert_rule_links_to_a_heading_of_the_runbook() throws Exception {
        Set<String> anchors = Files.readAllLines(RUNBOOK).stream().filter(line -> line.startsWith("#"))
                .map(line -> line.replaceFirst("^#+\\s*", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 -]", "")
                        .trim().replace(' ', '-'))
                .collect(Collectors.toSet());
        Matcher links = Pattern.compile("runbook: docs/operations/runbook\\.md#([a-z0-9-]+)")
                .matcher(Files.readString(RULES));
        int count = 0;
        while (links.find()) {
            assertThat(anchors).as("headings of the runbook").contains(links.group(1));
            count++;
        }
        Matcher rules = Pattern.compile("- alert: ").matcher(Files.readString(RULES));
        int alerts = 0;
        while (rules.find()) {
            alerts++;
        }
        assertThat(count).as("alert rules with a runbook link").isEqualTo(alerts).isPositive();
    }
}
