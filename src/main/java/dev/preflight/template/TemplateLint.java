package dev.preflight.template;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.qute.TemplateEnum;

import dev.preflight.platform.text.Keyed;

/**
 * What a reviewer would flag in a template version, each finding with its item and rule: warnings
 * shown in the draft editor, on import and in the API, never refusals. A template can accept a
 * finding by listing it, with the reason, in its facts under {@value #EXCEPTIONS}
 * ({@code - rule: ..., item: ..., why: ...}); such findings are reported as accepted.
 */
public final class TemplateLint {

    public static final String EXCEPTIONS = "lintExceptions";

    /** The rules, by key. */
    @TemplateEnum
    public enum Rule implements Keyed {
        /** A blocker that asks for no evidence and follows no recovery data: nobody can tell it was checked. */
        BLOCKER_WITHOUT_EVIDENCE,
        /** The same title at different severities. */
        SEVERITY_DIFFERS,
        /** An item that says the same as another item of the same phase. */
        DUPLICATE,
        /** Before-go-live items worded for after the launch ("first 24 hours", "post-deployment"). */
        AFTER_LAUNCH_WORDING,
        /** "Regularly" or "periodically" without a cadence. */
        NO_CADENCE,
        /** A runbook-satisfied item whose guidance describes a runbook other than the one the check asks for. */
        RUNBOOK_GUIDANCE;

        @Override
        public String toString() {
            return key();
        }
    }

    /** One finding: the rule, the item (and the other item it concerns, if any), what is wrong, and whether the template accepts it and why. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Finding(Rule rule, String item, String other, String message, String acceptedBecause) {

        public boolean accepted() {
            return acceptedBecause != null;
        }
    }

    private static final Pattern AFTER_LAUNCH = Pattern.compile(
            "first 24 hours|first week|post-deployment|post-launch|post deployment|monitor after|after (the )?(launch|deploy)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LOOSE_CADENCE = Pattern.compile(
            "\\b(regularly|periodically|routinely|on a (regular|routine) basis)\\b", Pattern.CASE_INSENSITIVE);
    private static final Set<String> SMALL_WORDS = Set.of("a", "an", "the", "and", "or", "of", "to", "for", "in", "on",
            "is", "are", "be", "with", "by", "at", "its", "it", "all", "every");

    private TemplateLint() {
    }

    /** The findings of a version's checklist, in checklist order. */
    public static List<Finding> check(TemplateContent content, RunbookOutline runbooks) {
        Map<String, String> accepted = exceptions(content);
        List<Finding> findings = new ArrayList<>();
        Map<String, TemplateContent.Item> byTitle = new LinkedHashMap<>();
        List<TemplateContent.Item> seen = new ArrayList<>();
        content.sections().forEach(section -> section.items().forEach(item -> {
            if (item.severity() == Severity.BLOCKER && item.evidence() == Evidence.NONE && item.satisfiedBy() == null) {
                findings.add(finding(Rule.BLOCKER_WITHOUT_EVIDENCE, item, null,
                        "a blocker that asks for no evidence: ask for a link or a note, so the review shows how it was checked",
                        accepted));
            }
            String title = normalised(item.title());
            TemplateContent.Item same = byTitle.putIfAbsent(title, item);
            if (same != null && same.severity() != item.severity()) {
                findings.add(finding(Rule.SEVERITY_DIFFERS, item, same.key(), "the same title is " + same.severity()
                        + " in '" + same.key() + "' and " + item.severity() + " here", accepted));
            } else {
                seen.stream().filter(other -> other.phase() == item.phase()
                        && (same == other || alike(other.title(), item.title()))).findFirst()
                        .ifPresent(other -> findings.add(finding(Rule.DUPLICATE, item, other.key(),
                                "says what '" + other.key() + "' says (“" + other.title() + "”): merge them or tell them apart",
                                accepted)));
            }
            seen.add(item);
            if (item.phase() == Phase.BEFORE_GO_LIVE && (AFTER_LAUNCH.matcher(item.title()).find()
                    || AFTER_LAUNCH.matcher(section.title()).find())) {
                findings.add(finding(Rule.AFTER_LAUNCH_WORDING, item, null, "worded for after the launch but counted "
                        + "before go-live: give it the phase after launch (with its window) or ongoing", accepted));
            }
            String words = item.title() + " " + (item.guidance() == null ? "" : item.guidance());
            if (item.recurrenceDays() == null && LOOSE_CADENCE.matcher(words).find()) {
                findings.add(finding(Rule.NO_CADENCE, item, null, "asks for it to be done regularly but has no cadence: "
                        + "set recurrenceDays", accepted));
            }
            if (item.satisfiedBy() == SatisfiedBy.RUNBOOK) {
                runbookGuidance(item, runbooks, accepted).ifPresent(findings::add);
            }
        }));
        return List.copyOf(findings);
    }

