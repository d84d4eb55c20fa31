package dev.preflight.template;

import static dev.preflight.ProblemAssertions.problem;
import static org.apache.http.HttpStatus.SC_BAD_REQUEST;
import static org.apache.http.HttpStatus.SC_CONFLICT;
import static org.apache.http.HttpStatus.SC_CREATED;
import static org.apache.http.HttpStatus.SC_NOT_FOUND;
import static org.apache.http.HttpStatus.SC_NO_CONTENT;
import static org.apache.http.HttpStatus.SC_OK;
import static org.apache.http.HttpStatus.SC_PRECONDITION_FAILED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import dev.preflight.Api;
import dev.preflight.Fixtures;

@QuarkusTest
class TemplateApiTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void the_library_lists_built_in_templates_first_with_their_size() {
        Api.admin().when().get("/api/v1/templates").then().statusCode(SC_OK)
                .body("[0].builtin", equalTo(true))
                .body("find { it.slug == 'release-it-production-readiness' }.items", equalTo(50))
                .body("find { it.slug == 'release-it-production-readiness' }.latestVersion", equalTo(1));
    }

    @Test
    void export_then_import_then_export_gives_the_same_file() {
        String yaml = Api.admin().queryParam("format", "yaml")
                .when().get("/api/v1/templates/launch-readiness/versions/1/export")
                .then().statusCode(SC_OK).contentType(containsString("application/yaml"))
                .header("Content-Disposition", containsString("launch-readiness-v1.yaml"))
                .extract().asString();
        String slug = Fixtures.unique("copy");
        String renamed = yaml.replaceFirst("(?m)^slug: launch-readiness$", "slug: " + slug);
        Api.admin().contentType("application/yaml").body(renamed).queryParam("publish", true)
                .when().post("/api/v1/templates/import").then().statusCode(SC_CREATED)
                .body("template", equalTo(slug)).body("number", equalTo(1)).body("status", equalTo("published"));
        String again = Api.admin().accept("application/yaml")
                .when().get("/api/v1/templates/" + slug + "/versions/1/export").then().statusCode(SC_OK).extract().asString();
        assertThat(again).isEqualTo(renamed);

        Api.admin().contentType("application/yaml").body(renamed).when().post("/api/v1/templates/import")
                .then().statusCode(SC_OK).body("changed", equalTo(false)).body("number", equalTo(1));
    }

    @Test
    void a_markdown_checklist_imports_as_a_draft_and_is_published_later() {
        String slug = Fixtures.unique("md");
        Api.admin().contentType("text/markdown").queryParam("slug", slug)
                .body("# Payments launch\n\n## Security\n- [ ] TLS everywhere\n- [x] Secrets in a vault\n\n"
                        + "## Operations\n* Runbook written\n")
                .when().post("/api/v1/templates/import").then().statusCode(SC_CREATED)
                .body("status", equalTo("draft"));
        Api.admin().when().get("/api/v1/templates/" + slug + "/draft").then().statusCode(SC_OK)
                .body("content.sections.key", equalTo(List.of("security", "operations")))
                .body("content.sections[0].items.key", equalTo(List.of("security.tls-everywhere",
                        "security.secrets-in-a-vault")));
        Api.admin().when().post("/api/v1/templates/" + slug + "/versions/1/publish").then().statusCode(SC_OK)
                .body("status", equalTo("published"));
        Api.admin().queryParam("format", "markdown").when().get("/api/v1/templates/" + slug + "/versions/1/export")
                .then().statusCode(SC_OK).contentType(containsString("text/markdown"))
                .body(containsString("# Payments launch")).body(containsString("- [ ] TLS everywhere"));
    }

    @Test
    void an_invalid_file_is_refused_with_its_lines_and_nothing_is_saved() {
        String slug = Fixtures.unique("bad");
        problem(Api.admin().contentType("application/yaml")
                .body("format: preflight-template/1\nslug: " + slug + "\nname: Bad\nsections:\n  - key: s\n    title: S\n"
                        + "    items:\n      - key: s.one\n        title: One\n        severity: urgent\n")
                .when().post("/api/v1/templates/import").then(), SC_BAD_REQUEST, "invalid-input")
                .body("errors[0].line", equalTo(10))
                .body("errors[0].field", equalTo("sections[0].items[0].severity"));
        problem(Api.admin().when().get("/api/v1/templates/" + slug).then(), SC_NOT_FOUND, "not-found");
        problem(Api.admin().contentType("text/markdown").body("# Only a title\n").when()
                .post("/api/v1/templates/import").then(), SC_BAD_REQUEST, "invalid-input");
    }

    @Test
    void built_in_templates_change_only_with_preflight() {
        String yaml = Api.admin().when().get("/api/v1/templates/release-it-production-readiness/versions/1/export")
                .then().extract().asString();
        problem(Api.admin().contentType("application/yaml").body(yaml.replace("severity: major", "severity: minor"))
                .when().post("/api/v1/templates/import").then(), SC_CONFLICT, "conflict");
        problem(Api.admin().contentType(ContentType.JSON).body(Map.of("sections", List.of()))
                .when().put("/api/v1/templates/release-it-production-readiness/draft").then(), SC_CONFLICT, "conflict");
    }

    @Test
    void a_draft_is_edited_with_its_version_published_and_then_immutable() throws SQLException {
        String slug = Fixtures.template(true);
        Map<String, Object> content = Map.of("sections", List.of(Map.of("key", "basics", "title", "Basics", "items",
                List.of(Map.of("key", "basics.backups", "title", "Backups run hourly", "severity", "blocker"),
                        Map.of("key", "basics.alerts", "title", "Alerts page the on-call person")))));
        String etag = Api.admin().contentType(ContentType.JSON).body(content)
                .when().put("/api/v1/templates/" + slug + "/draft").then().statusCode(SC_OK)
                .body("number", equalTo(2)).body("status", equalTo("draft")).extract().header("ETag");
        problem(Api.admin().contentType(ContentType.JSON).header("If-Match", "\"999\"").body(content)
                .when().put("/api/v1/templates/" + slug + "/draft").then(), SC_PRECONDITION_FAILED, "stale-version");
        Api.admin().contentType(ContentType.JSON).header("If-Match", etag).body(content)
                .when().put("/api/v1/templates/" + slug + "/draft").then().statusCode(SC_OK);
        Api.admin().when().post("/api/v1/templates/" + slug + "/versions/2/publish").then().statusCode(SC_OK);
        problem(Api.admin().when().post("/api/v1/templates/" + slug + "/versions/2/publish").then(), SC_CONFLICT,
                "conflict");

        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> sql(
                "UPDATE template_version SET item_count = 0 WHERE number = 1 AND template_id = "
                        + "(SELECT id FROM template WHERE slug = '" + slug + "')")))
                .isInstanceOf(SQLException.class).hasMessageContaining("cannot be changed");
    }

    @Test
    void a_draft_read_with_get_goes_back_with_put_as_it_is_and_items_are_capped() {
        String slug = Fixtures.template(true);
        Map<String, Object> content = Map.of("sections", List.of(Map.of("key", "basics", "title", "Basics", "items",
                List.of(Map.of("key", "basics.backups", "title", "Backups run hourly")))));
        Api.admin().contentType(ContentType.JSON).body(content).when().put("/api/v1/templates/" + slug + "/draft")
                .then().statusCode(SC_OK);
        io.restassured.response.Response read = Api.admin().when().get("/api/v1/templates/" + slug + "/draft");
        read.then().statusCode(SC_OK);
        Api.admin().contentType(ContentType.JSON).header("If-Match", read.header("ETag")).body(read.asString())
                .when().put("/api/v1/templates/" + slug + "/draft").then().statusCode(SC_OK)
                .body("content.sections[0].items[0].title", equalTo("Backups run hourly"));
        problem(Api.admin().contentType(ContentType.JSON).body(Map.of("sections", List.of(), "content", content))
                .when().put("/api/v1/templates/" + slug + "/draft").then(), SC_BAD_REQUEST, "invalid-input")
                .body("errors[0].field", equalTo("content"));

        StringBuilder big = new StringBuilder("# Too big\n\n## Everything\n");
        for (int i = 1; i <= 2001; i++) {
            big.append("- [ ] Item ").append(i).append('\n');
        }
        problem(Api.admin().contentType("text/markdown").queryParam("slug", Fixtures.unique("big")).body(big.toString())
                .when().post("/api/v1/templates/import").then(), SC_BAD_REQUEST, "invalid-input")
                .body("errors.message", hasItem(org.hamcrest.Matchers.containsString("at most 2000 items")));
        problem(Api.admin().contentType(ContentType.JSON).body(Map.of("sections", List.of(Map.of("key", "x",
                "title", "Hidden\u202Etxt.exe", "items", List.of(Map.of("key", "x.a", "title", "Zero\u200Bwidth"))))))
                .when().put("/api/v1/templates/" + slug + "/draft").then(), SC_BAD_REQUEST, "invalid-input")
                .body("errors.field", hasItem("sections[0].title")).body("errors.field", hasItem("sections[0].items[0].title"));
    }

    @Test
    void the_diff_follows_items_by_key_field_by_field() {
        String slug = Fixtures.template(true);
        Map<String, Object> content = Map.of("sections", List.of(
                Map.of("key", "basics", "title", "Basics", "items", List.of(
                        Map.of("key", "basics.backups", "title", "Backups run nightly", "guidance",
                                "Restore one to prove it.", "severity", "major", "role", "engineer", "evidence", "link",
                                "recurrenceDays", 30))),
                Map.of("key", "ops", "title", "Operations", "items", List.of(
                        Map.of("key", "basics.runbook", "title", "Runbook written", "severity", "major", "role",
                                "approver", "evidence", "note", "tiers", List.of(1, 2)),
                        Map.of("key", "ops.on-call", "title", "On-call rota set up")))));
        Api.admin().contentType(ContentType.JSON).body(content).when().put("/api/v1/templates/" + slug + "/draft")
                .then().statusCode(SC_OK);
        Api.admin().when().post("/api/v1/templates/" + slug + "/versions/2/publish").then().statusCode(SC_OK);

        Api.admin().queryParam("from", 1).queryParam("to", 2).when().get("/api/v1/templates/" + slug + "/diff")
                .then().statusCode(SC_OK)
                .body("added.key", equalTo(List.of("ops.on-call")))
                .body("removed", hasSize(0))
                .body("changed.key", equalTo(List.of("basics.backups", "basics.runbook")))
                .body("changed[0].fields.field", equalTo(List.of("severity")))
                .body("changed[0].fields[0].from", equalTo("blocker"))
                .body("changed[1].fields.field", equalTo(List.of("section")))
                .body("sections.change", hasItem("added"));
        problem(Api.admin().queryParam("from", 1).when().get("/api/v1/templates/" + slug + "/diff").then(),
                SC_BAD_REQUEST, "invalid-input");
    }

    @Test
    void a_clone_starts_from_the_latest_version_and_can_be_compared_with_its_original() {
        String slug = Fixtures.unique("mine");
        Api.admin().contentType(ContentType.JSON).body(Map.of("slug", slug, "name", "Our readiness list"))
                .when().post("/api/v1/templates/release-it-production-readiness/clone").then().statusCode(SC_CREATED)
                .body("builtin", equalTo(false)).body("clonedFrom", equalTo("release-it-production-readiness"))
                .body("versions", hasSize(1));
        Api.admin().queryParam("from", 1).queryParam("to", 1).queryParam("toTemplate", slug)
                .when().get("/api/v1/templates/release-it-production-readiness/diff").then().statusCode(SC_OK)
                .body("added", hasSize(0)).body("changed", hasSize(0));
    }

    @Test
    void template_changes_are_audited() throws SQLException {
        String slug = Fixtures.template(false);
        Api.admin().when().delete("/api/v1/templates/" + slug + "/draft").then().statusCode(SC_NO_CONTENT);
        assertThat(actions(slug)).containsExactly("template.create", "template.discard");
    }

    private List<String> actions(String slug) throws SQLException {
        List<String> actions = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT action FROM audit_event WHERE target_type = 'template' AND target_id = ? ORDER BY id")) {
            s.setString(1, slug);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    actions.add(rs.getString(1));
                }
            }
        }
        return actions;
    }

    private void sql(String statement) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.createStatement().executeUpdate(statement);
        }
    }
}
