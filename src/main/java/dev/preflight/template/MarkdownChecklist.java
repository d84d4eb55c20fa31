package dev.preflight.template;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.preflight.check.CheckKinds;
import dev.preflight.platform.api.InputValidator;
import dev.preflight.platform.api.Slugs;
import dev.preflight.platform.text.Markdown;

/**
 * Templates as Markdown checklists. Reading: the first top-level heading names the template; every
 * heading starts a section (a heading with no items of its own prefixes the sections below it);
 * bullets ({@code - [ ]}, {@code - [x]}, {@code -}, {@code *}, {@code +}, {@code •}, {@code ✅},
 * numbered) become items; indented lines under an item become its guidance; keys come from the
 * titles and are made unique. Writing gives a checklist a person can read and that reads back in.
 */
public final class MarkdownChecklist {

    private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern BULLET = Pattern.compile(
            "^(\\s*)(?:[-*+]\\s+(?:\\[[ xX]]\\s+)?(?:[•✅]\\s*)?|[•✅]\\s*|\\d+[.)]\\s+(?:\\[[ xX]]\\s+)?)(.*)$");
    private static final Pattern BOLD_LEAD = Pattern.compile("^\\*\\*(.+?)\\*\\*\\s*[:—–-]?\\s*(.*)$");
    private static final Pattern FENCE = Pattern.compile("^\\s*(```|~~~).*$");

    private MarkdownChecklist() {
    }

