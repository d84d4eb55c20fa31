package dev.preflight.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

import dev.preflight.Api;
import dev.preflight.Fixtures;

/**
 * Preflight passes its own launch review: docs/operations/readiness.yaml answers every item of the
 * Release It! and launch readiness templates for Preflight as a tier-2 service. The answers are
 * applied to launches of Preflight, in Preflight, through the API; the launches reach a go, the
 * gate opens, and they go live. Every file and heading named as evidence must exist in the checkout.
 */
@QuarkusTest
class ReadinessReviewTest {

    private static final Path MAPPING = Path.of("docs/operations/readiness.yaml");
    private static final List<String> TEMPLATES = List.of("release-it-production-readiness", "launch-readiness");
    private static final Set<String> ANSWERS = Set.of("done", "linked", "na", "waiver", "after");
    private static final Set<String> LATER_PHASES = Set.of("after_launch", "ongoing");

    @Test
    void preflight_reaches_go_on_both_templates_with_the_evidence_of_this_repository() throws IOException {
        JsonNode mapping = new YAMLMapper().readTree(MAPPING.toFile());
        JsonNode about = mapping.path("service");
        String links = mapping.path("links").asText();
        assertThat(links).startsWith("https://").endsWith("/");

        String service = register(about);
        Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
        List<String> waivers = new ArrayList<>();
        for (String template : TEMPLATES) {
            JsonNode answers = mapping.path(template);
            Map<String, JsonNode> items = templateItems(template);
            assertThat(names(answers)).as("items of %s answered in %s", template, MAPPING)
                    .containsExactlyInAnyOrderElementsOf(items.keySet());

            long launch = Fixtures.launch(service, template);
            Map<String, Map<String, Object>> inLaunch = launchItems(launch);
            Map<String, Integer> count = new TreeMap<>();
            for (Map.Entry<String, JsonNode> item : items.entrySet()) {
                String key = item.getKey();
                JsonNode answer = answers.path(key);
                String kind = kindOf(template, key, answer);
                count.merge(kind, 1, Integer::sum);
                Map<String, Object> launched = inLaunch.get(key);
                if (launched == null) {
                    assertThat(kind).as("%s is not in a tier-2 launch, so it can only be not applicable", key)
                            .isEqualTo("na");
                    continue;
                }
                boolean later = LATER_PHASES.contains(String.valueOf(launched.get("phase")));
                assertThat(kind.equals("after")).as("%s: 'after' answers exactly the items of later phases", key)
                        .isEqualTo(later);
                apply(launch, key, launched, kind, answer, links);
                if (kind.equals("waiver")) {
                    waivers.add(template + " " + key + ": " + answer.path("waiver").path("reason").asText()
                            + " (until " + answer.path("waiver").path("expires").asText() + ")");
                }
            }
            counts.put(template, count);

            JsonPath after = Api.admin().when().get("/api/v1/launches/" + launch).then().statusCode(200).extract()
                    .jsonPath();
            List<Map<String, Object>> unresolved = after.getList("items.findAll { !it.resolved && it.phase == null "
                    + "|| !it.resolved && it.phase == 'at_go_live' }");
            assertThat(unresolved).as("items left unresolved before go-live in %s", template).isEmpty();

            transition(launch, "in_review");
            Api.admin().contentType(ContentType.JSON)
                    .body(Map.of("decision", "go", "rationale", "Every item answered in " + MAPPING))
                    .when().post("/api/v1/launches/" + launch + "/decision").then().log().ifValidationFails()
                    .statusCode(200);
            gate(launch).statusCode(200).body("state", equalTo("go"));
            transition(launch, "launched");
            gate(launch).statusCode(200).body("state", equalTo("launched"));
        }
        System.out.printf("Preflight's own review, answers per template: %s%nWaivers:%n  %s%n", counts,
                String.join("\n  ", waivers));
    }

