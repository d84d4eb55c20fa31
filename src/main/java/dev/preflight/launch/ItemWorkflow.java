package dev.preflight.launch;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.quarkus.security.ForbiddenException;

import dev.preflight.audit.AuditLog;
import dev.preflight.identity.Access;
import dev.preflight.identity.Caller;
import dev.preflight.identity.User;
import dev.preflight.platform.api.InputValidator;
import dev.preflight.platform.api.Versions;
import dev.preflight.platform.problems.ProblemException;
import dev.preflight.platform.text.Text;
import dev.preflight.template.Evidence;
import dev.preflight.template.SignOff;
import dev.preflight.service.ServiceRecoveryChanged;
import dev.preflight.template.Phase;

/**
 * Records what people and scripts do to launch items: done with evidence, sign-off, not
 * applicable, blocked, waived, reopened, assigned, given a due date, commented. Each accepted
 * change appends one history event and one audit event; a change that changes nothing appends
 * neither. An item is locked while it changes, so two writers never overwrite each other: the
 * second one's version no longer matches.
 */
@ApplicationScoped
public class ItemWorkflow {

    private static final int MAX_WAIVER_DAYS = 366;

    private final InputValidator validator;
    private final Access access;
    private final LaunchRights.Rules rules;
    private final AuditLog audit;
    private final LinkedEvidence linked;
    private final LaunchSummaries summaries;
    private final LaunchWorkflow launches;
    private final Event<ServiceRecoveryChanged> postureChanged;

    public ItemWorkflow(InputValidator validator, Access access, LaunchRights.Rules rules, AuditLog audit,
            LinkedEvidence linked, LaunchSummaries summaries, LaunchWorkflow launches,
            Event<ServiceRecoveryChanged> postureChanged) {
        this.postureChanged = postureChanged;
        this.launches = launches;
        this.rules = rules;
        this.validator = validator;
        this.access = access;
        this.audit = audit;
        this.linked = linked;
        this.summaries = summaries;
    }

    /**
     * Changes one item. With {@code replace} the change is the item's whole new state (PUT);
     * otherwise what it leaves out stays (PATCH).
     */
    @Transactional
    public LaunchViews.Item change(long launchId, String key, ItemChange change, Long expectedVersion, boolean replace) {
        Launch launch = LaunchWorkflow.forItemWork(launchId);
        Caller caller = access.requireLaunchWork(launch.service.team);
        LaunchRights rights = rules.of(launch);
        LaunchItem item = LaunchItem.current(launch, key, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProblemException.notFound("Launch " + launchId + " has no item '" + key + "'."));
        linked.attach(launch.service, List.of(item));
        Instant now = Instant.now();
        LocalDate today = LocalDate.now();
        checkVersion(item, expectedVersion, now, today);
        InputValidator.Errors errors = validator.check(change);
        if (replace && change.status() == null) {
            errors.add("status", "is required: open, done, not_applicable, blocked or waived").throwIfAny();
        }
        Target target = target(item, replace ? change.asReplacement() : change, rights, "", errors, now, today);
        errors.throwIfAny();
        ItemStanding before = ItemStanding.of(item, now, today);
        if (apply(launch, item, target, caller, rights, now, today)) {
            summaries.changed(launch, item, before, ItemStanding.of(item, now, today), now);
            launches.closeWhenAfterLaunchResolved(launch, caller, now);
            dutiesChanged(launch, List.of(item));
        }
        return LaunchViews.Item.of(item, now, today);
    }

