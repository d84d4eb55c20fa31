package dev.preflight.identity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import dev.preflight.Api;
import dev.preflight.Browser;
import dev.preflight.Fixtures;
import dev.preflight.TestApplication;

/**
 * Every operation of the API description, called by every kind of principal, answers with the status
 * the access policy says. The operations come from {@code /q/openapi}: a new endpoint without a row
 * here fails this test.
 */
@QuarkusTest
class AuthorizationMatrixTest {

    enum Principal {
        ANONYMOUS, VIEWER, OWN_ENGINEER, OTHER_ENGINEER, APPROVER, ADMIN, READ_TOKEN, WRITE_TOKEN, REVOKED_TOKEN,
        EXPIRED_TOKEN
    }

    /** A concrete request for one cell: its path and, for writes, its body (JSON unless a type is given). */
    record Call(String path, Object body, String contentType) {

        Call(String path, Object body) {
            this(path, body, null);
        }
    }

    /** How to build a call for a principal, and what each principal must get. */
    record Rule(Function<Principal, Call> call, Map<Principal, Integer> expected) {
    }

    @Inject
    AgroalDataSource dataSource;

    private final Map<Principal, String> tokens = new EnumMap<>(Principal.class);
    private String teamA;
    private String teamB;
    private Fixtures.TestUser engineerA;
    private Fixtures.TestUser engineerB;
    private String template;

    @BeforeEach
    void principals() throws SQLException {
        teamA = Fixtures.team();
        teamB = Fixtures.team();
        template = Fixtures.template(true);
        Fixtures.TestUser viewer = Fixtures.user("viewer");
        engineerA = Fixtures.user("engineer", teamA);
        engineerB = Fixtures.user("engineer", teamB);
        Fixtures.TestUser approver = Fixtures.user("approver");
        Browser owner = engineerA.browser();
        String revoked = Fixtures.token(owner, List.of("read", "write"));
        Api.as(revoked).when().delete("/api/v1/tokens/" + tokenId(engineerA.writeToken(), revoked)).then()
                .statusCode(200);
        String expired = Fixtures.token(owner, List.of("read", "write"));
        expire(expired);

        tokens.put(Principal.VIEWER, viewer.writeToken());
        tokens.put(Principal.OWN_ENGINEER, engineerA.writeToken());
        tokens.put(Principal.OTHER_ENGINEER, engineerB.writeToken());
        tokens.put(Principal.APPROVER, approver.writeToken());
        tokens.put(Principal.ADMIN, TestApplication.ADMIN_TOKEN);
        tokens.put(Principal.READ_TOKEN, engineerA.readToken());
        tokens.put(Principal.WRITE_TOKEN, Fixtures.token(owner, List.of("read", "write")));
        tokens.put(Principal.REVOKED_TOKEN, revoked);
        tokens.put(Principal.EXPIRED_TOKEN, expired);
    }

    @Test
    void every_operation_answers_every_principal_as_the_policy_says() {
        Map<String, Rule> rules = rules();
        List<String> operations = operations();
        assertThat(new TreeSet<>(operations)).as("operations of the API without a row in this matrix")
                .isSubsetOf(rules.keySet());

        List<String> wrong = new ArrayList<>();
        int cells = 0;
        for (String operation : operations) {
            Rule rule = rules.get(operation);
            String method = operation.substring(0, operation.indexOf(' '));
            for (Principal principal : Principal.values()) {
                Call call = rule.call().apply(principal);
                int status = send(principal, method, call).statusCode();
                cells++;
                int expected = rule.expected().get(principal);
                if (status != expected) {
                    wrong.add(operation + " as " + principal + ": " + status + ", expected " + expected);
                }
            }
        }
        System.out.printf("Authorization matrix: %d operations x %d principals = %d cells checked%n",
                operations.size(), Principal.values().length, cells);
        assertThat(wrong).as("cells that differ from the policy").isEmpty();
    }

