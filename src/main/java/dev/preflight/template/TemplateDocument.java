package dev.preflight.template;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A template as a file: what the built-in templates are written in, what export produces and
 * import reads (format {@value #FORMAT}). It carries one version's content and the template's
 * name, description and source, but no version number, dates or authors, so that a file exported
 * and imported again exports identically.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({ "format", "slug", "name", "description", "source", "sections", "facts" })
public record TemplateDocument(String format, String slug, String name, String description, Source source,
        List<TemplateContent.Section> sections, Map<String, Object> facts) {

    public static final String FORMAT = "preflight-template/1";

    /** The document a template was drawn from; "custom" templates name their author or team instead. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonPropertyOrder({ "title", "publisher", "note" })
    public record Source(String title, String publisher, String note) {
    }

    public TemplateContent content() {
        return new TemplateContent(sections, facts);
    }

    public static TemplateDocument of(String slug, String name, String description, Source source,
            TemplateContent content) {
        return new TemplateDocument(FORMAT, slug, name, description, source, content.sections(), content.facts());
    }
}
