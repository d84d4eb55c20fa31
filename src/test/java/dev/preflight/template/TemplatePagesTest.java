package dev.preflight.template;

import static org.apache.http.HttpStatus.SC_BAD_REQUEST;
import static org.apache.http.HttpStatus.SC_FORBIDDEN;
import static org.apache.http.HttpStatus.SC_OK;
import static org.apache.http.HttpStatus.SC_SEE_OTHER;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import dev.preflight.Api;
import dev.preflight.Browser;
import dev.preflight.Fixtures;
import dev.preflight.Html;

@QuarkusTest
class TemplatePagesTest {

    @Test
    void the_library_shows_every_template_with_its_source_and_size() {
        Document page = Browser.admin().get("/templates", SC_OK);
        assertThat(Html.text(page, "h1")).isEqualTo("Checklist templates");
        assertThat(Html.text(page, "tbody")).contains("Production readiness (Release It!)", "8 sections, 50 items",
                "28 sections, 178 items", "built-in");
    }

    @Test
    void a_template_page_shows_its_sections_items_guidance_and_facts() {
        Browser viewer = Fixtures.user("viewer").browser();
        Document detail = viewer.get("/templates/launch-readiness", SC_OK);
        assertThat(Html.text(detail, "h1")).isEqualTo("Launch readiness");
        assertThat(detail.select("section.checklist")).hasSize(15);
        assertThat(Html.text(detail, "#item-ongoing\\.security-audit")).contains("approver sign-off", "every 365 days");
        assertThat(Html.text(detail, "pre.facts")).contains("rtoMinutes: 240");
        assertThat(detail.select("a[href=/templates/launch-readiness/draft]")).isEmpty();
        assertThat(detail.select("a[href*=/export?format=yaml]")).isNotEmpty();
    }

    @Test
    void guidance_markdown_is_rendered_and_sanitised() {
        String slug = Fixtures.template(true);
        Api.admin().contentType(ContentType.JSON).body(Map.of("sections", List.of(Map.of("key", "s", "title", "S",
                "items", List.of(Map.of("key", "s.x", "title", "Markup", "guidance",
                        "**Bold** and [docs](https://example.com/docs) but <script>alert(1)</script> "
                                + "[bad](javascript:alert(2)) <img src=x onerror=alert(3)>"))))))
                .when().put("/api/v1/templates/" + slug + "/draft").then().statusCode(SC_OK);
        Api.admin().when().post("/api/v1/templates/" + slug + "/versions/2/publish").then().statusCode(SC_OK);

        Document detail = Browser.admin().get("/templates/" + slug, SC_OK);
        var guidance = detail.select("#item-s\\.x .guidance");
        assertThat(guidance.select("strong").text()).isEqualTo("Bold");
        assertThat(guidance.select("a[href=https://example.com/docs]").attr("rel")).contains("noopener");
        assertThat(detail.select("script:containsData(alert)")).isEmpty();
        assertThat(guidance.select("img, [onerror]")).isEmpty();
        assertThat(guidance.select("a[href^=javascript]")).isEmpty();
    }

    @Test
    void a_markdown_checklist_pasted_into_the_import_form_becomes_a_template() {
        Browser admin = Browser.admin();
        String slug = Fixtures.unique("pasted");
        Map<String, String> form = Map.of("content",
                "# Pasted checklist\n\n## Security\n- [ ] TLS everywhere\n- [ ] Secrets rotated\n", "slug", slug,
                "publish", "on");
        Response imported = admin.post("/templates/import", form);
        imported.then().statusCode(SC_SEE_OTHER);
        Document detail = admin.get(imported.header("Location"), SC_OK);
        assertThat(Html.text(detail, "h1")).isEqualTo("Pasted checklist");
        assertThat(Html.text(detail, "[role=status]")).isEqualTo("The template was saved.");
        assertThat(Html.text(detail, "section.checklist")).contains("TLS everywhere", "Secrets rotated");

        Response again = admin.post("/templates/import", form);
        again.then().statusCode(SC_SEE_OTHER);
        assertThat(Html.text(admin.get(again.header("Location"), SC_OK), "[role=status]"))
                .isEqualTo("The file is the same as the latest published version; nothing changed.");

        Response refused = admin.post("/templates/import", Map.of("content", "format: preflight-template/1\nslug: x\n",
                "format", "yaml"));
        refused.then().statusCode(SC_BAD_REQUEST);
        assertThat(Html.text(Html.parse(refused), "#import-errors")).contains("line", "sections", "is required");
    }

