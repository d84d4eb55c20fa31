package dev.preflight.launch;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.preflight.template.Phase;
import dev.preflight.template.Severity;

/**
 * How ready a launch is, computed from its items and never typed in: the share of required
 * (blocker and major) items resolved overall and per section, and what stands in the way.
 *
 * @param required        blocker and major items
 * @param resolved        required items done (signed off where needed, not stale), not applicable or validly waived
 * @param percent         resolved as a whole percentage of required (100 when nothing is required)
 * @param openBlockers    blocker items not resolved: each one refuses a go
 * @param missingSignOffs required items needing an approver that are not resolved: each one refuses a go
 * @param awaitingSignOff items an engineer marked done that wait for an approver
 * @param stale           done items whose recurrence ran out
 * @param overdue         unresolved items past their due date
 * @param waivers         waivers in force, with their owners and expiry
 * @param counts          items per condition (every condition's key, in order)
 * @param phases          how far the items of each later phase (go-live day, after launch, ongoing) are, in order
 */
public record Readiness(int required, int resolved, int percent, List<SectionProgress> sections,
        List<Concern> openBlockers, List<Concern> missingSignOffs, List<Concern> awaitingSignOff, List<Concern> stale,
        List<Concern> overdue, List<WaiverInForce> waivers, Map<String, Integer> counts, List<PhaseProgress> phases) {

    /**
     * The items of one phase after the review: how many, how many resolved, the open blockers (on
     * go-live day they hold back marking the launch launched), how many are overdue and the next due time.
     */
    public record PhaseProgress(Phase phase, int items, int resolved, List<Concern> openBlockers, int overdue,
            Instant nextDue) {

        public boolean complete() {
            return resolved >= items;
        }
    }

    /** The progress of one later phase, if the launch has items in it. */
    public Optional<PhaseProgress> phase(Phase phase) {
        return phases.stream().filter(p -> p.phase() == phase).findFirst();
    }

    /**
     * Progress of one section of the checklist; {@code settled} counts its items resolved whatever
     * their weight or phase, which is what a section without required items (minor items only, or
     * a later phase's) shows.
     */
    public record SectionProgress(String key, String title, int items, int required, int resolved, int percent,
            int settled) {

        /** Whether the section has items but none that count towards readiness. */
        public boolean noneRequired() {
            return required == 0 && items > 0;
        }

        /** Whether every required item of the section is resolved (every item, when none is required). */
        public boolean complete() {
            return noneRequired() ? settled >= items : resolved >= required;
        }
    }

    /** How many sections have every required item resolved. */
    public int completeSections() {
        return (int) sections.stream().filter(SectionProgress::complete).count();
    }

    /** An item that needs attention, and why; {@code signOffGroup} names the group whose sign-off it needs, if any. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Concern(String key, String title, String section, ItemCondition condition, String why,
            String signOffGroup) {
    }

    /** Sign-offs still owed to a go, by group: how many items each group (null: any approver) has to sign. */
    public record Owed(String group, int items) {
    }

    /** The sign-offs a go still waits for, grouped by the group that owes them, in order of first appearance. */
    public List<Owed> owedSignOffs() {
        Map<String, Integer> owed = new LinkedHashMap<>();
        missingSignOffs.forEach(c -> owed.merge(c.signOffGroup() == null ? "" : c.signOffGroup(), 1, Integer::sum));
        return owed.entrySet().stream().map(e -> new Owed(e.getKey().isEmpty() ? null : e.getKey(), e.getValue()))
                .toList();
    }

    public record WaiverInForce(String key, String title, String reason, String riskOwner, String compensatingControl,
            LocalDate expiresOn, String waivedBy) {
    }

    /** What refuses a go now: open blockers and missing sign-offs, each item once. */
    public List<Concern> goBlockers() {
        Map<String, Concern> blockers = new LinkedHashMap<>();
        openBlockers.forEach(c -> blockers.put(c.key(), c));
        missingSignOffs.forEach(c -> blockers.putIfAbsent(c.key(), c));
        return List.copyOf(blockers.values());
    }

    /** Keys of the required items resolved now. */
    public static Set<String> resolvedRequired(List<LaunchItem> items, Instant now, LocalDate today) {
        Set<String> keys = new LinkedHashSet<>();
        for (LaunchItem item : items) {
            if (ItemStanding.of(item, now, today).resolvedRequired()) {
                keys.add(item.key);
            }
        }
        return keys;
    }

    public static Readiness of(List<LaunchItem> items, Instant now, LocalDate today) {
        Map<String, int[]> perSection = new LinkedHashMap<>();
        Map<String, String> sectionTitles = new LinkedHashMap<>();
        List<Concern> openBlockers = new ArrayList<>();
        List<Concern> missingSignOffs = new ArrayList<>();
        List<Concern> awaiting = new ArrayList<>();
        List<Concern> stale = new ArrayList<>();
        List<Concern> overdue = new ArrayList<>();
        List<WaiverInForce> waivers = new ArrayList<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (ItemCondition condition : ItemCondition.values()) {
            counts.put(condition.key(), 0);
        }
        int required = 0;
        int resolved = 0;
        Map<Phase, PhaseTally> later = new EnumMap<>(Phase.class);
        for (LaunchItem item : items) {
            ItemStanding standing = ItemStanding.of(item, now, today);
            ItemCondition condition = standing.condition();
            if (!item.phase.gated()) {
                later.computeIfAbsent(item.phase, p -> new PhaseTally()).add(item, standing, condition);
            }
            counts.merge(condition.key(), 1, Integer::sum);
            sectionTitles.putIfAbsent(item.sectionKey, item.sectionTitle);
            int[] section = perSection.computeIfAbsent(item.sectionKey, k -> new int[4]);
            section[0]++;
            if (standing.resolved()) {
                section[3]++;
            }
            if (standing.required()) {
                required++;
                section[1]++;
            }
            if (standing.resolvedRequired()) {
                resolved++;
                section[2]++;
            }
            if (standing.waiver()) {
                waivers.add(new WaiverInForce(item.key, item.title, item.waiverReason, item.waiverRiskOwner,
                        item.waiverControl, item.waiverExpires, item.waivedBy));
            }
            if (standing.openBlocker()) {
                openBlockers.add(concern(item, condition, "blocker item is " + condition.label()));
            }
            if (standing.missingSignOff()) {
                missingSignOffs.add(concern(item, condition, item.signOffGroup == null ? "needs an approver's sign-off"
                        : "needs the sign-off of the " + item.signOffGroup + " group"));
            }
            if (standing.awaitingSignOff()) {
                awaiting.add(concern(item, condition, (item.satisfiedBy != null ? "satisfied by the "
                        + item.satisfiedBy.label() : "done by " + item.doneBy) + ", waiting for an approver"));
            }
            if (standing.stale()) {
                stale.add(concern(item, condition, "last verified " + item.doneAt + "; due again every "
                        + item.recurrenceDays + " days"));
            }
            if (standing.overdue()) {
                overdue.add(concern(item, condition, "was due on " + item.dueDate));
            }
        }
        List<SectionProgress> sections = new ArrayList<>();
        perSection.forEach((key, n) -> sections.add(new SectionProgress(key, sectionTitles.get(key), n[0], n[1], n[2],
                percent(n[2], n[1]), n[3])));
        return new Readiness(required, resolved, percent(resolved, required), List.copyOf(sections),
                List.copyOf(openBlockers), List.copyOf(missingSignOffs), List.copyOf(awaiting), List.copyOf(stale),
                List.copyOf(overdue), List.copyOf(waivers), Collections.unmodifiableMap(counts),
                later.entrySet().stream().map(e -> e.getValue().progress(e.getKey())).toList());
    }

    /** Counts the items of one later phase. */
    private static final class PhaseTally {
        int items;
        int resolved;
        int overdue;
        Instant nextDue;
        final List<Concern> openBlockers = new ArrayList<>();

        void add(LaunchItem item, ItemStanding standing, ItemCondition condition) {
            items++;
            if (standing.resolved()) {
                resolved++;
                return;
            }
            if (item.severity == Severity.BLOCKER) {
                openBlockers.add(concern(item, condition, item.phase.label() + " blocker item is " + condition.label()));
            }
            if (standing.overdue()) {
                overdue++;
            }
            if (item.dueAt != null && (nextDue == null || item.dueAt.isBefore(nextDue))) {
                nextDue = item.dueAt;
            }
        }

        PhaseProgress progress(Phase phase) {
            return new PhaseProgress(phase, items, resolved, List.copyOf(openBlockers), overdue, nextDue);
        }
    }

    private static Concern concern(LaunchItem item, ItemCondition condition, String why) {
        return new Concern(item.key, item.title, item.sectionTitle, condition, why, item.signOffGroup);
    }

    /** Whole percent, rounded down so that 100 means everything (and nothing required counts as 100). */
    static int percent(int part, int whole) {
        return whole == 0 ? 100 : (int) (100L * part / whole);
    }
}
