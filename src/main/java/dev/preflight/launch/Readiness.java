package dev.preflight.launch;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
 */
public record Readiness(int required, int resolved, int percent, List<SectionProgress> sections,
        List<Concern> openBlockers, List<Concern> missingSignOffs, List<Concern> awaitingSignOff, List<Concern> stale,
        List<Concern> overdue, List<WaiverInForce> waivers, Map<String, Integer> counts) {

    /** Progress of one section of the checklist. */
    public record SectionProgress(String key, String title, int items, int required, int resolved, int percent) {

        /** Whether every required item of the section is resolved. */
        public boolean complete() {
            return resolved >= required;
        }
    }

    /** How many sections have every required item resolved. */
    public int completeSections() {
        return (int) sections.stream().filter(SectionProgress::complete).count();
    }

    /** An item that needs attention, and why. */
    public record Concern(String key, String title, String section, ItemCondition condition, String why) {
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
        for (LaunchItem item : items) {
            ItemStanding standing = ItemStanding.of(item, now, today);
            ItemCondition condition = standing.condition();
            counts.merge(condition.key(), 1, Integer::sum);
            sectionTitles.putIfAbsent(item.sectionKey, item.sectionTitle);
            int[] section = perSection.computeIfAbsent(item.sectionKey, k -> new int[3]);
            section[0]++;
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
                missingSignOffs.add(concern(item, condition, "needs an approver's sign-off"));
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
                percent(n[2], n[1]))));
        return new Readiness(required, resolved, percent(resolved, required), List.copyOf(sections),
                List.copyOf(openBlockers), List.copyOf(missingSignOffs), List.copyOf(awaiting), List.copyOf(stale),
                List.copyOf(overdue), List.copyOf(waivers), Collections.unmodifiableMap(counts));
    }

    private static Concern concern(LaunchItem item, ItemCondition condition, String why) {
        return new Concern(item.key, item.title, item.sectionTitle, condition, why);
    }

    /** Whole percent, rounded down so that 100 means everything (and nothing required counts as 100). */
    static int percent(int part, int whole) {
        return whole == 0 ? 100 : (int) (100L * part / whole);
    }
}