    @Test
    void a_file_uploaded_in_the_import_form_becomes_a_template() {
        Browser admin = Browser.admin();
        String slug = Fixtures.unique("uploaded");
        Response uploaded = admin.request().accept("text/html")
                .multiPart("file", slug + ".yaml", Fixtures.templateYaml(slug).getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        "application/yaml")
                .multiPart("_csrf", admin.csrf())
                .multiPart("publish", "on")
                .when().post("/templates/import");
        uploaded.then().statusCode(SC_SEE_OTHER);
        assertThat(Html.text(admin.get("/templates/" + slug, SC_OK), "section.checklist")).contains("Backups run nightly");

        admin.request().accept("text/html")
                .multiPart("file", "x.yaml", Fixtures.templateYaml(Fixtures.unique("forged")).getBytes(
                        java.nio.charset.StandardCharsets.UTF_8), "application/yaml")
                .when().post("/templates/import").then().statusCode(SC_FORBIDDEN);
    }

    @Test
    void discarding_a_draft_asks_first_and_only_an_admin_may() {
        String slug = Fixtures.template(true);
        Browser admin = Browser.admin();
        Document draft = admin.get("/templates/" + slug + "/draft", SC_OK);
        assertThat(draft.select("a[href=/templates/" + slug + "/draft/discard]").text()).isEqualTo("Discard the draft…");
        Fixtures.user("engineer").browser().get("/templates/" + slug + "/draft/discard", SC_FORBIDDEN);
        Document asks = admin.get("/templates/" + slug + "/draft/discard", SC_OK);
        assertThat(Html.text(asks, ".card")).contains("draft version 2", "cannot be undone");
        admin.get("/templates/" + slug + "/draft", SC_OK);
        admin.post("/templates/" + slug + "/draft/discard", Map.of()).then().statusCode(SC_SEE_OTHER);
        Api.admin().when().get("/api/v1/templates/" + slug).then().statusCode(SC_OK);
    }

    @Test
    void the_draft_editor_adds_edits_moves_and_removes_then_publishes() {
        String slug = Fixtures.template(true);
        Browser admin = Browser.admin();
        Document draft = admin.get("/templates/" + slug + "/draft", SC_OK);
        String version = draft.select("input[name=version]").first().attr("value");

        admin.post("/templates/" + slug + "/draft/sections", Map.of("sectionTitle", "Operations", "version", version))
                .then().statusCode(SC_SEE_OTHER);
        version = admin.get("/templates/" + slug + "/draft", SC_OK).select("input[name=version]").first().attr("value");
        admin.post("/templates/" + slug + "/draft/items", Map.of("section", "operations", "title", "On-call rota",
                "version", version)).then().statusCode(SC_SEE_OTHER);
        draft = admin.get("/templates/" + slug + "/draft", SC_OK);
        assertThat(draft.select("a[href$=/draft/items/operations.on-call-rota]")).isNotEmpty();

        Document item = admin.get("/templates/" + slug + "/draft/items/operations.on-call-rota", SC_OK);
        version = item.select("input[name=version]").attr("value");
        admin.post("/templates/" + slug + "/draft/items/operations.on-call-rota", Map.of("action", "save",
                "section", "operations", "title", "On-call rota in place", "severity", "blocker", "role", "approver",
                "evidence", "link", "recurrenceDays", "90", "tiers", List.of("1", "2"), "version", version))
                .then().statusCode(SC_SEE_OTHER);
        version = admin.get("/templates/" + slug + "/draft", SC_OK).select("input[name=version]").first().attr("value");
        admin.post("/templates/" + slug + "/draft/items/basics.runbook", Map.of("action", "remove", "version", version))
                .then().statusCode(SC_SEE_OTHER);

        version = admin.get("/templates/" + slug + "/draft", SC_OK).select("input[name=version]").first().attr("value");
        Response invalid = admin.post("/templates/" + slug + "/draft/items/operations.on-call-rota", Map.of("action",
                "save", "section", "operations", "title", "", "guidance", "Typed before the mistake", "severity", "blocker",
                "role", "approver", "evidence", "link", "tiers", List.of("1"), "version", version));
        assertThat(invalid.statusCode()).isEqualTo(SC_BAD_REQUEST);
        Document refused = Jsoup.parse(invalid.asString());
        assertThat(Html.text(refused, "#title-error")).isNotBlank();
        assertThat(refused.select("textarea[name=guidance]").text()).isEqualTo("Typed before the mistake");

        draft = admin.get("/templates/" + slug + "/draft", SC_OK);
        String number = draft.select("input[name=number]").attr("value");
        admin.post("/templates/" + slug + "/draft/publish", Map.of("number", number)).then().statusCode(SC_SEE_OTHER);
        Api.admin().when().get("/api/v1/templates/" + slug + "/versions/2").then().statusCode(SC_OK)
                .body("content.sections.key", org.hamcrest.Matchers.equalTo(List.of("basics", "operations")))
                .body("content.sections[1].items[0].severity", org.hamcrest.Matchers.equalTo("blocker"))
                .body("content.sections[1].items[0].recurrenceDays", org.hamcrest.Matchers.equalTo(90));

        Document diff = admin.get("/templates/" + slug + "/diff?from=1&to=2", SC_OK);
        assertThat(Html.text(diff, "h1")).isEqualTo("From " + slug + "@1 to " + slug + "@2");
        assertThat(Html.text(diff, "#diff-added + ul")).contains("On-call rota in place");
        assertThat(Html.text(diff, "#diff-removed + ul")).contains("Runbook written");
    }

