package dev.preflight.recovery;

import static dev.preflight.ProblemAssertions.problem;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import dev.preflight.Api;
import dev.preflight.Fixtures;

/** Recovery targets (validation, consistency, versions) and drills (judgment, overdue restore tests). */
@QuarkusTest
class RecoveryApiTest {

    private String service;
    private Fixtures.TestUser engineer;

    @BeforeEach
    void service() {
        String team = Fixtures.team();
        service = Fixtures.service(team, 2);
        engineer = Fixtures.user("engineer", team);
    }

    @Test
    void a_service_without_targets_shows_its_tiers_defaults_and_an_overdue_restore_test() {
        get().header("ETag", "\"0\"")
                .body("targets", empty())
                .body("defaults.tier", equalTo(2))
                .body("defaults.rto", equalTo("4 h"))
                .body("defaults.rpo", equalTo("1 h"))
                .body("defaults.restoreTestEveryDays", equalTo(30))
                .body("lastRestoreTest", nullValue())
                .body("restoreTestOverdue", equalTo(true));
    }

    @Test
    void targets_are_saved_in_human_form_and_guarded_by_their_version() {
        put("\"0\"", List.of(target("", "4 h", "1 h", "15 min", 30, false, true),
                target("orders DB", "1 h 30 min", "5 min", "24 h", 35, true, true)))
                .statusCode(200).header("ETag", "\"1\"")
                .body("targets.dataStore", contains("", "orders DB"))
                .body("targets[0].rtoMinutes", equalTo(240))
                .body("targets[1].rto", equalTo("1 h 30 min"))
                .body("targets[1].rpo", equalTo("5 min"))
                .body("consistent", equalTo(true))
                .body("updatedBy", equalTo(engineer.username()));
        problem(put("\"0\"", List.of(target("", "8 h", "1 h", "15 min", 30, false, true))), 412, "stale-version");
        put("\"1\"", List.of(target("", "8 h", "1 h", "15 min", 30, false, true))).statusCode(200)
                .header("ETag", "\"2\"").body("targets", hasSize(1));
        get().body("targets[0].rto", equalTo("8 h"));
    }

    @Test
    void invalid_targets_name_each_field_and_save_nothing() {
        Map<String, Object> missing = new HashMap<>();
        missing.put("dataStore", "Cache");
        missing.put("rpo", "1 h");
        problem(put(null, List.of(target("", "soon", "1 h", null, 30, true, true),
                target("", "0 min", "400 d", "15 min", 0, false, true),
                target("Orders", "1 h", "-1 h", "every day", 30, false, true), missing)), 400, "invalid-input")
                .body("errors.field", contains("targets[0].rto", "targets[1].dataStore", "targets[1].retentionDays",
                        "targets[1].rpo", "targets[1].rto", "targets[2].backupEvery", "targets[2].rpo",
                        "targets[3].rto"));
        get().header("ETag", "\"0\"").body("targets", empty());
    }

    @Test
    void every_consistency_rule_is_reported_with_its_reason() {
        put(null, List.of(
                target("no backups", "4 h", "1 h", null, null, false, false),
                target("daily", "4 h", "1 h", "24 h", 30, false, true),
                target("same place", "4 h", "1 d", "24 h", 30, false, false),
                target("no retention", "4 h", "1 h", null, null, true, true),
                target("short retention", "4 h", "1 h", "1 h", 7, false, true),
                target("slow restore", "1 h", "1 h", "1 h", 30, false, true),
                target("fine", "4 h", "1 h", "1 h", 30, false, true))).statusCode(200);
        record(Map.of("kind", "restore_test", "dataStore", "slow restore", "performedOn", LocalDate.now().toString(),
                "recoveryTime", "3 h", "outcome", "success")).statusCode(201);

        get().body("consistent", equalTo(false))
                .body("targets[0].findings.rule", contains("no-backups"))
                .body("targets[0].findings[0].message", containsString("RPO 1 h but no backups are taken"))
                .body("targets[1].findings.rule", contains("rpo-below-backup-interval"))
                .body("targets[1].findings[0].message",
                        equalTo("RPO 1 h but backups are taken every 1 d without point-in-time recovery: "
                                + "up to 1 d of data could be lost"))
                .body("targets[2].findings.rule", contains("same-location"))
                .body("targets[3].findings.rule", contains("no-base-backups", "no-retention"))
                .body("targets[4].findings.rule", contains("short-retention"))
                .body("targets[4].findings[0].message", containsString("kept 7 days, less than the 30 days"))
                .body("targets[5].findings.rule", contains("restore-slower-than-rto"))
                .body("targets[5].findings[0].message", containsString("RTO 1 h but the last restore"))
                .body("targets[5].findings[0].message", containsString("took 3 h"))
                .body("targets[6].findings", empty());
    }

