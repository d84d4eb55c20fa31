package dev.preflight.template;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.eclipse.microprofile.config.ConfigProvider;

import dev.preflight.check.CheckKinds;
import dev.preflight.platform.api.Slugs;
import dev.preflight.platform.text.Text;

/**
 * What makes a template valid, whatever it came from (a file, a Markdown checklist, the editor):
 * a slug and name, sections with unique keys and titles, items with unique keys, titles within
 * bounds and without hidden characters, at most {@link #maxItems()} items, known severities, tiers
 * among 1 to 3, sensible recurrences.
 */
public final class TemplateRules {

    public static final Pattern ITEM_KEY = Pattern.compile("^[a-z0-9]([a-z0-9.-]{0,98}[a-z0-9])?$");
    public static final int MAX_NAME = 200;
    public static final int MAX_TITLE = 160;
    public static final int MAX_GUIDANCE = 10_000;
    public static final int MAX_RECURRENCE_DAYS = 3650;

    /** The most items a template may hold in all, unless configured otherwise. */
    public static final int MAX_ITEMS = 2000;

    /** Receives each problem with the path of its field ("sections[0].items[2].title"). */
    @FunctionalInterface
    public interface Problems {
        void report(String path, String message);
    }

    private TemplateRules() {
    }

    /** The full rules, for what is published or imported: every section has items. */
    public static void check(TemplateDocument document, Problems problems) {
        check(document, problems, true);
    }

    /** The rules for a draft being edited: a section may still be empty. */
    public static void checkDraft(TemplateDocument document, Problems problems) {
        check(document, problems, false);
    }

    private static void check(TemplateDocument document, Problems problems, boolean complete) {
        if (document.slug() != null && !Slugs.isValid(document.slug())) {
            problems.report("slug", "must be lower-case letters, digits and single hyphens, at most 64 characters");
        }
        if (document.name() != null && (document.name().isBlank() || document.name().length() > MAX_NAME)) {
            problems.report("name", "must be 1 to " + MAX_NAME + " characters");
        } else if (Text.hiddenCharacter(document.name()) != null) {
            problems.report("name", Text.hiddenCharacter(document.name()));
        }
        List<TemplateContent.Section> sections = document.sections() == null ? List.of() : document.sections();
        if (sections.isEmpty() && complete) {
            problems.report("sections", "must contain at least one section with items");
        }
        int items = sections.stream().mapToInt(section -> section.items().size()).sum();
        int maxItems = maxItems();
        if (items > maxItems) {
            problems.report("sections", "must hold at most " + maxItems + " items in all; this template has " + items
                    + " (an administrator sets the limit with PREFLIGHT_TEMPLATES_MAX_ITEMS)");
            return;
        }
        Set<String> sectionKeys = new HashSet<>();
        Set<String> itemKeys = new HashSet<>();
        for (int s = 0; s < sections.size(); s++) {
            TemplateContent.Section section = sections.get(s);
            String at = "sections[" + s + "]";
            if (section.key() == null || !Slugs.isValid(section.key())) {
                problems.report(at + ".key", "must be lower-case letters, digits and single hyphens, at most 64 characters");
            } else if (!sectionKeys.add(section.key())) {
                problems.report(at + ".key", "'" + section.key() + "' is already the key of another section");
            }
            if (section.title() == null || section.title().isBlank() || section.title().length() > MAX_NAME) {
                problems.report(at + ".title", "must be 1 to " + MAX_NAME + " characters");
            } else if (Text.hiddenCharacter(section.title()) != null) {
                problems.report(at + ".title", Text.hiddenCharacter(section.title()));
            }
            if (section.signOffGroup() != null && !Slugs.isValid(section.signOffGroup())) {
                problems.report(at + ".signOffGroup", "must be a sign-off group's key: lower-case letters, digits and "
                        + "single hyphens, at most 64 characters");
            }
            if (section.items().isEmpty() && complete) {
                problems.report(at + ".items", "must contain at least one item");
            }
            for (int i = 0; i < section.items().size(); i++) {
                item(section.items().get(i), at + ".items[" + i + "]", itemKeys, problems);
            }
        }
    }

    /** The configured limit on a template's items ({@code preflight.templates.max-items}), or {@link #MAX_ITEMS}. */
    public static int maxItems() {
        return ConfigProvider.getConfig().getOptionalValue("preflight.templates.max-items", Integer.class)
                .orElse(MAX_ITEMS);
    }

    private static void item(TemplateContent.Item item, String at, Set<String> keys, Problems problems) {
        if (item.key() == null || !ITEM_KEY.matcher(item.key()).matches()) {
            problems.report(at + ".key", "must be lower-case letters, digits, '.' and '-', at most 100 characters");
        } else if (!keys.add(item.key())) {
            problems.report(at + ".key", "'" + item.key() + "' is already the key of another item");
        }
        if (item.title() == null || item.title().isBlank() || item.title().length() > MAX_TITLE) {
            problems.report(at + ".title", "must be 1 to " + MAX_TITLE + " characters");
        } else if (Text.hiddenCharacter(item.title()) != null) {
            problems.report(at + ".title", Text.hiddenCharacter(item.title()));
        }
        if (item.guidance() != null && item.guidance().length() > MAX_GUIDANCE) {
            problems.report(at + ".guidance", "must be at most " + MAX_GUIDANCE + " characters");
        }
        if (item.recurrenceDays() != null && (item.recurrenceDays() < 1 || item.recurrenceDays() > MAX_RECURRENCE_DAYS)) {
            problems.report(at + ".recurrenceDays", "must be between 1 and " + MAX_RECURRENCE_DAYS + " days");
        }
        if (item.phase() == Phase.AFTER_LAUNCH) {
            Duration window = Window.parse(item.window());
            if (item.window() == null) {
                problems.report(at + ".window", "is required for an after-launch item: how long after go-live it is due, "
                        + "for example PT24H or P7D");
            } else if (window == null || window.compareTo(Window.LONGEST) > 0) {
                problems.report(at + ".window", "must be a duration of whole hours up to " + MAX_RECURRENCE_DAYS
                        + " days, written like PT24H or P7D");
            }
        } else if (item.window() != null) {
            problems.report(at + ".window", "only an after-launch item has a window; this one is " + item.phase().label());
        }
        if (item.signOffGroup() != null && !Slugs.isValid(item.signOffGroup())) {
            problems.report(at + ".signOffGroup", "must be a sign-off group's key: lower-case letters, digits and "
                    + "single hyphens, at most 64 characters");
        }
        if (item.phase() == Phase.ONGOING && item.recurrenceDays() == null) {
            problems.report(at + ".recurrenceDays", "is required for an ongoing duty: how many days until it is due again");
        }
        if (item.check() != null) {
            if (item.satisfiedBy() != null) {
                problems.report(at + ".check", "an item follows recovery data or is ticked by a check, not both");
            }
            CheckKinds.problemsOf(item.check().kind(), item.check().config()).forEach(p -> problems.report(
                    at + ".check" + (p.field() == null || p.field().isEmpty() ? "" : "." + p.field()), p.message()));
        }
        if (item.appliesWhen() != null
                && new HashSet<>(item.appliesWhen().runsOn()).size() != item.appliesWhen().runsOn().size()) {
            problems.report(at + ".appliesWhen.runsOn", "must name each way of running once");
        }
        if (item.tiers().isEmpty() || !Set.of(1, 2, 3).containsAll(item.tiers())
                || new HashSet<>(item.tiers()).size() != item.tiers().size()) {
            problems.report(at + ".tiers", "must list one or more of the tiers 1, 2 and 3, each once");
        }
    }
}