    @Test
    void live_work_webhook_and_import_pages_need_a_sign_in_and_the_right_role() {
        String launch = launch().replace("/api/v1", "");
        String hook = webhook().replace("/api/v1", "/settings");
        for (String page : List.of("/work", "/checks", "/settings/webhooks", hook, "/catalog/import",
                launch + "/progress", launch + "/items/basics.backups/row")) {
            Api.anonymous().redirects().follow(false).accept("text/html").when().get(page).then().statusCode(303);
        }
        for (String stream : List.of(launch + "/events", "/board/events")) {
            Api.anonymous().redirects().follow(false).accept("text/event-stream").when().get(stream).then()
                    .statusCode(401);
        }
        Browser viewer = Fixtures.user("viewer").browser();
        viewer.get("/work", 200);
        viewer.get("/checks", 200);
        viewer.post(launch + "/items/basics.backups/check", Map.of()).then().statusCode(403);
        viewer.get("/settings/webhooks", 200);
        viewer.get(hook, 404);
        viewer.get("/catalog/import", 403);
        viewer.post("/settings/webhooks", webhookBody()).then().statusCode(403);
        viewer.post(hook + "/delete", Map.of()).then().statusCode(403);
        viewer.get(hook + "/delete", 403);
        engineerB.browser().post(hook + "/delete", Map.of()).then().statusCode(404);
        engineerB.browser().get(hook + "/delete", 404);
        engineerA.browser().get(hook, 200);
        Api.admin().when().get(hook.replace("/settings", "/api/v1")).then().statusCode(200);
    }

    /**
     * Catalog, launches and the board are open to every signed-in reader by design; the lists that
     * belong to someone (tokens, webhooks, a person's own work) must hold nothing of anybody else's.
     */
    @Test
    void lists_that_belong_to_the_caller_hold_nothing_of_another_user_or_team() {
        String hook = webhook();
        long hookId = Long.parseLong(hook.substring(hook.lastIndexOf('/') + 1));
        long dueSoon = Api.as(engineerA.writeToken()).contentType(ContentType.JSON).body(Map.of("service",
                Fixtures.service(teamA, 2), "template", template, "name", "Soon", "environment", "production",
                "targetDate", LocalDate.now().plusDays(5).toString())).when().post("/api/v1/launches").then()
                .statusCode(201).extract().jsonPath().getLong("id");
        Set<Principal> teamA = EnumSet.of(Principal.OWN_ENGINEER, Principal.READ_TOKEN, Principal.WRITE_TOKEN);
        int lists = 0;
        for (Map.Entry<Principal, String> principal : tokens.entrySet()) {
            if (principal.getKey() == Principal.REVOKED_TOKEN || principal.getKey() == Principal.EXPIRED_TOKEN) {
                continue;
            }
            String token = principal.getValue();
            List<String> ownTokens = tokens.entrySet().stream().filter(t -> sameUser(principal.getKey(), t.getKey()))
                    .map(t -> t.getValue().substring(0, 10)).toList();
            List<String> othersTokens = tokens.values().stream().map(t -> t.substring(0, 10))
                    .filter(prefix -> !ownTokens.contains(prefix)).toList();
            assertThat(Api.as(token).when().get("/api/v1/tokens").then().statusCode(200).extract().jsonPath()
                    .<String>getList("prefix")).as("tokens listed for " + principal.getKey())
                    .doesNotContainAnyElementsOf(othersTokens);

            List<Long> hooks = Api.as(token).when().get("/api/v1/webhooks").then().statusCode(200).extract()
                    .jsonPath().getList("id", Long.class);
            boolean mayKnow = teamA.contains(principal.getKey()) || principal.getKey() == Principal.ADMIN;
            assertThat(hooks.contains(hookId)).as("team A's webhook listed for " + principal.getKey())
                    .isEqualTo(mayKnow);

            List<Long> due = Api.as(token).when().get("/api/v1/me/work").then().statusCode(200).extract()
                    .jsonPath().getList("dueSoon.id", Long.class);
            assertThat(due.contains(dueSoon)).as("team A's launch due soon in the work of " + principal.getKey())
                    .isEqualTo(teamA.contains(principal.getKey()));
            lists += 3;
        }
        System.out.printf("Caller-owned lists: %d lists checked for other users' and teams' records%n", lists);
    }

    /** Whether two principals are the same person (engineer A holds the read and write tokens too). */
    private static boolean sameUser(Principal a, Principal b) {
        Set<Principal> engineerA = EnumSet.of(Principal.OWN_ENGINEER, Principal.READ_TOKEN, Principal.WRITE_TOKEN,
                Principal.REVOKED_TOKEN, Principal.EXPIRED_TOKEN);
        return a == b || engineerA.contains(a) && engineerA.contains(b);
    }