    /** Changes many items in one transaction: all of them, or none when any change is refused. */
    @Transactional
    public LaunchViews.BulkResult changeAll(long launchId, BulkItemChange bulk) {
        Launch launch = LaunchWorkflow.forItemWork(launchId);
        Caller caller = access.requireLaunchWork(launch.service.team);
        LaunchRights rights = rules.of(launch);
        InputValidator.Errors errors = validator.check(bulk);
        errors.throwIfAny();
        Instant now = Instant.now();
        LocalDate today = LocalDate.now();
        Map<String, LaunchItem> items = new LinkedHashMap<>();
        LaunchItem.lockedOf(launch).forEach(i -> items.put(i.key, i));
        linked.attach(launch.service, items.values());
        List<LaunchViews.Item> stale = bulk.items().entrySet().stream()
                .filter(e -> e.getValue() != null && e.getValue().version() != null && items.containsKey(e.getKey())
                        && e.getValue().version() != items.get(e.getKey()).version)
                .map(e -> LaunchViews.Item.of(items.get(e.getKey()), now, today)).toList();
        if (!stale.isEmpty()) {
            throw ProblemException.staleVersion(stale.size() + (stale.size() == 1 ? " item" : " items")
                    + " changed since the versions sent were read: "
                    + stale.stream().map(LaunchViews.Item::key).collect(Collectors.joining(", "))
                    + ". Nothing was changed; read them again and re-apply.").with("current", stale);
        }
        Map<LaunchItem, Target> targets = new LinkedHashMap<>();
        bulk.items().forEach((key, change) -> {
            String prefix = "items." + key + ".";
            LaunchItem item = items.get(key);
            if (item == null) {
                errors.add("items." + key, "the launch has no item with this key");
            } else if (change == null) {
                errors.add("items." + key, "is required: the change to make, such as {\"status\": \"done\"}");
            } else {
                validator.check(change, prefix, errors);
                targets.put(item, target(item, change, rights, prefix, errors, now, today));
            }
        });
        errors.throwIfAny();
        int changed = 0;
        for (Map.Entry<LaunchItem, Target> entry : targets.entrySet()) {
            changed += apply(launch, entry.getKey(), entry.getValue(), caller, rights, now, today) ? 1 : 0;
        }
        if (changed > 0) {
            summaries.rebuild(launch, now);
            launches.closeWhenAfterLaunchResolved(launch, caller, now);
            dutiesChanged(launch, targets.keySet());
        }
        List<LaunchViews.Item> views = new ArrayList<>();
        targets.keySet().forEach(i -> views.add(LaunchViews.Item.of(i, now, today)));
        Readiness readiness = Readiness.of(new ArrayList<>(items.values()), now, today);
        return new LaunchViews.BulkResult(changed, targets.size() - changed, views, LaunchViews.Progress.of(readiness));
    }

    /** A standing duty of a live launch changed: the service's posture on the board is worked out again. */
    private void dutiesChanged(Launch launch, Collection<LaunchItem> changed) {
        if (launch.state.reviewOver() && changed.stream().anyMatch(i -> i.phase == Phase.ONGOING)) {
            postureChanged.fire(new ServiceRecoveryChanged(launch.service.id, launch.service.slug));
        }
    }

    private static void checkVersion(LaunchItem item, Long expected, Instant now, LocalDate today) {
        try {
            Versions.check("The item '" + item.key + "'", item.version, expected);
        } catch (ProblemException stale) {
            throw stale.with("current", LaunchViews.Item.of(item, now, today));
        }
    }

    /** The state an item is to have after a change: everything checked, nothing changed yet. */
    private record Target(ItemStatus status, String link, String note, String reason, boolean signed,
            boolean verifiedAgain, ItemChange.WaiverInput waiver, User assignee, LocalDate dueDate, String comment) {
    }

