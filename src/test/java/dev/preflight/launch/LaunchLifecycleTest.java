package dev.preflight.launch;

import static dev.preflight.ProblemAssertions.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

import dev.preflight.Api;
import dev.preflight.Browser;
import dev.preflight.Fixtures;
import dev.preflight.Html;

/**
 * The launch lifecycle of the documents: only items before go-live count towards readiness and the
 * gate, go-live day's blockers hold back marking a launch launched, after-launch items fall due
 * from the moment the launch went live and close it when resolved, and items whose condition on the
 * service's traits does not hold are left out with the reason, and come back when the traits change.
 */
@QuarkusTest
class LaunchLifecycleTest {

    @ParameterizedTest
    @ValueSource(strings = { "launch-readiness", "release-it-production-readiness", "shipping-ai-assisted-code",
        "glasswork-production-readiness", "acton-service-production-checklist" })
    void a_built_in_template_goes_to_go_with_after_launch_items_open_and_closes_when_they_are_resolved(String template) {
        String service = service(1, "kubernetes");
        long launch = Fixtures.launch(service, template);
        JsonPath opened = get(launch);
        List<Map<String, Object>> items = opened.getList("items");
        List<String> later = keys(items, "after_launch");

        resolve(launch, items, "before_go_live");
        JsonPath ready = get(launch);
        assertThat(ready.getInt("readiness.percent")).isEqualTo(100);
        for (String key : later) {
            assertThat(ready.getString("items.find { it.key == '" + key + "' }.condition")).isEqualTo("open");
        }
        Api.admin().contentType(ContentType.JSON).body(Map.of("to", "in_review")).when()
                .post("/api/v1/launches/" + launch + "/transitions").then().statusCode(200);
        Api.admin().contentType(ContentType.JSON).body(Map.of("decision", "go", "rationale", "before go-live is done"))
                .when().post("/api/v1/launches/" + launch + "/decision").then().log().ifValidationFails()
                .statusCode(200).body("state", equalTo("go"));
        gate(launch).statusCode(200);

        if (!keys(items, "at_go_live").isEmpty()) {
            problem(move(launch, "launched"), 409, "not-ready").body("detail", containsString("go-live day"));
            resolve(launch, items, "at_go_live");
        }
        Instant before = Instant.now().minusSeconds(1);
        move(launch, "launched").statusCode(200).body("state", equalTo("launched"));
        JsonPath live = get(launch);
        Instant launchedAt = Instant.parse(live.getString("launchedAt"));
        assertThat(launchedAt).isAfter(before);
        for (Map<String, Object> item : items) {
            if ("after_launch".equals(item.get("phase"))) {
                Instant due = Instant.parse(live.getString("items.find { it.key == '" + item.get("key") + "' }.dueAt"));
                assertThat(due).isEqualTo(launchedAt.plus(Duration.parse((String) item.get("window"))));
            }
        }
        gate(launch).statusCode(200);
        if (later.isEmpty()) {
            assertThat(live.getString("state")).isEqualTo("launched");
            return;
        }
        resolve(launch, items, "after_launch");
        JsonPath closed = get(launch);
        assertThat(closed.getString("state")).isEqualTo("closed");
        assertThat(closed.getString("closedAt")).isNotNull();
        gate(launch).statusCode(200).body("state", equalTo("closed"));
        Api.admin().when().get("/api/v1/launches/" + launch + "/history").then()
                .body("find { it.to == 'closed' }.comment", equalTo("Every after-launch item is resolved."));
    }

