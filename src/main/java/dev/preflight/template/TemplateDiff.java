package dev.preflight.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * What changed between two versions of a checklist, following items by their keys: items added,
 * removed, and changed field by field (a move to another section is a change of its section);
 * sections added, removed and renamed.
 */
public record TemplateDiff(String from, String to, List<ItemRef> added, List<ItemRef> removed,
        List<ItemChange> changed, List<SectionChange> sections) {

    public record ItemRef(String key, String title, String section) {
    }

    public record FieldChange(String field, Object from, Object to) {
    }

    public record ItemChange(String key, String title, List<FieldChange> fields) {
    }

    /** A section {@code added}, {@code removed} or {@code renamed}. */
    public record SectionChange(String key, String change, String from, String to) {
    }

    @JsonIgnore
    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && changed.isEmpty() && sections.isEmpty();
    }

    public static TemplateDiff between(String fromLabel, TemplateContent from, String toLabel, TemplateContent to) {
        Map<String, Located> before = located(from);
        Map<String, Located> after = located(to);
        List<ItemRef> added = new ArrayList<>();
        List<ItemRef> removed = new ArrayList<>();
        List<ItemChange> changed = new ArrayList<>();
        after.forEach((key, now) -> {
            Located was = before.get(key);
            if (was == null) {
                added.add(new ItemRef(key, now.item.title(), now.section.title()));
                return;
            }
            List<FieldChange> fields = fields(was, now);
            if (!fields.isEmpty()) {
                changed.add(new ItemChange(key, now.item.title(), fields));
            }
        });
        before.forEach((key, was) -> {
            if (!after.containsKey(key)) {
                removed.add(new ItemRef(key, was.item.title(), was.section.title()));
            }
        });
        return new TemplateDiff(fromLabel, toLabel, added, removed, changed, sections(from, to));
    }

    private static List<FieldChange> fields(Located was, Located now) {
        List<FieldChange> fields = new ArrayList<>();
        TemplateContent.Item a = was.item;
        TemplateContent.Item b = now.item;
        compare(fields, "section", was.section.key(), now.section.key());
        compare(fields, "title", a.title(), b.title());
        compare(fields, "guidance", a.guidance(), b.guidance());
        compare(fields, "phase", a.phase(), b.phase());
        compare(fields, "window", a.window(), b.window());
        compare(fields, "severity", a.severity(), b.severity());
        compare(fields, "role", a.role(), b.role());
        compare(fields, "signOffGroup", was.section.signOffGroupOf(a), now.section.signOffGroupOf(b));
        compare(fields, "evidence", a.evidence(), b.evidence());
        compare(fields, "recurrenceDays", a.recurrenceDays(), b.recurrenceDays());
        compare(fields, "satisfiedBy", a.satisfiedBy(), b.satisfiedBy());
        compare(fields, "check", a.check() == null ? null : a.check().fields(), b.check() == null ? null : b.check().fields());
        compare(fields, "tiers", a.tiers(), b.tiers());
        compare(fields, "appliesWhen", a.appliesWhen() == null ? null : a.appliesWhen().describe(),
                b.appliesWhen() == null ? null : b.appliesWhen().describe());
        return fields;
    }

    private static void compare(List<FieldChange> fields, String name, Object from, Object to) {
        if (!Objects.equals(from, to)) {
            fields.add(new FieldChange(name, from, to));
        }
    }

    private static List<SectionChange> sections(TemplateContent from, TemplateContent to) {
        Map<String, String> before = new LinkedHashMap<>();
        from.sections().forEach(s -> before.put(s.key(), s.title()));
        Map<String, String> after = new LinkedHashMap<>();
        to.sections().forEach(s -> after.put(s.key(), s.title()));
        List<SectionChange> changes = new ArrayList<>();
        after.forEach((key, title) -> {
            if (!before.containsKey(key)) {
                changes.add(new SectionChange(key, "added", null, title));
            } else if (!before.get(key).equals(title)) {
                changes.add(new SectionChange(key, "renamed", before.get(key), title));
            }
        });
        before.forEach((key, title) -> {
            if (!after.containsKey(key)) {
                changes.add(new SectionChange(key, "removed", title, null));
            }
        });
        return changes;
    }

    private record Located(TemplateContent.Section section, TemplateContent.Item item) {
    }

    private static Map<String, Located> located(TemplateContent content) {
        Map<String, Located> items = new LinkedHashMap<>();
        for (TemplateContent.Section section : content.sections()) {
            for (TemplateContent.Item item : section.items()) {
                items.put(item.key(), new Located(section, item));
            }
        }
        return items;
    }
}
