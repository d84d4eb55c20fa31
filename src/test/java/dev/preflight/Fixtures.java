package dev.preflight;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;

/** Builds the data a test needs through the public API, with names no other test uses. */
public final class Fixtures {

    private Fixtures() {
    }

    /** A slug that no other test (or earlier run against a kept database) has used. */
    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String team() {
        String slug = unique("team");
        Api.admin().contentType(ContentType.JSON).body(Map.of("slug", slug, "name", "Team " + slug))
                .when().post("/api/v1/teams")
                .then().statusCode(201);
        return slug;
    }

    public static String service(String team, int tier) {
        String slug = unique("svc");
        Api.admin().contentType(ContentType.JSON)
                .body(Map.of("slug", slug, "name", "Service " + slug, "team", team, "tier", tier))
                .when().post("/api/v1/services")
                .then().statusCode(201);
        return slug;
    }

    /** A user with a password, created by the admin; with an API token of each scope when the role allows. */
    public record TestUser(String username, String password, String writeToken, String readToken) {

        public Browser browser() {
            return Browser.signIn(username, password);
        }
    }

    public static TestUser user(String role, String... teams) {
        String username = unique("user");
        String password = "pw-" + UUID.randomUUID();
        Api.admin().contentType(ContentType.JSON)
                .body(Map.of("username", username, "displayName", "User " + username, "role", role,
                        "teams", List.of(teams), "password", password))
                .when().post("/api/v1/users").then().statusCode(201);
        Browser browser = Browser.signIn(username, password);
        String write = token(browser, List.of("read", "write"));
        String read = token(browser, List.of("read"));
        return new TestUser(username, password, write, read);
    }

    /** A user without tokens or a session; returns the user name. */
    public static String plainUser(String role) {
        String username = unique("user");
        Api.admin().contentType(ContentType.JSON)
                .body(Map.of("username", username, "displayName", "User " + username, "role", role))
                .when().post("/api/v1/users").then().statusCode(201);
        return username;
    }

    public static String token(Browser browser, List<String> scopes) {
        return browser.api().contentType(ContentType.JSON).body(Map.of("name", unique("token"), "scopes", scopes))
                .when().post("/api/v1/tokens").then().statusCode(201).extract().path("secret");
    }

    /** A small template file in Preflight's YAML format with a slug of its own. */
    public static String templateYaml(String slug) {
        return """
                format: preflight-template/1
                slug: %s
                name: Team checklist %s
                description: A small checklist for tests.
                sections:
                  - key: basics
                    title: Basics
                    items:
                      - key: basics.backups
                        title: Backups run nightly
                        guidance: Restore one to prove it.
                        severity: blocker
                        role: engineer
                        evidence: link
                        recurrenceDays: 30
                        tiers: [1, 2, 3]
                      - key: basics.runbook
                        title: Runbook written
                        severity: major
                        role: approver
                        evidence: note
                        tiers: [1, 2]
                """.formatted(slug, slug);
    }

    /** Imports a custom template as the admin; published unless asked for a draft. Returns its slug. */
    public static String template(boolean publish) {
        String slug = unique("tpl");
        Api.admin().contentType("application/yaml").body(templateYaml(slug)).queryParam("publish", publish)
                .when().post("/api/v1/templates/import").then().statusCode(201);
        return slug;
    }

    /** Imports and publishes a template of {@code count} minor engineer items (each needing no evidence). Returns its slug. */
    public static String largeTemplate(int count) {
        String slug = unique("tpl");
        StringBuilder yaml = new StringBuilder("""
                format: preflight-template/1
                slug: %s
                name: Large checklist %s
                sections:
                  - key: bulk
                    title: Bulk
                    items:
                """.formatted(slug, slug));
        for (int i = 1; i <= count; i++) {
            yaml.append("      - key: bulk.item-").append(i).append("\n        title: Item ").append(i)
                    .append("\n        severity: major\n");
        }
        Api.admin().contentType("application/yaml").body(yaml.toString()).queryParam("publish", true)
                .when().post("/api/v1/templates/import").then().statusCode(201);
        return slug;
    }

    /** Opens a launch of the service against the template's newest published version, as the admin. Returns its id. */
    public static long launch(String service, String template) {
        return ((Number) Api.admin().contentType(ContentType.JSON)
                .body(Map.of("service", service, "template", template, "name", "Launch " + unique("l"),
                        "environment", "production", "targetDate", LocalDate.now().plusDays(30).toString()))
                .when().post("/api/v1/launches").then().statusCode(201).extract().path("id")).longValue();
    }

    /**
     * Publishes a second version of a template made by {@link #template}: the runbook item is dropped,
     * the backups item reworded, and a new blocker (alerting) added.
     */
    public static void publishNewVersion(String template) {
        Map<String, Object> backups = Map.of("key", "basics.backups", "title", "Backups run nightly and restore",
                "severity", "blocker", "role", "engineer", "evidence", "link", "recurrenceDays", 30);
        Map<String, Object> alerts = Map.of("key", "basics.alerts", "title", "Alerts page the on-call",
                "severity", "blocker");
        int number = Api.admin().contentType(ContentType.JSON)
                .body(Map.of("sections", List.of(Map.of("key", "basics", "title", "Basics",
                        "items", List.of(backups, alerts)))))
                .when().put("/api/v1/templates/" + template + "/draft").then().statusCode(200).extract().path("number");
        Api.admin().when().post("/api/v1/templates/" + template + "/versions/" + number + "/publish").then()
                .statusCode(200);
    }

    /** A service of the team whose production address (and health endpoint, base + /health) is the given one. */
    public static String serviceAt(String team, String base) {
        String slug = Fixtures.unique("svc");
        Api.admin().contentType(ContentType.JSON).body(Map.of("slug", slug, "name", "Service " + slug, "team", team,
                "tier", 3, "baseUrl", base, "healthUrl", base + "/health")).when().post("/api/v1/services").then().statusCode(201);
        return slug;
    }

    /**
     * Imports and publishes a template of three checked items and one people tick: security headers
     * (HSTS and nosniff) of the service's address, its health endpoint (an approver's item), and an
     * API called with the secret test_token. Returns its slug.
     */
    public static String checkedTemplate() {
        String slug = Fixtures.unique("checked");
        Api.admin().contentType("application/yaml").body("""
                format: preflight-template/1
                slug: %s
                name: Checked %s
                sections:
                  - key: web
                    title: Web
                    items:
                      - key: web.headers
                        title: Security headers are sent
                        severity: blocker
                        check:
                          kind: security-headers
                          url: ${service.baseUrl}
                          headers:
                            Strict-Transport-Security: "%s"
                            X-Content-Type-Options: nosniff
                      - key: web.health
                        title: Health endpoint answers
                        role: approver
                        check: {kind: http, url: "${service.healthUrl}", status: [200]}
                      - key: web.api
                        title: The API answers with a token
                        severity: minor
                        check:
                          kind: http
                          url: ${service.baseUrl}/api
                          requestHeaders: {Authorization: "Bearer ${secret.test_token}"}
                          bodyContains: UP
                      - key: web.docs
                        title: Docs are written
                        severity: minor
                """.formatted(slug, slug, CheckedSite.HSTS)).queryParam("publish", true)
                .when().post("/api/v1/templates/import").then().log().ifValidationFails().statusCode(201);
        return slug;
    }
}