    /** How many findings the template has not accepted. */
    public static long open(List<Finding> findings) {
        return findings.stream().filter(f -> !f.accepted()).count();
    }

    /**
     * A runbook item's guidance that describes the runbook's sections must name every section and
     * part the check asks for, and must not ask for sections the check does not require.
     */
    private static Optional<Finding> runbookGuidance(TemplateContent.Item item, RunbookOutline runbooks,
            Map<String, String> accepted) {
        String guidance = item.guidance() == null ? "" : item.guidance().toLowerCase(Locale.ROOT);
        Map<String, List<String>> required = runbooks.required();
        boolean describes = required.keySet().stream().anyMatch(s -> guidance.contains(s.toLowerCase(Locale.ROOT)));
        if (!describes) {
            return Optional.empty();
        }
        List<String> unnamed = new ArrayList<>();
        required.forEach((section, parts) -> {
            if (!guidance.contains(section.toLowerCase(Locale.ROOT))) {
                unnamed.add(section);
            }
            parts.stream().filter(p -> !guidance.contains(p.toLowerCase(Locale.ROOT).replaceAll("s$", "")))
                    .forEach(unnamed::add);
        });
        List<String> extra = runbooks.offered().stream().filter(s -> guidance.contains(s.toLowerCase(Locale.ROOT)))
                .toList();
        if (unnamed.isEmpty() && extra.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(finding(Rule.RUNBOOK_GUIDANCE, item, null, "the guidance describes a different "
                + "runbook than the check asks for" + (unnamed.isEmpty() ? "" : "; it does not name "
                        + String.join(", ", unnamed)) + (extra.isEmpty() ? "" : "; it asks for "
                                + String.join(", ", extra) + ", which the check does not require"), accepted));
    }

    /** Whether two titles say the same: the same words once small words and word endings are set aside. */
    static boolean alike(String a, String b) {
        Set<String> x = stems(a);
        Set<String> y = stems(b);
        if (x.size() < 3 || y.size() < 3) {
            return x.equals(y) && !x.isEmpty();
        }
        Set<String> both = new HashSet<>(x);
        both.retainAll(y);
        Set<String> either = new HashSet<>(x);
        either.addAll(y);
        return both.size() * 5 >= either.size() * 4;
    }

    private static Set<String> stems(String title) {
        return Arrays.stream(title.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")).filter(w -> !w.isEmpty())
                .filter(w -> !SMALL_WORDS.contains(w)).map(w -> w.replaceAll("(ing|ed|es|s)$", ""))
                .collect(Collectors.toSet());
    }

    private static String normalised(String title) {
        return title == null ? "" : title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").strip();
    }

    private static Finding finding(Rule rule, TemplateContent.Item item, String other, String message,
            Map<String, String> accepted) {
        return new Finding(rule, item.key(), other, message, accepted.get(rule.key() + " " + item.key()));
    }

    /** The findings the template accepts, as "rule item" → why. */
    private static Map<String, String> exceptions(TemplateContent content) {
        Map<String, String> accepted = new LinkedHashMap<>();
        if (content.facts().get(EXCEPTIONS) instanceof List<?> list) {
            for (Object entry : list) {
                if (entry instanceof Map<?, ?> map && map.get("rule") != null && map.get("item") != null) {
                    accepted.put(map.get("rule") + " " + map.get("item"), String.valueOf(map.get("why")));
                }
            }
        }
        return accepted;
    }
}