    /**
     * Reads a checklist into a template document.
     *
     * @param slug the template's slug, or null to derive it from its name
     * @param name the template's name, or null to take the first top-level heading
     */
    public static TemplateDocument read(String text, String slug, String name) {
        InputValidator.Errors errors = new InputValidator.Errors();
        Parser parser = new Parser(errors);
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            parser.line(lines[i], i + 1);
        }
        List<TemplateContent.Section> sections = parser.sections();
        String templateName = name != null && !name.isBlank() ? name.trim()
                : parser.title != null ? parser.title : null;
        if (templateName == null) {
            errors.add("name", "give the template a name, or start the checklist with a '# Title' line", 1);
        }
        if (sections.isEmpty()) {
            errors.add("document", "has no checklist items: write them as '- [ ] item' lines under headings", 1);
        }
        String templateSlug = slug != null && !slug.isBlank() ? slug.trim()
                : templateName == null ? null : Slugs.from(templateName);
        TemplateDocument document = new TemplateDocument(TemplateDocument.FORMAT, templateSlug, templateName,
                parser.description(), new TemplateDocument.Source("Imported Markdown checklist", null, null), sections,
                Map.of());
        TemplateRules.check(document, (path, message) -> errors.add(path, message, parser.lineOf(path)));
        errors.throwIfAny();
        return document;
    }

    /** The template as a Markdown checklist: name, description, sections as headings, items as boxes. */
    public static String write(TemplateDocument document) {
        StringBuilder out = new StringBuilder();
        out.append("# ").append(oneLine(document.name())).append("\n\n");
        if (document.description() != null && !document.description().isBlank()) {
            out.append(document.description().strip()).append("\n\n");
        }
        if (document.source() != null && document.source().title() != null) {
            out.append("Source: ").append(oneLine(document.source().title()));
            if (document.source().publisher() != null) {
                out.append(" (").append(oneLine(document.source().publisher())).append(')');
            }
            out.append("\n\n");
        }
        for (TemplateContent.Section section : document.sections()) {
            out.append("## ").append(oneLine(section.title())).append("\n\n");
            for (TemplateContent.Item item : section.items()) {
                out.append("- [ ] ").append(oneLine(item.title())).append('\n');
                out.append("  ").append(item.severity()).append(" · ").append(item.role()).append(" sign-off");
                if (section.signOffGroupOf(item) != null) {
                    out.append(" by ").append(section.signOffGroupOf(item));
                }
                if (item.phase() != Phase.BEFORE_GO_LIVE) {
                    out.append(" · ").append(item.phase().describe(item.window()));
                }
                if (item.evidence() != Evidence.NONE) {
                    out.append(" · evidence: ").append(item.evidence());
                }
                if (item.recurrenceDays() != null) {
                    out.append(" · re-check every ").append(item.recurrenceDays()).append(" days");
                }
                if (item.satisfiedBy() != null) {
                    out.append(" · follows the ").append(item.satisfiedBy().label());
                }
                if (item.check() != null) {
                    out.append(" · checked automatically: ")
                            .append(CheckKinds.described(item.check().kind(), item.check().config()));
                }
                if (!item.tiers().equals(List.of(1, 2, 3))) {
                    out.append(" · tiers ").append(item.tiers().stream().map(String::valueOf)
                            .reduce((a, b) -> a + ", " + b).orElse(""));
                }
                if (item.appliesWhen() != null) {
                    out.append(" · only when the service ").append(item.appliesWhen().describe());
                }
                out.append('\n');
                if (item.guidance() != null && !item.guidance().isBlank()) {
                    for (String line : item.guidance().strip().replace("<", "&lt;").split("\n")) {
                        out.append(line.isBlank() ? "" : "  " + line).append('\n');
                    }
                }
            }
            out.append('\n');
        }
        return out.toString().stripTrailing() + "\n";
    }

    private static String oneLine(String text) {
        return Markdown.inline(text);
    }

    /** Collects headings and items line by line. */
    private static final class Parser {

        private final InputValidator.Errors errors;
        private final List<Heading> headings = new ArrayList<>();
        private final List<String> preamble = new ArrayList<>();
        private final Set<String> sectionKeys = new HashSet<>();
        private final Set<String> itemKeys = new HashSet<>();
        private final List<Integer> sectionLines = new ArrayList<>();
        private final List<List<Integer>> itemLines = new ArrayList<>();
        private String title;
        private Heading current;
        private Draft item;
        private boolean inFence;

        Parser(InputValidator.Errors errors) {
            this.errors = errors;
        }

        void line(String line, int number) {
            if (FENCE.matcher(line).matches()) {
                inFence = !inFence;
                return;
            }
            if (inFence) {
                return;
            }
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) {
                item = null;
                String text = plain(heading.group(2));
                int level = heading.group(1).length();
                if (text.isEmpty()) {
                    errors.add("line " + number, "a heading needs a title", number);
                    return;
                }
                if (level == 1 && title == null && headings.isEmpty()) {
                    title = text;
                    return;
                }
                current = new Heading(level, text, number);
                headings.add(current);
                return;
            }
            Matcher bullet = BULLET.matcher(line);
            if (bullet.matches() && !bullet.group(2).isBlank() && (item == null || bullet.group(1).length() <= 1)) {
                if (current == null) {
                    current = new Heading(7, "General", number);
                    headings.add(current);
                }
                item = new Draft(bullet.group(2).strip(), number);
                current.items.add(item);
                return;
            }
            if (line.isBlank()) {
                if (item != null) {
                    item.guidance.add("");
                }
                return;
            }
            if (item != null && (line.startsWith(" ") || line.startsWith("\t"))) {
                item.guidance.add(line.strip());
            } else if (item == null && headings.isEmpty()) {
                preamble.add(line.strip());
            } else {
                item = null;
            }
        }

        String description() {
            String text = String.join(" ", preamble).strip();
            return text.isEmpty() ? null : text.length() > 2000 ? text.substring(0, 2000) : text;
        }

        /** Sections from headings with items; a heading without items prefixes the deeper ones under it. */
        List<TemplateContent.Section> sections() {
            List<TemplateContent.Section> sections = new ArrayList<>();
            List<Heading> parents = new ArrayList<>();
            for (Heading heading : headings) {
                parents.removeIf(p -> p.level >= heading.level);
                if (heading.items.isEmpty()) {
                    parents.add(heading);
                    continue;
                }
                StringBuilder sectionTitle = new StringBuilder();
                for (Heading parent : parents) {
                    sectionTitle.append(parent.title).append(": ");
                }
                sectionTitle.append(heading.title);
                String key = TemplateKeys.unique(sectionKeys, TemplateKeys.part(heading.title, "section"));
                List<TemplateContent.Item> items = new ArrayList<>();
                List<Integer> lines = new ArrayList<>();
                for (Draft draft : heading.items) {
                    items.add(draft.item(key, itemKeys));
                    lines.add(draft.line);
                }
                sections.add(new TemplateContent.Section(key, sectionTitle.toString(), items));
                sectionLines.add(heading.line);
                itemLines.add(lines);
            }
            return sections;
        }

        /** The line of the heading or bullet a rule's path ("sections[1].items[0].title") points at. */
        int lineOf(String path) {
            Matcher m = Pattern.compile("^sections\\[(\\d+)](?:\\.items\\[(\\d+)])?").matcher(path);
            if (!m.find()) {
                return 1;
            }
            int section = Integer.parseInt(m.group(1));
            if (section >= sectionLines.size()) {
                return 1;
            }
            return m.group(2) == null ? sectionLines.get(section) : itemLines.get(section).get(Integer.parseInt(m.group(2)));
        }
    }

    private static final class Heading {
        final int level;
        final String title;
        final int line;
        final List<Draft> items = new ArrayList<>();

        Heading(int level, String title, int line) {
            this.level = level;
            this.title = title;
            this.line = line;
        }
    }

    /** An item as read: "**Title**: text" becomes a title and the start of the guidance. */
    private static final class Draft {
        final String text;
        final int line;
        final List<String> guidance = new ArrayList<>();

        Draft(String text, int line) {
            this.text = text;
            this.line = line;
        }

        TemplateContent.Item item(String sectionKey, Set<String> keys) {
            String title = text;
            List<String> notes = new ArrayList<>();
            Matcher bold = BOLD_LEAD.matcher(text);
            if (bold.matches() && !bold.group(2).isBlank()) {
                title = bold.group(1).strip();
                notes.add(bold.group(2).strip());
            }
            notes.addAll(guidance);
            String guidanceText = String.join("\n", notes).strip();
            String itemTitle = plain(title);
            return new TemplateContent.Item(TemplateKeys.unique(keys, sectionKey + "." + TemplateKeys.part(itemTitle, "item")), itemTitle,
                    guidanceText.isEmpty() ? null : guidanceText, Severity.MAJOR, SignOff.ENGINEER, Evidence.NONE, null,
                    null, null);
        }
    }

    /** Markdown emphasis and code marks removed and escapes undone, for titles. */
    private static String plain(String text) {
        return Markdown.plainInline(text.replaceAll("(?<!\\\\)(\\*\\*|__|`)", "")).strip();
    }
}
