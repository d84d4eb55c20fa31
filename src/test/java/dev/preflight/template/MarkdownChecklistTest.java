package dev.preflight.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.preflight.platform.problems.Problem;
import dev.preflight.platform.problems.ProblemException;

class MarkdownChecklistTest {

    @Test
    void every_bullet_style_becomes_an_item() {
        TemplateDocument document = MarkdownChecklist.read("""
                # Launch list

                ## Styles
                - [ ] unchecked box
                - [x] checked box
                - plain dash
                * star
                + plus
                • bullet
                ✅ tick
                - • dash and bullet
                - ✅ **Bold lead**: with an explanation
                1. numbered
                2) numbered with a parenthesis
                """, null, null);
        assertThat(document.name()).isEqualTo("Launch list");
        assertThat(document.slug()).isEqualTo("launch-list");
        List<TemplateContent.Item> items = document.sections().get(0).items();
        assertThat(items).extracting(TemplateContent.Item::title).containsExactly("unchecked box", "checked box",
                "plain dash", "star", "plus", "bullet", "tick", "dash and bullet", "Bold lead", "numbered",
                "numbered with a parenthesis");
        assertThat(items.get(8).guidance()).isEqualTo("with an explanation\n");
        assertThat(items).allSatisfy(i -> {
            assertThat(i.severity()).isEqualTo(Severity.MAJOR);
            assertThat(i.tiers()).containsExactly(1, 2, 3);
        });
    }

    @Test
    void headings_of_any_level_become_sections_and_empty_parents_prefix_their_children() {
        TemplateDocument document = MarkdownChecklist.read("""
                # Service checklist
                Intro text becomes the description.

                ## Security
                ### Network
                - TLS everywhere
                  Use TLS 1.2 or newer.
                  Redirect plain HTTP.
                ### Secrets
                - No secrets in code
                #### Rotation
                - Rotate quarterly
                ## Empty heading

                # Operations
                - Runbook written
                """, null, null);
        assertThat(document.description()).isEqualTo("Intro text becomes the description.");
        assertThat(document.sections()).extracting(TemplateContent.Section::title).containsExactly(
                "Security: Network", "Security: Secrets", "Security: Rotation", "Operations");
        assertThat(document.sections().get(0).items().get(0).guidance()).isEqualTo("Use TLS 1.2 or newer.\nRedirect plain HTTP.\n");
        assertThat(document.sections()).extracting(TemplateContent.Section::key)
                .containsExactly("network", "secrets", "rotation", "operations");
    }

    @Test
    void duplicate_titles_get_unique_stable_keys() {
        TemplateDocument document = MarkdownChecklist.read("""
                # Dups
                ## Checks
                - Backups tested
                - Backups tested
                - Backups Tested!
                ## Checks
                - Backups tested
                """, null, null);
        assertThat(document.content().items()).extracting(TemplateContent.Item::key).containsExactly(
                "checks.backups-tested", "checks.backups-tested-2", "checks.backups-tested-3",
                "checks-2.backups-tested");
        assertThat(MarkdownChecklist.read("# Dups\n## Checks\n- Backups tested\n- Backups tested\n", null, null)
                .content().items()).extracting(TemplateContent.Item::key)
                .containsExactly("checks.backups-tested", "checks.backups-tested-2");
    }

    @Test
    void items_before_any_heading_and_code_blocks_are_handled() {
        TemplateDocument document = MarkdownChecklist.read("""
                - first thing
                ```
                - not an item, inside code
                ```
                - second thing
                """, null, "Given name");
        assertThat(document.name()).isEqualTo("Given name");
        assertThat(document.sections()).singleElement()
                .satisfies(s -> assertThat(s.items()).extracting(TemplateContent.Item::title)
                        .containsExactly("first thing", "second thing"));
    }

    @Test
    void malformed_input_is_refused_with_the_line_of_each_problem() {
        ProblemException noItems = catchThrowableOfType(ProblemException.class,
                () -> MarkdownChecklist.read("# Title\n\nJust prose.\n", null, null));
        assertThat(noItems.errors()).extracting(Problem.FieldError::message).anyMatch(m -> m.contains("no checklist items"));

        ProblemException tooLong = catchThrowableOfType(ProblemException.class,
                () -> MarkdownChecklist.read("# T\n## S\n- ok\n- " + "x".repeat(200) + "\n", null, null));
        assertThat(tooLong.errors()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(4);
            assertThat(e.field()).isEqualTo("sections[0].items[1].title");
        });

        ProblemException noName = catchThrowableOfType(ProblemException.class,
                () -> MarkdownChecklist.read("## S\n- item\n", null, null));
        assertThat(noName.errors()).extracting(Problem.FieldError::field).contains("name");
    }

    @Test
    void an_export_reads_back_in_with_the_same_sections_and_items() {
        TemplateDocument original = TemplateYaml.read(dev.preflight.Fixtures.templateYaml("md-round-trip"));
        TemplateDocument back = MarkdownChecklist.read(MarkdownChecklist.write(original), "md-round-trip", null);
        assertThat(back.name()).isEqualTo(original.name());
        assertThat(back.sections()).extracting(TemplateContent.Section::title)
                .containsExactlyElementsOf(original.sections().stream().map(TemplateContent.Section::title).toList());
        assertThat(back.content().items()).extracting(TemplateContent.Item::title)
                .containsExactlyElementsOf(original.content().items().map(TemplateContent.Item::title).toList());
    }

    @Test
    void an_export_escapes_titles_so_another_renderer_shows_them_as_typed_and_reads_back_the_same() {
        String title = "<img src=x onerror=alert(1)> [click](javascript:alert(1)) *loud* & `code` | pipe";
        TemplateDocument odd = TemplateYaml.read("""
                format: preflight-template/1
                slug: md-escape
                name: "Odd <b>names</b>"
                sections:
                  - key: section
                    title: Section
                    items:
                      - key: odd
                        title: '%s'
                """.formatted(title));
        String markdown = MarkdownChecklist.write(odd);
        assertThat(markdown).doesNotContain("<img", "<b>", "[click](").contains("&lt;img", "\\[click\\]",
                "\\*loud\\*", "&amp;");
        TemplateDocument back = MarkdownChecklist.read(markdown, "md-escape", null);
        assertThat(back.content().items()).extracting(TemplateContent.Item::title).containsExactly(title);
        assertThat(back.name()).isEqualTo("Odd <b>names</b>");
    }
}
