package dev.preflight.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

import dev.preflight.Fixtures;
import dev.preflight.platform.problems.Problem;
import dev.preflight.platform.problems.ProblemException;

class TemplateYamlTest {

    @Test
    void a_file_reads_with_defaults_for_what_it_leaves_out() {
        TemplateDocument document = TemplateYaml.read("""
                format: preflight-template/1
                slug: minimal
                name: Minimal
                sections:
                  - key: s
                    title: S
                    items:
                      - key: s.one
                        title: One
                """);
        TemplateContent.Item item = document.content().item("s.one").orElseThrow();
        assertThat(item.severity()).isEqualTo(Severity.MAJOR);
        assertThat(item.role()).isEqualTo(SignOff.ENGINEER);
        assertThat(item.evidence()).isEqualTo(Evidence.NONE);
        assertThat(item.tiers()).containsExactly(1, 2, 3);
    }

    @Test
    void every_problem_is_reported_with_its_line() {
        ProblemException refused = catchThrowableOfType(ProblemException.class, () -> TemplateYaml.read("""
                format: preflight-template/1
                slug: Not A Slug
                name: Broken
                colour: blue
                sections:
                  - key: basics
                    title: Basics
                    items:
                      - key: basics.one
                        title: One
                        severity: critical
                        tiers: [1, 4]
                      - key: basics.one
                        title: Same key
                        recurrenceDays: soon
                  - key: empty
                    title: Empty
                    items: []
                """));
        assertThat(refused.errors()).extracting(e -> e.line() + " " + e.field()).containsExactly(
                "2 slug",
                "4 colour",
                "11 sections[0].items[0].severity",
                "12 sections[0].items[0].tiers",
                "13 sections[0].items[1].key",
                "15 sections[0].items[1].recurrenceDays",
                "18 sections[1].items");
    }

    @Test
    void broken_yaml_is_refused_at_its_line() {
        ProblemException refused = catchThrowableOfType(ProblemException.class,
                () -> TemplateYaml.read("format: preflight-template/1\nslug: x\nsections: [\n  - oops: [\n"));
        assertThat(refused.errors()).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("document");
            assertThat(e.line()).isGreaterThanOrEqualTo(3);
        });
    }

    @Test
    void the_shipped_test_file_survives_a_round_trip_unchanged() {
        String yaml = TemplateYaml.write(TemplateYaml.read(Fixtures.templateYaml("round-trip")));
        assertThat(TemplateYaml.write(TemplateYaml.read(yaml))).isEqualTo(yaml);
        assertThat(yaml).contains("tiers:").doesNotContain("\"Backups run nightly\"");
        assertThat(refusedLine(yaml.replace("severity: blocker", "severity: 7"))).isPositive();
    }

    private static int refusedLine(String yaml) {
        ProblemException e = catchThrowableOfType(ProblemException.class, () -> TemplateYaml.read(yaml));
        return e.errors().stream().map(Problem.FieldError::line).findFirst().orElse(0);
    }
}