    @Test
    void guidance_saved_from_a_browser_is_plain_lines_so_the_diff_and_the_yaml_show_only_what_changed() {
        String slug = Fixtures.template(true);
        Browser admin = Browser.admin();
        String version = admin.get("/templates/" + slug + "/draft", SC_OK).select("input[name=version]").first()
                .attr("value");
        admin.post("/templates/" + slug + "/draft/items/basics.backups", Map.of("action", "save", "section", "basics",
                "title", "Backups run every night", "guidance", "Restore one to prove it.", "severity", "blocker",
                "role", "engineer", "evidence", "link", "recurrenceDays", "30", "tiers", List.of("1", "2", "3"),
                "version", version)).then().statusCode(SC_SEE_OTHER);
        version = admin.get("/templates/" + slug + "/draft", SC_OK).select("input[name=version]").first().attr("value");
        admin.post("/templates/" + slug + "/draft/items/basics.runbook", Map.of("action", "save", "section", "basics",
                "title", "Runbook written", "guidance", "Keep it beside the code.\r\n\r\n* Review it yearly.\r\n",
                "severity", "major", "role", "approver", "evidence", "note", "tiers", List.of("1", "2"),
                "version", version)).then().statusCode(SC_SEE_OTHER);
        String number = admin.get("/templates/" + slug + "/draft", SC_OK).select("input[name=number]").attr("value");
        admin.post("/templates/" + slug + "/draft/publish", Map.of("number", number)).then().statusCode(SC_SEE_OTHER);

        Api.admin().queryParam("from", 1).queryParam("to", 2).when().get("/api/v1/templates/" + slug + "/diff")
                .then().statusCode(SC_OK)
                .body("changed.key", org.hamcrest.Matchers.equalTo(List.of("basics.backups", "basics.runbook")))
                .body("changed[0].fields.field", org.hamcrest.Matchers.equalTo(List.of("title")))
                .body("changed[1].fields.field", org.hamcrest.Matchers.equalTo(List.of("guidance")));
        String yaml = Api.admin().when().get("/api/v1/templates/" + slug + "/versions/2/export").then()
                .statusCode(SC_OK).extract().asString();
        assertThat(yaml).doesNotContain("\\r", "\\n\"")
                .contains("guidance: |\n          Restore one to prove it.\n")
                .contains("guidance: |\n          Keep it beside the code.\n\n          * Review it yearly.\n");
    }

    @Test
    void built_in_templates_are_cloned_not_edited_and_only_admins_change_templates() {
        Browser admin = Browser.admin();
        admin.get("/templates/release-it-production-readiness/draft", 409);
        String slug = Fixtures.unique("ours");
        admin.post("/templates/release-it-production-readiness/clone", Map.of("cloneSlug", slug, "cloneName", "Ours"))
                .then().statusCode(SC_SEE_OTHER);
        assertThat(Html.text(admin.get("/templates/" + slug, SC_OK), "h1")).isEqualTo("Ours");

        Browser engineer = Fixtures.user("engineer").browser();
        engineer.get("/templates/import", SC_FORBIDDEN);
        engineer.post("/templates/" + slug + "/draft/sections", Map.of("sectionTitle", "x", "version", "0"))
                .then().statusCode(SC_FORBIDDEN);
        assertThat(engineer.get("/templates", SC_OK).select("a[href=/templates/import]")).isEmpty();
    }
}