    /** Registers Preflight as a tier-2 service with its recovery target, a restore drill and its runbook. */
    private static String register(JsonNode about) throws IOException {
        String team = Fixtures.team();
        String slug = Fixtures.unique("preflight");
        Map<String, Object> service = new HashMap<>();
        service.put("slug", slug);
        service.put("name", about.path("name").asText() + " " + slug);
        service.put("team", team);
        service.put("tier", about.path("tier").asInt());
        service.put("description", about.path("description").asText());
        service.put("storesData", true);
        service.put("personalData", true);
        Api.admin().contentType(ContentType.JSON).body(service).when().post("/api/v1/services").then()
                .log().ifValidationFails().statusCode(201);

        Map<String, Object> target = new YAMLMapper().convertValue(about.path("recoveryTarget"), Map.class);
        Api.admin().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(List.of(target))
                .when().put("/api/v1/services/" + slug + "/recovery-targets").then().log().ifValidationFails()
                .statusCode(200);
        Api.admin().contentType(ContentType.JSON)
                .body(Map.of("kind", "restore_test", "performedOn", LocalDate.now().toString(), "recoveryTime",
                        "30 min", "outcome", "success", "notes", "recorded as preflight-restore-drill.sh records it"))
                .when().post("/api/v1/services/" + slug + "/drills").then().log().ifValidationFails().statusCode(201);
        Api.admin().contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("content", Files.readString(Path.of("docs/operations/runbook.md")), "note",
                        "Preflight's own runbook"))
                .when().put("/api/v1/services/" + slug + "/runbook").then().log().ifValidationFails().statusCode(200);
        return slug;
    }

    /** Checks an answer's shape and its evidence, and says which kind it is. */
    private static String kindOf(String template, String key, JsonNode answer) {
        List<String> kinds = names(answer).stream().filter(ANSWERS::contains).toList();
        assertThat(kinds).as("%s %s: one of %s", template, key, ANSWERS).hasSize(1);
        String kind = kinds.get(0);
        assertThat(names(answer)).as("%s %s: fields", template, key)
                .isSubsetOf(kind.equals("done") || kind.equals("linked") ? Set.of(kind, "evidence") : Set.of(kind));
        if (kind.equals("done") || kind.equals("linked")) {
            assertThat(answer.path("evidence").size()).as("%s %s: evidence", template, key).isPositive();
            answer.path("evidence").forEach(path -> assertEvidenceExists(key, path.asText()));
        }
        if (kind.equals("waiver")) {
            JsonNode waiver = answer.path("waiver");
            for (String field : List.of("reason", "owner", "control", "expires")) {
                assertThat(waiver.path(field).asText()).as("%s %s: waiver %s", template, key, field).isNotBlank();
            }
            assertThat(LocalDate.parse(waiver.path("expires").asText()))
                    .as("%s %s: the waiver has expired; close the gap, or renew the waiver in a new review", template, key)
                    .isAfter(LocalDate.now());
        }
        return kind;
    }

    private static void assertEvidenceExists(String key, String evidence) {
        String[] parts = evidence.split("#", 2);
        Path file = Path.of(parts[0]);
        assertThat(file).as("evidence of %s", key).exists();
        if (parts.length == 2) {
            try {
                Set<String> headings = Files.readAllLines(file).stream().filter(line -> line.startsWith("#"))
                        .map(ReadinessReviewTest::anchor).collect(Collectors.toSet());
                assertThat(headings).as("headings of %s, named by the evidence of %s", file, key).contains(parts[1]);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The anchor a Markdown heading gets: lower case, punctuation dropped, spaces as hyphens. */
    private static String anchor(String heading) {
        return heading.replaceFirst("^#+\\s*", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 -]", "").trim()
                .replace(' ', '-');
    }

    private static void apply(long launch, String key, Map<String, Object> item, String kind, JsonNode answer,
            String links) {
        boolean approver = "approver".equals(item.get("role"));
        Map<String, Object> change = new HashMap<>();
        switch (kind) {
            case "done" -> {
                List<String> evidence = new ArrayList<>();
                answer.path("evidence").forEach(path -> evidence.add(path.asText()));
                change.put("status", "done");
                change.put("evidenceLink", links + evidence.get(0));
                change.put("evidenceNote", answer.path("done").asText() + "\nEvidence: " + String.join(", ", evidence));
                if (approver) {
                    change.put("signOff", true);
                }
            }
            case "linked" -> {
                assertThat(item.get("satisfiedBy")).as("%s follows Preflight's records", key)
                        .isEqualTo(answer.path("linked").asText());
                if (approver) {
                    change.put("signOff", true);
                }
            }
            case "na" -> {
                change.put("status", "not_applicable");
                change.put("reason", answer.path("na").asText());
            }
            case "waiver" -> {
                JsonNode waiver = answer.path("waiver");
                change.put("status", "waived");
                change.put("waiver", Map.of("reason", waiver.path("reason").asText(), "riskOwner",
                        waiver.path("owner").asText(), "compensatingControl", waiver.path("control").asText(),
                        "expiresOn", waiver.path("expires").asText()));
            }
            default -> {
                return;
            }
        }
        if (change.isEmpty()) {
            return;
        }
        Api.admin().contentType(ContentType.JSON).body(change)
                .when().patch("/api/v1/launches/" + launch + "/items/" + key).then().log().ifValidationFails()
                .statusCode(200).body("resolved", equalTo(true));
    }

    /** The template's items by key, as shipped. */
    private static Map<String, JsonNode> templateItems(String template) throws IOException {
        JsonNode document = new YAMLMapper().readTree(Path.of("src/main/resources/checklists", template + ".yaml").toFile());
        Map<String, JsonNode> items = new LinkedHashMap<>();
        document.path("sections").forEach(section -> section.path("items")
                .forEach(item -> items.put(item.path("key").asText(), item)));
        return items;
    }

    private static Map<String, Map<String, Object>> launchItems(long launch) {
        List<Map<String, Object>> items = Api.admin().when().get("/api/v1/launches/" + launch).then().statusCode(200)
                .extract().jsonPath().getList("items");
        Map<String, Map<String, Object>> byKey = new LinkedHashMap<>();
        items.forEach(item -> byKey.put(String.valueOf(item.get("key")), item));
        return byKey;
    }

    private static Set<String> names(JsonNode node) {
        Set<String> names = new LinkedHashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static void transition(long launch, String to) {
        Api.admin().contentType(ContentType.JSON).body(Map.of("to", to))
                .when().post("/api/v1/launches/" + launch + "/transitions").then().log().ifValidationFails()
                .statusCode(200);
    }

    private static ValidatableResponse gate(long launch) {
        return Api.admin().when().get("/api/v1/launches/" + launch + "/gate").then().log().ifValidationFails();
    }
}
