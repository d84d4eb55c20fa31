package dev.preflight.launch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import dev.preflight.audit.AuditLog;
import dev.preflight.identity.Access;
import dev.preflight.identity.Caller;
import dev.preflight.platform.api.Versions;
import dev.preflight.platform.problems.ProblemException;
import dev.preflight.service.ServiceTraits;
import dev.preflight.template.Applicability;
import dev.preflight.template.Template;
import dev.preflight.template.TemplateContent;
import dev.preflight.template.TemplateVersion;

/**
 * Moves a launch to the newest published version of its template: new items open, dropped items
 * leave the checklist (their history stays), the rest keep what was recorded and take the new
 * wording. The preview says beforehand what would be added, dropped and reworded.
 */
@ApplicationScoped
public class TemplateUpgrades {

    private final Access access;
    private final AuditLog audit;
    private final LaunchSummaries summaries;
    private final LaunchWorkflow launches;

    public TemplateUpgrades(Access access, AuditLog audit, LaunchSummaries summaries, LaunchWorkflow launches) {
        this.access = access;
        this.audit = audit;
        this.summaries = summaries;
        this.launches = launches;
    }

    /** The upgrade page: the launch, the caller's rights and the preview, read in one transaction. */
    public record Shown(LaunchViews.Detail launch, LaunchRights rights, LaunchViews.UpgradePreview preview) {
    }

    @Transactional
    public Shown shown(long id) {
        LaunchWorkflow.Shown launch = launches.shown(id);
        return new Shown(launch.launch(), launch.rights(), upgradePreview(id));
    }

    /** What upgrading the launch to its template's newest published version would add, drop and reword. */
    @Transactional
    public LaunchViews.UpgradePreview upgradePreview(long id) {
        return plan(LaunchWorkflow.find(id, LockModeType.NONE)).preview();
    }

    /** Upgrades the launch: new items open, dropped items leave the checklist, the rest keep state and history. */
    @Transactional
    public LaunchViews.Detail upgrade(long id, Integer toVersion, Long expectedVersion) {
        Launch launch = LaunchWorkflow.find(id, LockModeType.PESSIMISTIC_WRITE);
        Caller caller = access.requireLaunchWork(launch.service.team);
        Versions.check("The launch", launch.version, expectedVersion);
        if (launch.state.reviewOver()) {
            throw ProblemException.conflict("Launch " + id + " is " + launch.state.label() + ": its checklist no longer changes.");
        }
        UpgradePlan plan = plan(launch);
        if (plan.latest.number <= launch.templateVersion.number) {
            throw ProblemException.conflict("Launch " + id + " already uses the newest published version ("
                    + launch.templateVersion.number + ") of its template.");
        }
        if (toVersion != null && toVersion != plan.latest.number) {
            throw ProblemException.conflict("Version " + plan.latest.number + " of the template was published after "
                    + "version " + toVersion + " was previewed. Preview the upgrade again.");
        }
        if (plan.target.isEmpty()) {
            throw ProblemException.conflict("None of the items of version " + plan.latest.number
                    + " applies to tier " + launch.service.tier + ", the service's tier: the launch keeps its checklist.");
        }
        Instant now = Instant.now();
        LaunchViews.Summary before = launches.summaryOf(launch);
        Map<String, LaunchItem> all = new HashMap<>();
        LaunchItem.<LaunchItem>list("launch", launch).forEach(i -> all.put(i.key, i));
        ServiceTraits traits = ServiceTraits.of(launch.service);
        int position = 0;
        for (Map.Entry<TemplateContent.Section, TemplateContent.Item> entry : plan.target) {
            TemplateContent.Item source = entry.getValue();
            LaunchItem item = all.remove(source.key());
            boolean added = item == null || !item.current();
            if (item == null) {
                item = new LaunchItem();
                item.launch = launch;
                item.key = source.key();
            } else if (!item.current()) {
                item.reset();
            }
            item.removedAt = null;
            item.copyFrom(entry.getKey(), source, position++);
            Optional<String> because = LaunchWorkflow.leftOutBecause(source, traits);
            if (because.isPresent() ? item.status == ItemStatus.OPEN || item.leftOut : item.leftOut) {
                item.applyCondition(because);
            }
            item.persist();
            if (added) {
                LaunchItem.flush();
                new HistoryEntry(launch, item, HistoryAction.ADDED_BY_UPGRADE).status(null, item.status).append(caller, now);
            }
        }
        for (LaunchItem dropped : all.values()) {
            if (dropped.current()) {
                dropped.removedAt = now;
                new HistoryEntry(launch, dropped, HistoryAction.REMOVED_BY_UPGRADE).status(dropped.status, null).append(caller, now);
            }
        }
        int from = launch.templateVersion.number;
        launch.templateVersion = plan.latest;
        Launch.flush();
        LaunchViews.UpgradePreview preview = plan.preview();
        new HistoryEntry(launch, null, HistoryAction.UPGRADED).details(Map.of("fromVersion", from, "toVersion",
                plan.latest.number, "added", preview.added().size(), "removed", preview.removed().size(),
                "changed", preview.changed().size())).append(caller, now);
        summaries.rebuild(launch, now);
        audit.record("launch.upgrade", "launch", String.valueOf(launch.id), before, launches.summaryOf(launch));
        return launches.detail(launch);
    }

