package dev.preflight.template;

import static org.apache.http.HttpStatus.SC_OK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import dev.preflight.Api;
import dev.preflight.Fixtures;

/**
 * The five templates shipped with Preflight: each as derived from its source document (sections in
 * its order, one item per checklist entry), with spot checks of items against the documents, and
 * loaded idempotently.
 */
@QuarkusTest
class BuiltinTemplatesTest {

    @Inject
    TemplateLibrary library;

    @ParameterizedTest(name = "{0}: {1} sections, {2} items")
    @CsvSource({
            "glasswork-production-readiness, 13, 62, Production Readiness, quick-checklist, module-features",
            "launch-readiness, 15, 69, Production Readiness, infrastructure, ongoing",
            "release-it-production-readiness, 8, 50, Production Readiness Checklist, infrastructure, operations",
            "shipping-ai-assisted-code, 14, 86, Production Readiness, backups, post-deployment",
            "acton-service-production-checklist, 28, 178, Production Checklist, service-configuration, post-deployment" })
    void each_document_becomes_one_template(String slug, int sections, int items, String sourceTitle,
            String firstSection, String lastSection) {
        JsonPath version = Api.admin().when().get("/api/v1/templates/" + slug + "/versions/1").then().statusCode(SC_OK)
                .body("status", equalTo("published")).extract().jsonPath();
        List<String> sectionKeys = version.getList("content.sections.key");
        assertThat(sectionKeys).hasSize(sections).startsWith(firstSection).endsWith(lastSection);
        assertThat(version.getList("content.sections.items.flatten()")).hasSize(items);
        Api.admin().when().get("/api/v1/templates/" + slug).then().statusCode(SC_OK)
                .body("builtin", equalTo(true))
                .body("source.title", equalTo(sourceTitle))
                .body("versions", hasSize(1));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(nullValues = "-", value = {
            "launch-readiness, infrastructure.automated-backups, blocker, engineer, link, 30",
            "launch-readiness, infrastructure.domain-dns, blocker, engineer, note, -",
            "launch-readiness, ongoing.secret-rotation, major, engineer, note, 90",
            "launch-readiness, ongoing.security-audit, major, approver, link, 365",
            "launch-readiness, rollback.triggers-defined, blocker, approver, note, -",
            "release-it-production-readiness, database.tcp-keepalive, major, engineer, link, -",
            "acton-service-production-checklist, regular-maintenance.credential-rotation, major, engineer, note, 90",
            "acton-service-production-checklist, go-live.all-sections-complete, blocker, approver, note, -",
            "glasswork-production-readiness, safety-nets.rollback-procedure, blocker, approver, link, -",
            "shipping-ai-assisted-code, legal-privacy.data-retention, major, approver, note, -" })
    void items_keep_the_documents_weight_roles_and_cadences(String slug, String key, String severity, String role,
            String evidence, Integer recurrence) {
        TemplateContent.Item item = library.version(slug, 1).content().item(key).orElseThrow();
        assertThat(item.severity().key()).isEqualTo(severity);
        assertThat(item.role().key()).isEqualTo(role);
        assertThat(item.evidence().key()).isEqualTo(evidence);
        assertThat(item.recurrenceDays()).isEqualTo(recurrence);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({ "glasswork-production-readiness", "launch-readiness", "release-it-production-readiness",
            "shipping-ai-assisted-code", "acton-service-production-checklist" })
    void each_passes_its_own_lint(String slug) {
        TemplateViews.Lint lint = library.lint(slug, 1);
        assertThat(lint.findings()).filteredOn(f -> !f.accepted()).isEmpty();
        assertThat(lint.open()).isZero();
    }

    @ParameterizedTest(name = "{0}: {1} before go-live, {2} on the day, {3} after launch, {4} ongoing, {5} conditional")
    @CsvSource({ "glasswork-production-readiness, 62, 0, 0, 0, 4", "launch-readiness, 51, 6, 8, 4, 0",
            "release-it-production-readiness, 50, 0, 0, 0, 0", "shipping-ai-assisted-code, 81, 0, 5, 0, 0",
            "acton-service-production-checklist, 169, 0, 9, 0, 23" })
    void phases_and_conditions_follow_the_documents(String slug, int before, int atGoLive, int afterLaunch, int ongoing,
            int conditional) {
        TemplateContent content = library.version(slug, 1).content();
        assertThat(content.items().filter(i -> i.phase() == Phase.BEFORE_GO_LIVE)).hasSize(before);
        assertThat(content.items().filter(i -> i.phase() == Phase.AT_GO_LIVE)).hasSize(atGoLive);
        assertThat(content.items().filter(i -> i.phase() == Phase.AFTER_LAUNCH)).hasSize(afterLaunch);
        assertThat(content.items().filter(i -> i.phase() == Phase.ONGOING)).hasSize(ongoing);
        assertThat(content.items().filter(i -> i.appliesWhen() != null)).hasSize(conditional);
    }

    @Test
    void guidance_carries_the_documents_explanations_and_framework_names() {
        TemplateContent releaseIt = library.version("release-it-production-readiness", 1).content();
        assertThat(releaseIt.item("database.tcp-keepalive").orElseThrow().guidance()).contains("10-30 minutes")
                .contains("SELECT 1");
        assertThat(releaseIt.item("infrastructure.multi-az").orElseThrow().tiers()).containsExactly(1);
        assertThat(releaseIt.item("deployment.canary").orElseThrow().guidance()).contains("1 %").contains("100 %");
        TemplateContent glasswork = library.version("glasswork-production-readiness", 1).content();
        assertThat(glasswork.item("quick-checklist.api-docs-not-public").orElseThrow().title()).doesNotContain("Glasswork");
        assertThat(glasswork.item("quick-checklist.api-docs-not-public").orElseThrow().guidance()).contains("serveSpecs");
        TemplateContent acton = library.version("acton-service-production-checklist", 1).content();
        assertThat(acton.item("kubernetes-configuration.replicas").orElseThrow().tiers()).containsExactly(1, 2);
    }

    @Test
    void structured_facts_are_kept_as_data() {
        Map<String, Object> facts = library.version("launch-readiness", 1).content().facts();
        assertThat(facts).containsKeys("recoveryDefaults", "backupPolicy", "alertThresholds", "rollbackTriggers",
                "runbookSections", "cadences");
        assertThat(map(facts.get("recoveryDefaults"))).containsEntry("rtoMinutes", 240).containsEntry("rpoMinutes", 60);
        assertThat((List<?>) facts.get("runbookSections")).extracting(s -> map(s).get("title"))
                .containsExactly("Service overview", "Access", "Common issues", "Maintenance procedures");
        assertThat(map(facts.get("alertThresholds")).get("critical").toString()).contains("error rate > 5 %");
        Map<String, Object> headers = library.version("shipping-ai-assisted-code", 1).content().facts();
        assertThat(map(headers.get("securityHeaders"))).containsEntry("Strict-Transport-Security", "max-age=63072000");
        assertThat(map(library.version("acton-service-production-checklist", 1).content().facts()
                .get("resilienceDefaults"))).containsEntry("maxRetries", 3);
    }

    @Test
    void loading_an_unchanged_file_changes_nothing_and_a_changed_one_publishes_a_new_version() {
        String slug = Fixtures.unique("shipped");
        TemplateDocument shipped = TemplateYaml.read(Fixtures.templateYaml(slug));
        assertThat(library.loadBuiltin(shipped, "hash-1")).isTrue();
        assertThat(library.loadBuiltin(shipped, "hash-1")).isFalse();

        TemplateContent.Section section = shipped.sections().get(0);
        TemplateDocument changed = TemplateDocument.of(slug, shipped.name(), shipped.description(), shipped.source(),
                new TemplateContent(List.of(new TemplateContent.Section(section.key(), "Basics, revised",
                        section.items())), Map.of()));
        assertThat(library.loadBuiltin(changed, "hash-2")).isTrue();

        assertThat(library.get(slug).versions()).extracting(TemplateViews.VersionSummary::number).containsExactly(2, 1);
        assertThat(library.version(slug, 1).content().sections().get(0).title()).isEqualTo("Basics");
        assertThat(library.version(slug, 2).content().sections().get(0).title()).isEqualTo("Basics, revised");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }
}