    private Target target(LaunchItem item, ItemChange change, LaunchRights rights, String prefix,
            InputValidator.Errors errors, Instant now, LocalDate today) {
        LaunchViews.Item view = LaunchViews.Item.of(item, now, today);
        ItemStatus status = change.status() != null ? change.status() : item.status;
        if (change.status() == ItemStatus.DONE && !check(ItemAction.DONE, view, status, rights, prefix, errors)) {
            errors.throwIfAny();
        }
        String link = merged(item.evidenceLink, change.evidenceLink());
        String note = merged(item.evidenceNote, change.evidenceNote());
        String reason = merged(item.reason, change.reason());
        if (status != ItemStatus.DONE) {
            refuseGiven(change.evidenceLink(), prefix + "evidenceLink", "only a done item has evidence: send status done with it", errors);
            refuseGiven(change.evidenceNote(), prefix + "evidenceNote", "only a done item has evidence: send status done with it", errors);
            link = null;
            note = null;
        } else {
            if (item.evidence == Evidence.LINK && link == null && !errors.has(prefix + "evidenceLink")) {
                errors.add(prefix + "evidenceLink", "is required: this item needs a link to its evidence to be done");
            }
            if (item.evidence == Evidence.NOTE && note == null) {
                errors.add(prefix + "evidenceNote", "is required: this item needs a note on its evidence to be done");
            }
        }
        if (status == ItemStatus.NOT_APPLICABLE && (item.status != status || !Objects.equals(reason, item.reason))) {
            check(ItemAction.NOT_APPLICABLE, view, status, rights, prefix, errors);
        }
        if (status == ItemStatus.BLOCKED && item.status != status) {
            check(ItemAction.BLOCKED, view, status, rights, prefix, errors);
        }
        if (status == ItemStatus.OPEN && item.status != status) {
            check(ItemAction.REOPEN, view, status, rights, prefix, errors);
        }
        if (status == ItemStatus.NOT_APPLICABLE || status == ItemStatus.BLOCKED) {
            if (reason == null) {
                errors.add(prefix + "reason", "is required: say why the item is "
                        + (status == ItemStatus.BLOCKED ? "blocked" : "not applicable"));
            }
        } else {
            refuseGiven(change.reason(), prefix + "reason", "only a not applicable or blocked item has a reason", errors);
            reason = null;
        }
        ItemChange.WaiverInput waiver = waiver(item, view, change, status, rights, prefix, errors, today);
        boolean evidenceChanged = item.status == ItemStatus.DONE && status == ItemStatus.DONE
                && (!Objects.equals(link, item.evidenceLink) || !Objects.equals(note, item.evidenceNote));
        boolean verifiedAgain = status == ItemStatus.DONE && item.status == ItemStatus.DONE && (evidenceChanged
                || change.status() == ItemStatus.DONE && view.condition() == ItemCondition.STALE);
        boolean signed = signed(item, view, change, status, rights, evidenceChanged || verifiedAgain, prefix, errors);
        User assignee = item.assignee;
        if (change.assignee() != null) {
            assignee = assignee(change.assignee(), prefix, errors);
            if (!Objects.equals(userId(assignee), userId(item.assignee))) {
                check(ItemAction.ASSIGN, view, status, rights, prefix, errors);
            }
        }
        LocalDate dueDate = change.dueDate() == null ? item.dueDate : errors.date(prefix + "dueDate", change.dueDate());
        if (!Objects.equals(dueDate, item.dueDate)) {
            check(ItemAction.DUE, view, status, rights, prefix, errors);
        }
        String comment = Text.blankToNull(change.comment());
        if (comment != null) {
            check(ItemAction.COMMENT, view, status, rights, prefix, errors);
        }
        return new Target(status, link, note, reason, signed, verifiedAgain, waiver, assignee, dueDate, comment);
    }

    /**
     * Refuses an action the caller may not take: 403 for a rule about who, otherwise an error on its
     * field; true when the action is allowed.
     */
    private static boolean check(ItemAction action, LaunchViews.Item view, ItemStatus status, LaunchRights rights,
            String prefix, InputValidator.Errors errors) {
        Optional<ItemAction.Refusal> refusal = action.refusal(view, status, rights);
        if (refusal.isPresent() && refusal.get().forbidden()) {
            throw new ForbiddenException(refusal.get().message());
        }
        if (refusal.isPresent() && refusal.get().conflict()) {
            throw ProblemException.conflict(refusal.get().message());
        }
        refusal.ifPresent(r -> errors.add(prefix + r.field(), r.message()));
        return refusal.isEmpty();
    }

    /**
     * Whether the item will carry a sign-off: approvers sign off (or withdraw), and new evidence or a
     * new verification resets it (unless an approver made it).
     */
    private static boolean signed(LaunchItem item, LaunchViews.Item view, ItemChange change, ItemStatus status,
            LaunchRights rights, boolean evidenceChanged, String prefix, InputValidator.Errors errors) {
        boolean signedNow = item.signedOffAt != null;
        if (Boolean.TRUE.equals(change.signOff()) && !signedNow) {
            check(ItemAction.SIGN_OFF, view, status, rights, prefix, errors);
        }
        if (Boolean.FALSE.equals(change.signOff()) && signedNow) {
            check(ItemAction.WITHDRAW_SIGN_OFF, view, status, rights, prefix, errors);
        }
        if (item.satisfiedBy != null && item.signOff == SignOff.APPROVER
                && (status == ItemStatus.OPEN || status == ItemStatus.DONE)) {
            return change.signOff() != null ? change.signOff() : signedNow;
        }
        if (status != ItemStatus.DONE || item.signOff != SignOff.APPROVER) {
            return false;
        }
        if (change.signOff() != null) {
            return change.signOff();
        }
        if (item.status != ItemStatus.DONE || evidenceChanged) {
            return rights.approve() && rights.signsFor(item.signOffGroup) && !rights.fourEyes();
        }
        return signedNow;
    }

