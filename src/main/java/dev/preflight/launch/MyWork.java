package dev.preflight.launch;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Parameters;

import dev.preflight.identity.Access;
import dev.preflight.identity.Caller;
import dev.preflight.identity.CurrentCaller;
import dev.preflight.platform.db.Sql;
import dev.preflight.service.Service;
import dev.preflight.template.Phase;
import dev.preflight.template.SignOff;

/**
 * A person's own work across launches: the items assigned to them that are not resolved (overdue
 * first), the items waiting for their sign-off when they approve (their teams' launches, or every
 * launch for an approver of no team), and their teams' launches due within two weeks.
 */
@ApplicationScoped
public class MyWork {

    static final int DUE_SOON_DAYS = 14;
    private static final int LIMIT = 200;
    /** Items of launches past their review still count when their phase is open: after launch, ongoing duties. */
    private static final String STILL_OPEN = """
            (l.state not in :over or (i.phase = :afterLaunch and l.state = :launched)
            or (i.phase = :ongoing and l.state in :live))""";

    /** One item of someone's work. */
    public record Item(long launch, String launchName, String service, String serviceName, String key, String title,
            ItemCondition condition, LocalDate dueDate, Instant dueAt, boolean overdue, LocalDate targetDate) {
    }

    /** One launch of their teams due soon. */
    public record DueLaunch(long id, String name, String service, String serviceName, LaunchState state,
            LocalDate targetDate, long daysLeft, int percent, int openBlockers) {

        /** How many days past its target date the launch is, 0 when it is not late. */
        public long daysLate() {
            return Math.max(0, -daysLeft);
        }
    }

    /** All of it; {@code approver} says whether sign-offs are theirs to give. */
    public record Work(List<Item> assigned, boolean approver, List<Item> toSignOff, List<DueLaunch> dueSoon) {
    }

    private final CurrentCaller caller;
    private final Access access;
    private final LinkedEvidence linked;
    private final Sql sql;

    public MyWork(CurrentCaller caller, Access access, LinkedEvidence linked, Sql sql) {
        this.caller = caller;
        this.access = access;
        this.linked = linked;
        this.sql = sql;
    }

    /** The signed-in caller's work. */
    @Transactional
    public Work of() {
        Caller me = caller.get();
        return of(me.userId(), access.mayApprove(), me.teamIds());
    }

    /** A person's work: theirs to do, theirs to sign off when {@code approver}, and their teams' launches due soon. */
    @Transactional
    public Work of(long userId, boolean approver, Set<Long> teamIds) {
        Instant now = Instant.now();
        LocalDate today = LocalDate.now();
        List<LaunchItem> assigned = LaunchItem.<LaunchItem>find("from LaunchItem i join fetch i.launch l join fetch "
                + "l.service where i.assignee.id = :user and i.removedAt is null and " + STILL_OPEN
                + " order by l.targetDate, i.position", phases().and("user", userId)).range(0, LIMIT - 1).list();
        List<LaunchItem> signing = approver ? LaunchItem.<LaunchItem>find("from LaunchItem i join fetch i.launch l "
                + "join fetch l.service s where i.signOff = :approver and i.signedOffAt is null and i.removedAt is null "
                + "and " + STILL_OPEN + " and (i.status = :done or (i.satisfiedBy is not null and i.status = :open)) "
                + "and (:anyTeam = true or s.team.id in :teams) order by l.targetDate, i.position",
                phases().and("approver", SignOff.APPROVER).and("done", ItemStatus.DONE).and("open", ItemStatus.OPEN)
                        .and("anyTeam", teamIds.isEmpty()).and("teams", teamIds.isEmpty() ? Set.of(-1L) : teamIds))
                .range(0, LIMIT - 1).list() : List.of();
        attach(assigned, signing);
        List<Item> mine = new ArrayList<>();
        for (LaunchItem item : assigned) {
            ItemCondition condition = ItemCondition.of(item, now, today);
            if (!condition.resolved()) {
                mine.add(item(item, condition, now, today));
            }
        }
        mine.sort(Comparator.comparing((Item i) -> !i.overdue()).thenComparing(Item::targetDate));
        List<Item> toSign = new ArrayList<>();
        for (LaunchItem item : signing) {
            ItemCondition condition = ItemCondition.of(item, now, today);
            if (condition == ItemCondition.AWAITING_SIGN_OFF) {
                toSign.add(item(item, condition, now, today));
            }
        }
        Long[] teams = teamIds.toArray(Long[]::new);
        List<DueLaunch> due = teams.length == 0 ? List.of() : sql.read(c -> Sql.list(c, """
                SELECT s.launch_id, l.name, v.slug, v.name AS service_name, s.state, s.target_date, s.percent,
                    s.open_blockers FROM launch_summary s JOIN launch l ON l.id = s.launch_id
                JOIN service v ON v.id = s.service_id
                WHERE s.active AND s.team_id = ANY (?) AND s.target_date <= ? ORDER BY s.target_date, s.launch_id
                LIMIT ?""", r -> {
                    LocalDate target = Sql.date(r, "target_date");
                    return new DueLaunch(r.getLong("launch_id"), r.getString("name"), r.getString("slug"),
                            r.getString("service_name"), LaunchState.valueOf(r.getString("state")), target,
                            ChronoUnit.DAYS.between(today, target), r.getInt("percent"), r.getInt("open_blockers"));
                }, c.createArrayOf("bigint", teams), today.plusDays(DUE_SOON_DAYS), LIMIT));
        return new Work(List.copyOf(mine), approver, List.copyOf(toSign), due);
    }

    private static Parameters phases() {
        return Parameters.with("over", LaunchState.REVIEW_OVER).and("afterLaunch", Phase.AFTER_LAUNCH)
                .and("launched", LaunchState.LAUNCHED).and("ongoing", Phase.ONGOING)
                .and("live", LaunchState.LIVE);
    }

    /** Attaches each service's recovery data once to the items that follow it. */
    private void attach(List<LaunchItem> first, List<LaunchItem> second) {
        Map<Service, List<LaunchItem>> byService = new LinkedHashMap<>();
        for (List<LaunchItem> items : List.of(first, second)) {
            for (LaunchItem item : items) {
                byService.computeIfAbsent(item.launch.service, k -> new ArrayList<>()).add(item);
            }
        }
        byService.forEach(linked::attach);
    }

    private static Item item(LaunchItem item, ItemCondition condition, Instant now, LocalDate today) {
        return new Item(item.launch.id, item.launch.name, item.launch.service.slug, item.launch.service.name, item.key,
                item.title, condition, item.dueDate, item.dueAt, ItemStanding.overdue(item, now, today),
                item.launch.targetDate);
    }
}