    @Test
    void a_role_or_owner_the_caller_may_not_set_is_refused() {
        String service = Fixtures.service(teamA, 2);
        Api.as(engineerA.writeToken()).contentType(ContentType.JSON)
                .body(Map.of("name", "Moved", "team", teamB, "tier", 2))
                .when().put("/api/v1/services/" + service).then().statusCode(403);
        Api.as(engineerA.writeToken()).contentType(ContentType.JSON)
                .body(Map.of("name", "Elsewhere", "team", teamB, "tier", 2))
                .when().post("/api/v1/services").then().statusCode(403);
        Api.as(engineerA.writeToken()).contentType(ContentType.JSON)
                .body(Map.of("displayName", "Me", "role", "admin"))
                .when().put("/api/v1/users/" + engineerA.username()).then().statusCode(403);
        Api.admin().when().get("/api/v1/services/" + service).then().statusCode(200).body("team", equalTo(teamA));
    }

    private Map<String, Rule> rules() {
        Map<String, Rule> rules = new LinkedHashMap<>();
        Map<Principal, Integer> read = expect(200, 200, 200, 200, 200, 200, 200);
        Map<Principal, Integer> adminRead = expect(403, 403, 403, 403, 200, 403, 403);

        rules.put("GET /api/v1/services", new Rule(p -> new Call("/api/v1/services", null), read));
        rules.put("GET /api/v1/services/{slug}", new Rule(p -> new Call("/api/v1/services/" + Fixtures.service(teamA, 2),
                null), read));
        rules.put("POST /api/v1/services", new Rule(p -> new Call("/api/v1/services", serviceBody(teamA)),
                expect(403, 201, 403, 403, 201, 403, 201)));
        rules.put("PUT /api/v1/services/{slug}", new Rule(p -> new Call("/api/v1/services/" + Fixtures.service(teamA, 2),
                Map.of("name", "Changed", "team", teamA, "tier", 1)), expect(403, 200, 403, 403, 200, 403, 200)));
        rules.put("DELETE /api/v1/services/{slug}", new Rule(p -> new Call("/api/v1/services/"
                + Fixtures.service(teamA, 2), null), expect(403, 204, 403, 403, 204, 403, 204)));

        rules.put("GET /api/v1/teams", new Rule(p -> new Call("/api/v1/teams", null), read));
        rules.put("GET /api/v1/teams/{slug}", new Rule(p -> new Call("/api/v1/teams/" + teamA, null), read));
        Map<Principal, Integer> adminWrite201 = expect(403, 403, 403, 403, 201, 403, 403);
        Map<Principal, Integer> adminWrite200 = expect(403, 403, 403, 403, 200, 403, 403);
        Map<Principal, Integer> adminWrite204 = expect(403, 403, 403, 403, 204, 403, 403);
        rules.put("POST /api/v1/teams", new Rule(p -> new Call("/api/v1/teams",
                Map.of("name", "Team " + Fixtures.unique("m"))), adminWrite201));
        rules.put("PUT /api/v1/teams/{slug}", new Rule(p -> new Call("/api/v1/teams/" + Fixtures.team(),
                Map.of("name", "Renamed")), adminWrite200));
        rules.put("DELETE /api/v1/teams/{slug}", new Rule(p -> new Call("/api/v1/teams/" + Fixtures.team(), null),
                adminWrite204));
        rules.put("GET /api/v1/teams/{slug}/members", new Rule(p -> new Call("/api/v1/teams/" + teamA + "/members",
                null), read));
        rules.put("PUT /api/v1/teams/{slug}/members/{username}", new Rule(p -> new Call("/api/v1/teams/" + teamB
                + "/members/" + engineerA.username(), null), adminWrite200));
        rules.put("DELETE /api/v1/teams/{slug}/members/{username}", new Rule(p -> new Call("/api/v1/teams/" + teamB
                + "/members/" + engineerB.username(), null), adminWrite200));
        rules.put("GET /api/v1/sign-off-groups", new Rule(p -> new Call("/api/v1/sign-off-groups", null), read));
        rules.put("GET /api/v1/sign-off-groups/{key}", new Rule(p -> new Call("/api/v1/sign-off-groups/"
                + signOffGroup(), null), read));
        rules.put("PUT /api/v1/sign-off-groups/{key}", new Rule(p -> new Call("/api/v1/sign-off-groups/"
                + Fixtures.unique("group"), Map.of("name", "Security", "members", List.of())), adminWrite200));
        rules.put("DELETE /api/v1/sign-off-groups/{key}", new Rule(p -> new Call("/api/v1/sign-off-groups/"
                + signOffGroup(), null), adminWrite204));
        rules.put("GET /api/v1/launch-policies", new Rule(p -> new Call("/api/v1/launch-policies", null), read));
        rules.put("PUT /api/v1/launch-policies/{tier}", new Rule(p -> new Call("/api/v1/launch-policies/3",
                Map.of("goDeciders", 1, "fourEyes", false)), adminWrite200));

        rules.put("GET /api/v1/me", new Rule(p -> new Call("/api/v1/me", null), read));
        rules.put("GET /api/v1/tokens", new Rule(p -> new Call("/api/v1/tokens", null), read));
        rules.put("POST /api/v1/tokens", new Rule(p -> new Call("/api/v1/tokens",
                Map.of("name", Fixtures.unique("t"))), expect(201, 201, 201, 201, 201, 403, 201)));
        rules.put("DELETE /api/v1/tokens/{id}", new Rule(p -> new Call("/api/v1/tokens/"
                + tokenId(engineerA.writeToken(), Fixtures.token(engineerA.browser(), List.of("read"))), null),
                expect(404, 200, 404, 404, 404, 403, 200)));

        rules.put("GET /api/v1/users", new Rule(p -> new Call("/api/v1/users", null), adminRead));
        rules.put("GET /api/v1/users/{username}", new Rule(p -> new Call("/api/v1/users/" + engineerB.username(), null),
                adminRead));
        rules.put("POST /api/v1/users", new Rule(p -> new Call("/api/v1/users", Map.of("username",
                Fixtures.unique("u"), "displayName", "New", "role", "viewer")), adminWrite201));
        rules.put("PUT /api/v1/users/{username}", new Rule(p -> new Call("/api/v1/users/" + engineerB.username(),
                Map.of("displayName", "Renamed", "role", "engineer", "teams", List.of(teamB))), adminWrite200));
        rules.put("POST /api/v1/users/{username}/password", new Rule(p -> new Call("/api/v1/users/"
                + Fixtures.plainUser("viewer") + "/password", Map.of()), adminWrite200));
        rules.put("GET /api/v1/users/{username}/tokens", new Rule(p -> new Call("/api/v1/users/"
                + engineerA.username() + "/tokens", null), adminRead));
        rules.put("DELETE /api/v1/users/{username}/tokens/{id}", new Rule(p -> new Call("/api/v1/users/"
                + engineerA.username() + "/tokens/" + tokenId(engineerA.writeToken(),
                        Fixtures.token(engineerA.browser(), List.of("read"))), null), adminWrite200));
        rules.put("GET /api/v1/templates", new Rule(p -> new Call("/api/v1/templates", null), read));
        rules.put("GET /api/v1/templates/{slug}", new Rule(p -> new Call("/api/v1/templates/launch-readiness", null),
                read));
        rules.put("GET /api/v1/templates/{slug}/versions/{number}", new Rule(p -> new Call(
                "/api/v1/templates/launch-readiness/versions/1", null), read));
        rules.put("GET /api/v1/templates/{slug}/versions/{number}/lint", new Rule(p -> new Call(
                "/api/v1/templates/launch-readiness/versions/1/lint", null), read));
        rules.put("GET /api/v1/templates/{slug}/versions/{number}/export", new Rule(p -> new Call(
                "/api/v1/templates/launch-readiness/versions/1/export", null), read));
        rules.put("GET /api/v1/templates/{slug}/diff", new Rule(p -> new Call(
                "/api/v1/templates/launch-readiness/diff?from=1&to=1", null), read));
        rules.put("GET /api/v1/templates/{slug}/draft", new Rule(p -> new Call("/api/v1/templates/"
                + Fixtures.template(false) + "/draft", null), read));
        rules.put("POST /api/v1/templates/import", new Rule(p -> new Call("/api/v1/templates/import",
                Fixtures.templateYaml(Fixtures.unique("m")), "application/yaml"), adminWrite201));
        rules.put("PUT /api/v1/templates/{slug}/draft", new Rule(p -> new Call("/api/v1/templates/"
                + Fixtures.template(true) + "/draft", Map.of("sections", List.of(Map.of("key", "s", "title", "S",
                        "items", List.of(Map.of("key", "s.one", "title", "One")))))), adminWrite200));
        rules.put("DELETE /api/v1/templates/{slug}/draft", new Rule(p -> new Call("/api/v1/templates/"
                + Fixtures.template(false) + "/draft", null), adminWrite204));
        rules.put("POST /api/v1/templates/{slug}/versions/{number}/publish", new Rule(p -> new Call(
                "/api/v1/templates/" + Fixtures.template(false) + "/versions/1/publish", null), adminWrite200));
        rules.put("POST /api/v1/templates/{slug}/clone", new Rule(p -> new Call("/api/v1/templates/launch-readiness/clone",
                Map.of("slug", Fixtures.unique("clone"))), adminWrite201));

        rules.put("GET /api/v1/board", new Rule(p -> new Call("/api/v1/board?team=" + teamA, null), read));
        rules.put("GET /api/v1/board/teams", new Rule(p -> new Call("/api/v1/board/teams", null), read));

        Map<Principal, Integer> teamWebhook = expect(404, 200, 404, 404, 200, 200, 200);
        rules.put("GET /api/v1/webhooks", new Rule(p -> new Call("/api/v1/webhooks", null), read));
        rules.put("POST /api/v1/webhooks", new Rule(p -> new Call("/api/v1/webhooks", webhookBody()),
                expect(403, 201, 403, 403, 201, 403, 201)));
        rules.put("GET /api/v1/webhooks/{id}", new Rule(p -> new Call(webhook(), null), teamWebhook));
        rules.put("GET /api/v1/webhooks/{id}/deliveries", new Rule(p -> new Call(webhook() + "/deliveries", null),
                teamWebhook));
        rules.put("DELETE /api/v1/webhooks/{id}", new Rule(p -> new Call(webhook(), null),
                expect(403, 204, 404, 404, 204, 403, 204)));
        rules.put("POST /api/v1/services/import", new Rule(p -> new Call("/api/v1/services/import", """
                kind: Component
                metadata:
                  name: %s
                spec:
                  owner: %s
                """.formatted(Fixtures.unique("imported"), teamA), "application/yaml"), adminWrite200));
        rules.put("GET /api/v1/audit", new Rule(p -> new Call("/api/v1/audit", null), adminRead));
        rules.put("GET /api/v1/audit/verify", new Rule(p -> new Call("/api/v1/audit/verify", null), adminRead));
        rules.put("POST /api/v1/backup", new Rule(p -> new Call("/api/v1/backup", null), adminWrite200));
        rules.put("GET /api/v1/me/work", new Rule(p -> new Call("/api/v1/me/work", null), read));

        Map<Principal, Integer> launchWork200 = expect(403, 200, 403, 200, 200, 403, 200);
        String item = "/items/basics.backups";
        rules.put("GET /api/v1/launches", new Rule(p -> new Call("/api/v1/launches?team=" + teamA, null), read));
        rules.put("POST /api/v1/launches", new Rule(p -> new Call("/api/v1/launches", Map.of("service",
                Fixtures.service(teamA, 2), "template", template, "name", "GA", "environment", "production",
                "targetDate", LocalDate.now().plusDays(5).toString())), expect(403, 201, 403, 201, 201, 403, 201)));
        rules.put("GET /api/v1/launches/{id}", new Rule(p -> new Call(launch(), null), read));
        rules.put("GET /api/v1/launches/{id}/history", new Rule(p -> new Call(launch() + "/history", null), read));
        rules.put("GET /api/v1/launches/{id}/items/{key}", new Rule(p -> new Call(launch() + item, null), read));
        rules.put("GET /api/v1/launches/{id}/items/{key}/history", new Rule(p -> new Call(launch() + item + "/history",
                null), read));
        rules.put("GET /api/v1/launches/{id}/items/{key}/checks", new Rule(p -> new Call(launch() + item + "/checks",
                null), expect(404, 404, 404, 404, 404, 404, 404)));
        rules.put("POST /api/v1/launches/{id}/items/{key}/checks", new Rule(p -> new Call(launch() + item + "/checks",
                null), expect(403, 409, 403, 409, 409, 403, 409)));
        rules.put("GET /api/v1/checks", new Rule(p -> new Call("/api/v1/checks", null), read));
        rules.put("PUT /api/v1/launches/{id}/items/{key}", new Rule(p -> new Call(launch() + item,
                Map.of("status", "blocked", "reason", "disks")), launchWork200));
        rules.put("PATCH /api/v1/launches/{id}/items/{key}", new Rule(p -> new Call(launch() + item,
                Map.of("comment", "checked")), launchWork200));
        rules.put("PATCH /api/v1/launches/{id}/items", new Rule(p -> new Call(launch() + "/items",
                Map.of("items", Map.of("basics.backups", Map.of("comment", "checked")))), launchWork200));
        rules.put("POST /api/v1/launches/{id}/transitions", new Rule(p -> new Call(launch() + "/transitions",
                Map.of("to", "in_review")), launchWork200));
        rules.put("POST /api/v1/launches/{id}/decision", new Rule(p -> new Call(launchInReview() + "/decision",
                Map.of("decision", "no_go", "rationale", "not yet")), expect(403, 403, 403, 200, 200, 403, 403)));
        rules.put("GET /api/v1/launches/{id}/gate", new Rule(p -> new Call(launch() + "/gate", null),
                expect(409, 409, 409, 409, 409, 409, 409)));
        rules.put("GET /api/v1/launches/{id}/upgrade", new Rule(p -> new Call(launch() + "/upgrade", null), read));
        rules.put("POST /api/v1/launches/{id}/upgrade", new Rule(p -> new Call(launchOnOldVersion() + "/upgrade", null),
                launchWork200));

        String recovery = "/api/v1/services/";
        rules.put("GET /api/v1/services/{slug}/recovery-targets", new Rule(p -> new Call(recovery
                + Fixtures.service(teamA, 2) + "/recovery-targets", null), read));
        rules.put("PUT /api/v1/services/{slug}/recovery-targets", new Rule(p -> new Call(recovery
                + Fixtures.service(teamA, 2) + "/recovery-targets", List.of(Map.of("rto", "4 h", "rpo", "1 h"))),
                expect(403, 200, 403, 403, 200, 403, 200)));
        rules.put("GET /api/v1/services/{slug}/drills", new Rule(p -> new Call(recovery + Fixtures.service(teamA, 2)
                + "/drills", null), read));
        rules.put("POST /api/v1/services/{slug}/drills", new Rule(p -> new Call(recovery + Fixtures.service(teamA, 2)
                + "/drills", Map.of("kind", "restore_test", "performedOn", LocalDate.now().toString(),
                        "recoveryTime", "20 min", "outcome", "success")), expect(403, 201, 403, 403, 201, 403, 201)));
        rules.put("GET /api/v1/services/{slug}/runbook", new Rule(p -> new Call(recovery + Fixtures.service(teamA, 2)
                + "/runbook", null), read));
        rules.put("PUT /api/v1/services/{slug}/runbook", new Rule(p -> new Call(recovery + Fixtures.service(teamA, 2)
                + "/runbook", Map.of("content", "# Runbook", "note", "first")), expect(403, 200, 403, 403, 200, 403, 200)));
        rules.put("GET /api/v1/services/{slug}/runbook/revisions", new Rule(p -> new Call(recovery
                + runbookService() + "/runbook/revisions", null), read));
        rules.put("GET /api/v1/services/{slug}/runbook/revisions/{number}", new Rule(p -> new Call(recovery
                + runbookService() + "/runbook/revisions/1", null), read));
        return rules;
    }