    private static ItemChange.WaiverInput waiver(LaunchItem item, LaunchViews.Item view, ItemChange change,
            ItemStatus status, LaunchRights rights, String prefix, InputValidator.Errors errors, LocalDate today) {
        if (status != ItemStatus.WAIVED) {
            if (change.waiver() != null) {
                errors.add(prefix + "waiver", "only a waived item has a waiver: send status waived with it");
            }
            return null;
        }
        ItemChange.WaiverInput current = item.status == ItemStatus.WAIVED ? new ItemChange.WaiverInput(
                item.waiverReason, item.waiverRiskOwner, item.waiverControl, item.waiverExpires) : null;
        if (change.waiver() == null && current != null) {
            return current;
        }
        check(ItemAction.WAIVE, view, status, rights, prefix, errors);
        ItemChange.WaiverInput given = change.waiver() == null ? new ItemChange.WaiverInput(null, null, null, null)
                : change.waiver();
        ItemChange.WaiverInput merged = new ItemChange.WaiverInput(
                merged(current == null ? null : current.reason(), given.reason()),
                merged(current == null ? null : current.riskOwner(), given.riskOwner()),
                merged(current == null ? null : current.compensatingControl(), given.compensatingControl()),
                given.expiresOn() != null ? given.expiresOn() : current == null ? null : current.expiresOn());
        String field = prefix + "waiver.";
        if (merged.reason() == null) {
            errors.add(field + "reason", "is required: why the item may stay undone");
        }
        if (merged.riskOwner() == null) {
            errors.add(field + "riskOwner", "is required: who carries the risk");
        }
        if (merged.compensatingControl() == null) {
            errors.add(field + "compensatingControl", "is required: what limits the risk meanwhile");
        }
        if (merged.expiresOn() == null) {
            errors.add(field + "expiresOn", "is required: the date the waiver ends (YYYY-MM-DD)");
        } else if (!merged.expiresOn().isAfter(today) || merged.expiresOn().isAfter(today.plusDays(MAX_WAIVER_DAYS))) {
            errors.add(field + "expiresOn", "must be after today and at most " + MAX_WAIVER_DAYS + " days ahead");
        }
        return merged;
    }

    private static User assignee(String username, String prefix, InputValidator.Errors errors) {
        if (username.isBlank()) {
            return null;
        }
        return User.findByUsername(username.trim()).filter(u -> u.enabled).orElseGet(() -> {
            errors.add(prefix + "assignee", "there is no active user '" + username.trim() + "'");
            return null;
        });
    }


    /** Applies a checked change; false when it changed nothing (then nothing is recorded). */
    private boolean apply(Launch launch, LaunchItem item, Target target, Caller caller, LaunchRights rights,
            Instant now, LocalDate today) {
        ItemStatus from = item.status;
        boolean statusChanged = from != target.status();
        boolean evidenceChanged = !Objects.equals(item.evidenceLink, target.link())
                || !Objects.equals(item.evidenceNote, target.note());
        boolean wasSigned = item.signedOffAt != null;
        boolean signChanged = wasSigned != target.signed();
        boolean reasonChanged = !Objects.equals(item.reason, target.reason());
        boolean waiverChanged = !Objects.equals(currentWaiver(item), target.waiver());
        Map<String, Object> details = new LinkedHashMap<>();
        if (!Objects.equals(userId(item.assignee), userId(target.assignee()))) {
            details.put("assignee", change(item.assignee == null ? null : item.assignee.username,
                    target.assignee() == null ? null : target.assignee().username));
        }
        if (!Objects.equals(item.dueDate, target.dueDate())) {
            details.put("dueDate", change(item.dueDate, target.dueDate()));
        }
        boolean anything = statusChanged || evidenceChanged || signChanged || reasonChanged || waiverChanged
                || target.verifiedAgain() || !details.isEmpty();
        if (!anything && target.comment() == null) {
            return false;
        }
        LaunchViews.Item before = LaunchViews.Item.of(item, now, today);
        HistoryAction action = action(statusChanged, target, signChanged, evidenceChanged, reasonChanged, waiverChanged,
                details);
        if (wasSigned && !target.signed() && evidenceChanged && !statusChanged) {
            details.put("signOffReset", true);
        }
        if (target.reason() != null && (statusChanged || reasonChanged)) {
            details.put("reason", target.reason());
        }
        if (signChanged && target.signed() && item.signOffGroup != null) {
            details.put("signedFor", item.signOffGroup);
            if (!rights.memberOf(item.signOffGroup)) {
                details.put("asAdmin", true);
            }
        }
        if (target.waiver() != null && waiverChanged) {
            details.put("waiver", Map.of("reason", target.waiver().reason(), "riskOwner", target.waiver().riskOwner(),
                    "compensatingControl", target.waiver().compensatingControl(),
                    "expiresOn", target.waiver().expiresOn().toString()));
        }
        write(item, target, caller, rights.approve(), now, statusChanged || target.verifiedAgain(), waiverChanged);
        new HistoryEntry(launch, item, action).status(statusChanged ? from : null, statusChanged ? target.status() : null)
                .evidence(statusChanged || evidenceChanged ? target.link() : null,
                        statusChanged || evidenceChanged ? target.note() : null)
                .comment(target.comment()).details(details).append(caller, now);
        LaunchItem.flush();
        audit.record("launch.item." + action, "launch_item", launch.id + "/" + item.key, before,
                LaunchViews.Item.of(item, now, today));
        return true;
    }

