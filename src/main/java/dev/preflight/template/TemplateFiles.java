package dev.preflight.template;

import java.util.Locale;

import dev.preflight.platform.problems.ProblemException;

/** Chooses how to read an uploaded template file: YAML or a Markdown checklist. */
final class TemplateFiles {

    enum Format {
        YAML, MARKDOWN
    }

    private TemplateFiles() {
    }

    /** From an explicit format, else from the media type; YAML unless it says Markdown. */
    static Format format(String format, String contentType) {
        if (format != null && !format.isBlank()) {
            return switch (format.toLowerCase(Locale.ROOT)) {
                case "yaml", "yml" -> Format.YAML;
                case "markdown", "md" -> Format.MARKDOWN;
                default -> throw ProblemException.invalid("format", "must be yaml or markdown");
            };
        }
        return contentType != null && contentType.toLowerCase(Locale.ROOT).contains("markdown") ? Format.MARKDOWN
                : Format.YAML;
    }

    static TemplateDocument read(String text, Format format, String slug, String name) {
        if (text.isBlank()) {
            throw ProblemException.invalid("document", "is empty");
        }
        return format == Format.MARKDOWN ? MarkdownChecklist.read(text, slug, name) : TemplateYaml.read(text);
    }
}