    @Test
    void after_launch_items_wait_for_go_live_and_items_before_it_stop_changing_after() {
        String service = service(2, null);
        long launch = Fixtures.launch(service, "launch-readiness");
        problem(patch(launch, "first-24-hours.watch-error-rates", Map.of("status", "done", "evidenceNote", "calm")),
                409, "conflict").body("detail", containsString("once the launch has gone live"));
        patch(launch, "first-24-hours.watch-error-rates", Map.of("assignee", "admin", "comment", "mine on the day"))
                .statusCode(200);
        JsonPath opened = get(launch);
        assertThat(opened.getInt("readiness.phases.find { it.phase == 'after_launch' }.items")).isEqualTo(8);
        List<Map<String, Object>> items = opened.getList("items");
        assertThat(opened.getInt("readiness.required")).isEqualTo((int) items.stream()
                .filter(i -> i.get("phase") == null && !"minor".equals(i.get("severity"))).count());
        for (Map<String, Object> item : items) {
            if (item.get("phase") != null) {
                assertThat(item.get("phase")).isIn("at_go_live", "after_launch", "ongoing");
            }
        }
        resolve(launch, items, "before_go_live");
        resolve(launch, items, "at_go_live");
        Api.admin().contentType(ContentType.JSON).body(Map.of("to", "in_review")).when()
                .post("/api/v1/launches/" + launch + "/transitions").then().statusCode(200);
        Api.admin().contentType(ContentType.JSON).body(Map.of("decision", "go", "rationale", "ready")).when()
                .post("/api/v1/launches/" + launch + "/decision").then().statusCode(200);
        move(launch, "launched").statusCode(200);

        assertThat(boardIds(teamOf(service), "launched")).contains(launch);
        problem(patch(launch, "security.https-redirect", Map.of("status", "open")), 409, "conflict")
                .body("detail", containsString("no longer change"));
        patch(launch, "first-24-hours.watch-error-rates", Map.of("status", "done", "evidenceNote", "calm"))
                .statusCode(200).body("condition", equalTo("done"));
        problem(move(launch, "closed"), 400, "invalid-input").body("errors[0].field", equalTo("comment"));
        Fixtures.TestUser engineer = Fixtures.user("engineer", teamOf(service));
        problem(Api.as(engineer.writeToken()).contentType(ContentType.JSON)
                .body(Map.of("to", "closed", "comment", "enough")).when()
                .post("/api/v1/launches/" + launch + "/transitions").then(), 403, "forbidden");
        Api.admin().contentType(ContentType.JSON).body(Map.of("to", "closed", "comment", "the rest moved to the backlog"))
                .when().post("/api/v1/launches/" + launch + "/transitions").then().statusCode(200)
                .body("state", equalTo("closed"));
        assertThat(boardIds(teamOf(service), "closed")).contains(launch);
        assertThat(boardIds(teamOf(service), "launched")).doesNotContain(launch);
        problem(patch(launch, "first-week.review-errors", Map.of("status", "done", "evidenceNote", "late")), 409,
                "conflict");
        String team = teamOf(service);
        Api.admin().queryParam("team", team).when().get("/api/v1/board").then().statusCode(200)
                .body("posture.dutiesDue", equalTo(1));
        Document page = Browser.admin().get("/services/" + service, 200);
        assertThat(Html.text(page, "section[aria-labelledby=duties]")).contains("Error trends reviewed every week",
                "every 7 days");
        for (String duty : List.of("ongoing.error-trends", "ongoing.secret-rotation", "ongoing.security-audit")) {
            patch(launch, duty, Map.of("status", "done", "evidenceNote", "done after launch",
                    "evidenceLink", "https://evidence.example/" + duty)).statusCode(200).body("condition",
                            org.hamcrest.Matchers.oneOf("done", "awaiting_sign_off"));
        }
        patch(launch, "ongoing.backup-restore-test", Map.of("status", "not_applicable", "reason", "no database"))
                .statusCode(200);
        Api.admin().queryParam("team", team).when().get("/api/v1/board").then().statusCode(200)
                .body("posture.dutiesDue", equalTo(0));
    }

    @Test
    void items_of_a_serverless_service_for_containers_and_kubernetes_are_left_out_with_the_reason() {
        String service = service(1, "serverless");
        for (String template : List.of("glasswork-production-readiness", "acton-service-production-checklist")) {
            long launch = Fixtures.launch(service, template);
            JsonPath opened = get(launch);
            String probe = template.startsWith("glasswork") ? "health-readiness.health-endpoint"
                    : "kubernetes-probes.health-endpoint";
            assertThat(opened.getString("items.find { it.key == '" + probe + "' }.status")).isEqualTo("not_applicable");
            assertThat(opened.getBoolean("items.find { it.key == '" + probe + "' }.leftOut")).isTrue();
            assertThat(opened.getString("items.find { it.key == '" + probe + "' }.reason"))
                    .startsWith("Left out by its condition: the service runs as serverless functions");
            assertThat(opened.getList("readiness.openBlockers.key")).doesNotContain(probe);
        }
        long launch = Fixtures.launch(service, "acton-service-production-checklist");
        Map<String, Object> body = new LinkedHashMap<>(serviceBody(service));
        body.put("runsOn", "kubernetes");
        Api.admin().contentType(ContentType.JSON).body(body).when().put("/api/v1/services/" + service).then()
                .statusCode(200);
        JsonPath back = get(launch);
        assertThat(back.getString("items.find { it.key == 'kubernetes-probes.health-endpoint' }.status")).isEqualTo("open");
        assertThat(back.getList("readiness.openBlockers.key")).contains("kubernetes-probes.health-endpoint");
        Api.admin().when().get("/api/v1/launches/" + launch + "/items/kubernetes-probes.health-endpoint/history").then()
                .body("action", org.hamcrest.Matchers.hasItem("reopened"));
    }