    /** A service of team A with a saved runbook (revision 1). */
    private String runbookService() {
        String service = Fixtures.service(teamA, 2);
        Api.admin().contentType(ContentType.JSON).body(Map.of("content", "# Runbook\n\n## Rollback\n\nRedeploy."))
                .when().put("/api/v1/services/" + service + "/runbook").then().statusCode(200);
        return service;
    }

    private Map<String, Object> webhookBody() {
        return Map.of("team", teamA, "url", "http://127.0.0.1:9/hook", "events", List.of("decision_made"));
    }

    /** A new subscription of team A; returns its path. */
    private String webhook() {
        return "/api/v1/webhooks/" + Api.admin().contentType(ContentType.JSON).body(webhookBody()).when()
                .post("/api/v1/webhooks").then().statusCode(201).extract().path("subscription.id");
    }

    /** A new launch of a new service of team A; returns its path. */
    private String launch() {
        return "/api/v1/launches/" + Fixtures.launch(Fixtures.service(teamA, 2), template);
    }

    private String launchInReview() {
        String path = launch();
        Api.admin().contentType(ContentType.JSON).body(Map.of("to", "in_review")).when().post(path + "/transitions")
                .then().statusCode(200);
        return path;
    }

    /** A launch whose template has a newer published version than the launch's. */
    private String launchOnOldVersion() {
        String own = Fixtures.template(true);
        String path = "/api/v1/launches/" + Fixtures.launch(Fixtures.service(teamA, 2), own);
        Fixtures.publishNewVersion(own);
        return path;
    }

