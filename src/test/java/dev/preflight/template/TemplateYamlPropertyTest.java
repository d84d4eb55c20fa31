package dev.preflight.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.preflight.PropertyCheck;
import dev.preflight.platform.text.Text;

/**
 * Export then import is lossless: for any valid template, writing it as YAML and reading it back
 * gives the same template, and writing that again gives the same text.
 */
class TemplateYamlPropertyTest {

    /** Texts that trip YAML writers: booleans, numbers, markers, quotes, line breaks, non-Latin scripts. */
    private static final List<String> AWKWARD = List.of("yes", "no", "on", "off", "true", "False", "null", "~", "1.5",
            "0x10", "012", "1e3", ".inf", "- dash", "key: value", "# hash", "'quoted'", "\"double\"", "multi\nline\ntext",
            "ends with newline\n", "  leading spaces", "trailing  ", "ünïcödé ✅", "emoji 🚀", "tab\tinside", "{braces}",
            "[brackets]", "@at", "`tick`", "%percent", "&anchor", "*alias", "!tag", "|pipe", ">fold", "?question",
            "back\\slash", "line\r\nwindows", "…ellipsis", "右から左 עברית", "---", "...", "<script>x</script>");

    @Test
    void export_then_import_is_lossless() {
        PropertyCheck.forAll(500, TemplateYamlPropertyTest::template, template -> {
            String yaml = TemplateYaml.write(template);
            TemplateDocument back = TemplateYaml.read(yaml);
            assertThat(back).isEqualTo(template);
            assertThat(TemplateYaml.write(back)).isEqualTo(yaml);
        });
    }

    static TemplateDocument template(Random random) {
        List<TemplateContent.Section> sections = new ArrayList<>();
        int sectionCount = 1 + random.nextInt(4);
        int itemNumber = 0;
        for (int s = 0; s < sectionCount; s++) {
            List<TemplateContent.Item> items = new ArrayList<>();
            int itemCount = 1 + random.nextInt(5);
            for (int i = 0; i < itemCount; i++) {
                items.add(new TemplateContent.Item(slug(random) + "." + slug(random) + "-" + itemNumber++,
                        title(random), random.nextInt(3) == 0 ? null : text(random, 400),
                        pick(random, Severity.values()), pick(random, SignOff.values()), pick(random, Evidence.values()),
                        random.nextInt(3) == 0 ? 1 + random.nextInt(3650) : null,
                        pick(random, List.of(List.of(1, 2, 3), List.of(1, 2), List.of(1), List.of(2, 3), List.of(3))),
                        random.nextInt(4) == 0 ? pick(random, SatisfiedBy.values()) : null));
            }
            sections.add(new TemplateContent.Section(slug(random) + "-" + s, title(random), items));
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        for (int f = random.nextInt(4); f > 0; f--) {
            facts.put("fact" + f, switch (random.nextInt(3)) {
                case 0 -> text(random, 80);
                case 1 -> random.nextInt(10_000);
                default -> List.of(text(random, 40), text(random, 40));
            });
        }
        return new TemplateDocument(TemplateDocument.FORMAT, slug(random), title(random),
                random.nextBoolean() ? text(random, 300) : null,
                random.nextBoolean() ? new TemplateDocument.Source(title(random), text(random, 60), null) : null,
                sections, facts);
    }

    private static String slug(Random random) {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder slug = new StringBuilder();
        for (int i = 1 + random.nextInt(12); i > 0; i--) {
            slug.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return slug.toString();
    }

    /** A text without the characters names and titles refuse (invisible, direction-changing). */
    private static String title(Random random) {
        StringBuilder shown = new StringBuilder();
        text(random, TemplateRules.MAX_TITLE).codePoints()
                .filter(c -> Text.hiddenCharacter(new String(Character.toChars(c))) == null)
                .forEach(shown::appendCodePoint);
        String title = shown.toString();
        return title.isBlank() ? "x" + title : title;
    }

    /** Awkward texts, random Unicode (no control characters but line breaks and tabs), or both. */
    private static String text(Random random, int maxLength) {
        StringBuilder text = new StringBuilder();
        do {
            if (random.nextBoolean()) {
                text.append(pick(random, AWKWARD));
            } else {
                for (int i = 1 + random.nextInt(20); i > 0; i--) {
                    int codePoint = switch (random.nextInt(4)) {
                        case 0 -> 0x20 + random.nextInt(0x5f);
                        case 1 -> 0xa0 + random.nextInt(0x2000);
                        case 2 -> 0x4e00 + random.nextInt(0x5000);
                        default -> 0x1f300 + random.nextInt(0x200);
                    };
                    text.appendCodePoint(codePoint);
                }
            }
        } while (random.nextInt(3) == 0);
        String value = text.length() > maxLength ? text.substring(0, maxLength) : text.toString();
        return Character.isHighSurrogate(value.charAt(value.length() - 1)) ? value.substring(0, value.length() - 1) + "x"
                : value;
    }

    private static <T> T pick(Random random, T[] values) {
        return values[random.nextInt(values.length)];
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