    @Test
    void drills_are_judged_against_the_targets_in_force_and_keep_the_restore_test_current() {
        put(null, List.of(target("", "4 h", "1 h", "1 h", 30, false, true),
                target("uploads", "30 min", "5 min", "5 min", 30, false, true))).statusCode(200);
        record(Map.of("kind", "restore_test", "performedOn", LocalDate.now().minusDays(40).toString(),
                "recoveryTime", "2 h", "dataLoss", "10 min", "outcome", "success")).statusCode(201)
                .body("passed", equalTo(true)).body("rtoMet", equalTo(true)).body("targetRto", equalTo("4 h"));
        get().body("lastRestoreTest", equalTo(LocalDate.now().minusDays(40).toString()))
                .body("restoreTestOverdue", equalTo(true));

        record(Map.of("kind", "restore_test", "dataStore", "uploads", "performedOn", LocalDate.now().toString(),
                "recoveryTime", "45 min", "dataLoss", "2 min", "outcome", "success")).statusCode(201)
                .body("rtoMet", equalTo(false)).body("rpoMet", equalTo(true)).body("passed", equalTo(false))
                .body("targetRto", equalTo("30 min"));
        record(Map.of("kind", "failover", "dataStore", "search index", "performedOn", LocalDate.now().toString(),
                "recoveryTime", "1 h", "outcome", "failed", "evidenceLink", "https://wiki.example.com/gameday"))
                .statusCode(201).body("rtoMet", equalTo(true)).body("passed", equalTo(false))
                .body("targetRto", equalTo("4 h"));
        get().body("restoreTestOverdue", equalTo(true));

        record(Map.of("kind", "restore_test", "performedOn", LocalDate.now().toString(), "recoveryTime", "50 min",
                "dataLoss", "0 min", "outcome", "success")).statusCode(201).body("passed", equalTo(true));
        get().body("lastRestoreTest", equalTo(LocalDate.now().toString())).body("restoreTestOverdue", equalTo(false));
        Api.as(engineer.readToken()).when().get("/api/v1/services/" + service + "/drills").then().statusCode(200)
                .body("kind", contains("restore_test", "failover", "restore_test", "restore_test"))
                .body("[0].recordedBy", equalTo(engineer.username()));
    }

    @Test
    void drills_with_bad_values_are_refused_and_only_the_team_records_them() {
        problem(record(Map.of("kind", "restore_test", "performedOn", LocalDate.now().plusDays(1).toString(),
                "recoveryTime", "a while", "outcome", "success", "evidenceLink", "javascript:alert(1)")), 400,
                "invalid-input").body("errors.field", contains("evidenceLink", "performedOn", "recoveryTime"));
        problem(record(Map.of("kind", "backup", "performedOn", LocalDate.now().toString(), "outcome", "success")),
                400, "malformed-request");
        problem(record(Map.of("kind", "restore_test", "performedOn", LocalDate.now().toString(), "outcome", "success")),
                400, "invalid-input").body("errors.field", contains("recoveryTime"));
        Fixtures.TestUser outsider = Fixtures.user("engineer", Fixtures.team());
        problem(Api.as(outsider.writeToken()).contentType(ContentType.JSON)
                .body(Map.of("kind", "restore_test", "performedOn", LocalDate.now().toString(), "outcome", "success"))
                .when().post("/api/v1/services/" + service + "/drills").then(), 403, "forbidden");
        problem(Api.as(outsider.writeToken()).contentType(ContentType.JSON).body(List.of())
                .when().put("/api/v1/services/" + service + "/recovery-targets").then(), 403, "forbidden");
        problem(Api.admin().when().get("/api/v1/services/no-such-service/recovery-targets").then(), 404, "not-found");
    }

    private static Map<String, Object> target(String store, String rto, String rpo, String every, Integer retention,
            boolean pointInTime, boolean separate) {
        Map<String, Object> target = new HashMap<>();
        target.put("dataStore", store);
        target.put("rto", rto);
        target.put("rpo", rpo);
        target.put("backupEvery", every);
        target.put("retentionDays", retention);
        target.put("pointInTime", pointInTime);
        target.put("separateLocation", separate);
        return target;
    }

    private ValidatableResponse get() {
        return Api.as(engineer.readToken()).when().get("/api/v1/services/" + service + "/recovery-targets").then()
                .log().ifValidationFails().statusCode(200);
    }

    private ValidatableResponse put(String ifMatch, List<Map<String, Object>> targets) {
        var request = Api.as(engineer.writeToken()).contentType(ContentType.JSON).body(targets);
        if (ifMatch != null) {
            request = request.header("If-Match", ifMatch);
        }
        return request.when().put("/api/v1/services/" + service + "/recovery-targets").then().log().ifValidationFails();
    }

    private ValidatableResponse record(Map<String, Object> drill) {
        return Api.as(engineer.writeToken()).contentType(ContentType.JSON).body(drill)
                .when().post("/api/v1/services/" + service + "/drills").then().log().ifValidationFails();
    }
}