    /**
     * Expected statuses for the signed-in principals in this order: viewer, engineer of the owning team,
     * engineer of another team, approver, admin, read-only token, write token (of the owning team's
     * engineer). Anonymous, revoked and expired always get 401.
     */
    private static Map<Principal, Integer> expect(int viewer, int ownEngineer, int otherEngineer, int approver,
            int admin, int readToken, int writeToken) {
        Map<Principal, Integer> expected = new EnumMap<>(Principal.class);
        expected.put(Principal.ANONYMOUS, 401);
        expected.put(Principal.VIEWER, viewer);
        expected.put(Principal.OWN_ENGINEER, ownEngineer);
        expected.put(Principal.OTHER_ENGINEER, otherEngineer);
        expected.put(Principal.APPROVER, approver);
        expected.put(Principal.ADMIN, admin);
        expected.put(Principal.READ_TOKEN, readToken);
        expected.put(Principal.WRITE_TOKEN, writeToken);
        expected.put(Principal.REVOKED_TOKEN, 401);
        expected.put(Principal.EXPIRED_TOKEN, 401);
        return expected;
    }

    private Response send(Principal principal, String method, Call call) {
        RequestSpecification request = principal == Principal.ANONYMOUS ? Api.anonymous() : Api.as(tokens.get(principal));
        if (call.body() != null) {
            request = request.contentType(call.contentType() == null ? "application/json" : call.contentType())
                    .body(call.body());
        }
        return request.when().request(method, call.path());
    }