    @Test
    void an_upgrade_preview_says_which_items_change_phase_or_condition() {
        String template = Fixtures.unique("phased");
        String v1 = """
                format: preflight-template/1
                slug: %s
                name: Phased
                sections:
                  - key: basics
                    title: Basics
                    items:
                      - key: basics.watch
                        title: Error rates watched
                      - key: basics.probes
                        title: Probes configured
                """.formatted(template);
        Api.admin().contentType("application/yaml").body(v1).queryParam("publish", true).when()
                .post("/api/v1/templates/import").then().statusCode(201);
        long launch = Fixtures.launch(service(2, "serverless"), template);
        String v2 = v1.replace("""
                        title: Error rates watched
                """, """
                        title: Error rates watched
                        phase: after_launch
                        window: PT24H
                """).replace("""
                        title: Probes configured
                """, """
                        title: Probes configured
                        appliesWhen: {runsOn: [kubernetes]}
                """);
        Api.admin().contentType("application/yaml").body(v2).queryParam("publish", true).when()
                .post("/api/v1/templates/import").then().statusCode(201);
        Api.admin().when().get("/api/v1/launches/" + launch + "/upgrade").then().statusCode(200)
                .body("changed.find { it.key == 'basics.watch' }.when", equalTo("now after launch, within 24 hours"))
                .body("changed.find { it.key == 'basics.probes' }.when",
                        equalTo("now only when the service runs on Kubernetes"));
        Api.admin().when().post("/api/v1/launches/" + launch + "/upgrade").then().statusCode(200);
        JsonPath upgraded = get(launch);
        assertThat(upgraded.getString("items.find { it.key == 'basics.probes' }.status")).isEqualTo("not_applicable");
        assertThat(upgraded.getString("items.find { it.key == 'basics.watch' }.phase")).isEqualTo("after_launch");
    }

    private static String service(int tier, String runsOn) {
        String service = Fixtures.service(Fixtures.team(), tier);
        if (runsOn != null) {
            Map<String, Object> body = new LinkedHashMap<>(serviceBody(service));
            body.put("runsOn", runsOn);
            Api.admin().contentType(ContentType.JSON).body(body).when().put("/api/v1/services/" + service).then()
                    .statusCode(200).body("runsOn", equalTo(runsOn));
        }
        return service;
    }

    private static Map<String, Object> serviceBody(String service) {
        Map<String, Object> current = Api.admin().when().get("/api/v1/services/" + service).then().statusCode(200)
                .extract().as(Map.class);
        return Map.of("name", current.get("name"), "team", current.get("team"), "tier", current.get("tier"));
    }

    /** The launches the board shows for the team in the state. */
    private static List<Long> boardIds(String team, String state) {
        return Api.admin().queryParam("team", team).queryParam("state", state).when().get("/api/v1/board").then()
                .statusCode(200).extract().jsonPath().getList("launches.id", Long.class);
    }

    private static String teamOf(String service) {
        return Api.admin().when().get("/api/v1/services/" + service).then().extract().path("team");
    }

    private static List<String> keys(List<Map<String, Object>> items, String phase) {
        return items.stream().filter(i -> phase.equals(i.getOrDefault("phase", "before_go_live")))
                .map(i -> (String) i.get("key")).toList();
    }

    /** Resolves every item of the phase as the admin: followed items and left-out ones not applicable, the rest done and signed. */
    private static void resolve(long launch, List<Map<String, Object>> items, String phase) {
        Map<String, Object> changes = new LinkedHashMap<>();
        for (Map<String, Object> item : items) {
            if (!phase.equals(item.getOrDefault("phase", "before_go_live")) || Boolean.TRUE.equals(item.get("leftOut"))) {
                continue;
            }
            Map<String, Object> change = new LinkedHashMap<>();
            if (item.get("satisfiedBy") != null) {
                change.put("status", "not_applicable");
                change.put("reason", "recovery data is kept elsewhere");
            } else {
                change.put("status", "done");
                change.put("evidenceLink", "https://evidence.example/" + item.get("key"));
                change.put("evidenceNote", "checked");
                if ("approver".equals(item.get("role"))) {
                    change.put("signOff", true);
                }
            }
            changes.put((String) item.get("key"), change);
        }
        Api.admin().contentType(ContentType.JSON).body(Map.of("items", changes)).when()
                .patch("/api/v1/launches/" + launch + "/items").then().log().ifValidationFails().statusCode(200);
    }

    private static JsonPath get(long launch) {
        return Api.admin().when().get("/api/v1/launches/" + launch).then().statusCode(200).extract().jsonPath();
    }

    private static ValidatableResponse gate(long launch) {
        return Api.admin().when().get("/api/v1/launches/" + launch + "/gate").then();
    }

    private static ValidatableResponse move(long launch, String to) {
        return Api.admin().contentType(ContentType.JSON).body(Map.of("to", to)).when()
                .post("/api/v1/launches/" + launch + "/transitions").then().log().ifValidationFails();
    }

    private static ValidatableResponse patch(long launch, String key, Map<String, Object> change) {
        return Api.admin().contentType(ContentType.JSON).body(change).when()
                .patch("/api/v1/launches/" + launch + "/items/" + key).then().log().ifValidationFails();
    }
}