    /** The items of the newest published version that apply to the launch's service, against its current items. */
    private record UpgradePlan(Launch launch, TemplateVersion latest,
            List<Map.Entry<TemplateContent.Section, TemplateContent.Item>> target, List<LaunchItem> current) {

        LaunchViews.UpgradePreview preview() {
            Map<String, LaunchItem> byKey = new LinkedHashMap<>();
            current.forEach(i -> byKey.put(i.key, i));
            List<LaunchViews.UpgradeItem> added = new ArrayList<>();
            List<LaunchViews.UpgradeItem> changed = new ArrayList<>();
            int unchanged = 0;
            if (latest.number > launch.templateVersion.number) {
                for (Map.Entry<TemplateContent.Section, TemplateContent.Item> entry : target) {
                    TemplateContent.Item source = entry.getValue();
                    LaunchItem item = byKey.remove(source.key());
                    if (item == null) {
                        added.add(new LaunchViews.UpgradeItem(source.key(), source.title(), entry.getKey().title(), null,
                                null));
                    } else if (differs(item, entry.getKey(), source) || !whenChanges(item, source).isEmpty()) {
                        changed.add(new LaunchViews.UpgradeItem(item.key, source.title(), entry.getKey().title(),
                                item.status, whenChanges(item, source)));
                    } else {
                        unchanged++;
                    }
                }
            } else {
                unchanged = byKey.size();
                byKey.clear();
            }
            List<LaunchViews.UpgradeItem> removed = byKey.values().stream()
                    .map(i -> new LaunchViews.UpgradeItem(i.key, i.title, i.sectionTitle, i.status, null)).toList();
            return new LaunchViews.UpgradePreview(launch.templateVersion.template.slug, launch.templateVersion.number,
                    Math.max(latest.number, launch.templateVersion.number), List.copyOf(added), removed,
                    List.copyOf(changed), unchanged);
        }

        /** How the item's phase and condition change, in words ("now after launch; now only when..."); empty when neither does. */
        private String whenChanges(LaunchItem item, TemplateContent.Item source) {
            List<String> changes = new ArrayList<>();
            if (item.phase != source.phase() || !Objects.equals(item.phaseWindow, source.window())) {
                changes.add("now " + source.phase().describe(source.window()));
            }
            Applicability was = launch.templateVersion.content.item(item.key).map(TemplateContent.Item::appliesWhen)
                    .orElse(null);
            if (!Objects.equals(was, source.appliesWhen())) {
                changes.add(source.appliesWhen() == null ? "now for every service"
                        : "now only when the service " + source.appliesWhen().describe());
            }
            return String.join("; ", changes);
        }

        private static boolean differs(LaunchItem item, TemplateContent.Section section, TemplateContent.Item source) {
            return !item.title.equals(source.title()) || !item.guidance.equals(Objects.requireNonNullElse(source.guidance(), ""))
                    || item.severity != source.severity() || item.signOff != source.role()
                    || item.evidence != source.evidence() || !Objects.equals(item.recurrenceDays, source.recurrenceDays())
                    || !Objects.equals(item.signOffGroup, section.signOffGroupOf(source))
                    || item.satisfiedBy != source.satisfiedBy()
                    || !item.sectionKey.equals(section.key()) || !item.sectionTitle.equals(section.title());
        }
    }

    private static UpgradePlan plan(Launch launch) {
        Template template = launch.templateVersion.template;
        TemplateVersion latest = TemplateVersion.latestPublished(template).orElse(launch.templateVersion);
        List<Map.Entry<TemplateContent.Section, TemplateContent.Item>> target = new ArrayList<>();
        for (TemplateContent.Section section : latest.content.sections()) {
            section.items().stream().filter(i -> i.appliesTo(launch.service.tier))
                    .forEach(i -> target.add(Map.entry(section, i)));
        }
        return new UpgradePlan(launch, latest, target, LaunchItem.of(launch));
    }

}