    private static Map<String, Object> serviceBody(String team) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Service " + Fixtures.unique("m"));
        body.put("team", team);
        body.put("tier", 2);
        return body;
    }

    /** "METHOD /path" of every operation in the API description. */
    private static List<String> operations() {
        Map<String, Map<String, Object>> paths = given().accept("application/json").when().get("/q/openapi")
                .then().statusCode(200).extract().jsonPath().getMap("paths");
        List<String> operations = new ArrayList<>();
        paths.forEach((path, item) -> item.keySet().stream()
                .filter(m -> List.of("get", "post", "put", "patch", "delete").contains(m))
                .forEach(m -> operations.add(m.toUpperCase() + " " + path)));
        return operations;
    }

    /** The id of a token, looked up with the owner's token. */
    private static long tokenId(String ownerToken, String token) {
        List<Map<String, Object>> list = Api.as(ownerToken).when().get("/api/v1/tokens").then().statusCode(200)
                .extract().jsonPath().getList("");
        return list.stream().filter(t -> token.startsWith((String) t.get("prefix")))
                .map(t -> ((Number) t.get("id")).longValue()).findFirst().orElseThrow();
    }

    private void expire(String token) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("UPDATE api_token SET expires_at = now() - interval '1 hour' "
                        + "WHERE prefix = ?")) {
            s.setString(1, token.substring(0, 10));
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
    }

    /** A new sign-off group, made by the admin; returns its key. */
    private static String signOffGroup() {
        String key = Fixtures.unique("group");
        Api.admin().contentType(ContentType.JSON).body(Map.of("name", "Group " + key, "members", List.of()))
                .when().put("/api/v1/sign-off-groups/" + key).then().statusCode(200);
        return key;
    }
}