    private static HistoryAction action(boolean statusChanged, Target target, boolean signChanged, boolean evidenceChanged,
            boolean reasonChanged, boolean waiverChanged, Map<String, Object> details) {
        if (statusChanged) {
            return HistoryAction.statusSet(target.status());
        }
        if (evidenceChanged) {
            return HistoryAction.EVIDENCE_CHANGED;
        }
        if (signChanged) {
            return target.signed() ? HistoryAction.SIGNED_OFF : HistoryAction.SIGN_OFF_WITHDRAWN;
        }
        if (target.verifiedAgain()) {
            return HistoryAction.VERIFIED_AGAIN;
        }
        if (reasonChanged) {
            return HistoryAction.REASON_CHANGED;
        }
        if (waiverChanged) {
            return HistoryAction.WAIVER_CHANGED;
        }
        if (details.containsKey("assignee")) {
            return HistoryAction.ASSIGNED;
        }
        if (details.containsKey("dueDate")) {
            return HistoryAction.DUE_DATE_SET;
        }
        return HistoryAction.COMMENTED;
    }

    private static void write(LaunchItem item, Target target, Caller caller, boolean approver, Instant now,
            boolean doneAgain, boolean waiverChanged) {
        item.status = target.status();
        item.evidenceLink = target.link();
        item.evidenceNote = target.note();
        item.reason = target.reason();
        item.assignee = target.assignee();
        item.dueDate = target.dueDate();
        if (target.status() != ItemStatus.DONE) {
            item.doneBy = null;
            item.doneAt = null;
        } else if (doneAgain) {
            item.doneBy = caller.username();
            item.doneAt = now;
        }
        if (!target.signed()) {
            item.signedOffBy = null;
            item.signedOffAt = null;
        } else if (approver && (item.signedOffAt == null || doneAgain)) {
            item.signedOffBy = caller.username();
            item.signedOffAt = now;
        }
        ItemChange.WaiverInput waiver = target.waiver();
        if (waiverChanged) {
            item.waivedBy = waiver == null ? null : caller.username();
            item.waivedAt = waiver == null ? null : now;
        }
        item.waiverReason = waiver == null ? null : waiver.reason();
        item.waiverRiskOwner = waiver == null ? null : waiver.riskOwner();
        item.waiverControl = waiver == null ? null : waiver.compensatingControl();
        item.waiverExpires = waiver == null ? null : waiver.expiresOn();
    }

    private static ItemChange.WaiverInput currentWaiver(LaunchItem item) {
        return item.status != ItemStatus.WAIVED ? null : new ItemChange.WaiverInput(item.waiverReason,
                item.waiverRiskOwner, item.waiverControl, item.waiverExpires);
    }

    private static Long userId(User user) {
        return user == null ? null : user.id;
    }

    private static Map<String, Object> change(Object from, Object to) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("from", from == null ? null : from.toString());
        change.put("to", to == null ? null : to.toString());
        return change;
    }

    /** A PATCH value over a stored one: null keeps it, blank clears it, anything else (trimmed) replaces it. */
    private static String merged(String stored, String given) {
        if (given == null) {
            return stored;
        }
        return given.isBlank() ? null : given.trim();
    }

    private static void refuseGiven(String value, String field, String message, InputValidator.Errors errors) {
        if (value != null && !value.isBlank()) {
            errors.add(field, message);
        }
    }
}
