package dev.preflight.template;

import java.time.Instant;
import java.util.List;

import dev.preflight.platform.api.Versioned;

/** What the API and the pages show of templates. */
public final class TemplateViews {

    private TemplateViews() {
    }

    /** A template in the library: its latest published version's size, and whether a draft is open. */
    public record Summary(String slug, String name, String description, boolean builtin, TemplateDocument.Source source,
            Integer latestVersion, int sections, int items, Integer draftVersion) {
    }

    /** One version, without its checklist. */
    public record VersionSummary(int number, TemplateVersion.Status status, int sections, int items, String createdBy,
            Instant createdAt, Instant publishedAt, String publishedBy) {

        static VersionSummary of(TemplateVersion v) {
            return new VersionSummary(v.number, v.status, v.sectionCount, v.itemCount, v.createdBy, v.createdAt,
                    v.publishedAt, v.publishedBy);
        }
    }

    /** A template with all its versions, newest first. */
    public record Detail(String slug, String name, String description, boolean builtin, TemplateDocument.Source source,
            String clonedFrom, List<VersionSummary> versions) {
    }

    /** One version with its checklist; {@code version} guards edits of a draft. */
    public record Version(String template, String templateName, int number, TemplateVersion.Status status,
            Instant publishedAt, String publishedBy, TemplateContent content, long version) implements Versioned {

        static Version of(TemplateVersion v) {
            return new Version(v.template.slug, v.template.name, v.number, v.status, v.publishedAt, v.publishedBy,
                    v.content, v.version);
        }
    }

    /**
     * The result of an import: the template, the version the file became, whether anything changed,
     * and what the lint finds in it (warnings: the import is made all the same).
     */
    public record Imported(String template, int number, TemplateVersion.Status status, boolean changed,
            List<TemplateLint.Finding> findings) {
    }

    /** The lint of one version: every finding, and how many the template does not accept. */
    public record Lint(String template, int number, List<TemplateLint.Finding> findings, long open) {

        static Lint of(String template, int number, List<TemplateLint.Finding> findings) {
            return new Lint(template, number, findings, TemplateLint.open(findings));
        }
    }
}
