package dev.preflight.launch;

import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.hibernate.FlushMode;
import org.hibernate.Session;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;

import dev.preflight.platform.db.Sql;

/**
 * Keeps each launch's readiness as the board reads it ({@code launch_summary}, and per section
 * {@code launch_section_summary}): counted in full when a launch opens, is upgraded or its recovery
 * data changes, and moved by the difference an item change makes otherwise, in the transaction of
 * the change. Time changes some counts without any write (an item going stale, a waiver ending);
 * each row says when that next happens, and rows past that moment are counted again before the
 * board shows them. Team roll-ups follow these rows by database triggers.
 */
@ApplicationScoped
public class LaunchSummaries {

    private static final Logger LOG = Logger.getLogger(LaunchSummaries.class);
    private static final int BATCH = 50;
    /** Batches between two analyses of the summary tables while the board is counted. */
    private static final int ANALYZE_EVERY = 40;

    private final LinkedEvidence linked;
    private final Sql sql;
    private final EntityManager em;
    private final ZoneId zone = ZoneId.systemDefault();

    public LaunchSummaries(LinkedEvidence linked, Sql sql, EntityManager em) {
        this.linked = linked;
        this.sql = sql;
        this.em = em;
    }

    /** The sums a launch's summary row keeps of its items (or a change to them, when negative). */
    record Counts(int items, int required, int resolved, int openBlockers, int missingSignOffs, int awaitingSignOff,
            int stale, int overdue, int waivers) {

        static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0, 0, 0, 0);

        /** What one item in the standing adds. */
        static Counts of(ItemStanding standing) {
            return new Counts(1, one(standing.required()), one(standing.resolvedRequired()),
                    one(standing.openBlocker()), one(standing.missingSignOff()), one(standing.awaitingSignOff()),
                    one(standing.stale()), one(standing.overdue()), one(standing.waiver()));
        }

        Counts plus(Counts other) {
            return new Counts(items + other.items, required + other.required, resolved + other.resolved,
                    openBlockers + other.openBlockers, missingSignOffs + other.missingSignOffs,
                    awaitingSignOff + other.awaitingSignOff, stale + other.stale, overdue + other.overdue,
                    waivers + other.waivers);
        }

        Counts minus(Counts other) {
            return plus(new Counts(-other.items, -other.required, -other.resolved, -other.openBlockers,
                    -other.missingSignOffs, -other.awaitingSignOff, -other.stale, -other.overdue, -other.waivers));
        }

        private static int one(boolean counted) {
            return counted ? 1 : 0;
        }
    }

    /** The sums of one launch's items, overall and per section, and when time next changes them. */
    static final class Tally {
        Counts totals = Counts.NONE;
        final Map<String, Counts> sections = new LinkedHashMap<>();
        final Map<String, String> titles = new LinkedHashMap<>();
        Instant validUntil;

        void add(LaunchItem item, ItemStanding standing, Instant next) {
            Counts counts = Counts.of(standing);
            totals = totals.plus(counts);
            titles.putIfAbsent(item.sectionKey, item.sectionTitle);
            sections.merge(item.sectionKey, counts, Counts::plus);
            if (next != null && (validUntil == null || next.isBefore(validUntil))) {
                validUntil = next;
            }
        }
    }

    /** Counts the launch's items anew and stores the sums, in the current transaction. */
    void rebuild(Launch launch, Instant now) {
        lock(launch.id);
        List<LaunchItem> items = LaunchItem.of(launch);
        store(List.of(count(launch, items, now)), now, false);
    }

    /** A launch and the sums of its items. */
    private record Counted(Launch launch, Tally tally) {
    }

    private Counted count(Launch launch, List<LaunchItem> items, Instant now) {
        linked.attach(launch.service, items);
        return tally(launch, items, now);
    }

    /** The sums of items whose linked evidence is attached. */
    private Counted tally(Launch launch, List<LaunchItem> items, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, zone);
        Tally tally = new Tally();
        for (LaunchItem item : items) {
            tally.add(item, ItemStanding.of(item, now, today), ItemStanding.nextChange(item, now, zone));
        }
        return new Counted(launch, tally);
    }

    private void lock(long launchId) {
        sql.inTransaction(c -> Sql.first(c, "SELECT 1 FROM launch_summary WHERE launch_id = ? FOR UPDATE",
                r -> 1, launchId));
    }

    /**
     * Writes the sums. {@code first} says the launches have no rows yet (the board's counting): their
     * sections have none to clear either.
     */
    private void store(List<Counted> counted, Instant now, boolean first) {
        sql.inTransaction(c -> {
            try (PreparedStatement upsert = c.prepareStatement("""
                    INSERT INTO launch_summary (launch_id, service_id, team_id, tier, template_id, state, active,
                        target_date, items, required, resolved, open_blockers, missing_sign_offs, awaiting_sign_off,
                        stale, overdue, waivers, valid_until, computed_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::timestamptz, ?)
                    ON CONFLICT (launch_id) DO UPDATE SET service_id = EXCLUDED.service_id,
                        team_id = EXCLUDED.team_id, tier = EXCLUDED.tier, template_id = EXCLUDED.template_id,
                        state = EXCLUDED.state,
                        active = EXCLUDED.active, target_date = EXCLUDED.target_date, items = EXCLUDED.items,
                        required = EXCLUDED.required, resolved = EXCLUDED.resolved,
                        open_blockers = EXCLUDED.open_blockers, missing_sign_offs = EXCLUDED.missing_sign_offs,
                        awaiting_sign_off = EXCLUDED.awaiting_sign_off, stale = EXCLUDED.stale,
                        overdue = EXCLUDED.overdue, waivers = EXCLUDED.waivers, valid_until = EXCLUDED.valid_until,
                        computed_at = EXCLUDED.computed_at
                    """);
                    PreparedStatement clear = c.prepareStatement("DELETE FROM launch_section_summary WHERE launch_id = ?");
                    PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO launch_section_summary (launch_id, section_key, position, title, items, required, resolved)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
                for (Counted one : counted) {
                    Launch launch = one.launch();
                    Tally tally = one.tally();
                    Counts t = tally.totals;
                    Sql.bind(upsert, launch.id, launch.service.id, launch.service.team.id, launch.service.tier,
                            launch.templateVersion.template.id, launch.state, !launch.state.reviewOver(),
                            launch.targetDate, t.items(), t.required(), t.resolved(), t.openBlockers(),
                            t.missingSignOffs(), t.awaitingSignOff(), t.stale(), t.overdue(), t.waivers(),
                            tally.validUntil, now);
                    upsert.addBatch();
                    if (!first) {
                        Sql.bind(clear, launch.id);
                        clear.addBatch();
                    }
                    int position = 0;
                    for (Map.Entry<String, Counts> section : tally.sections.entrySet()) {
                        Counts n = section.getValue();
                        Sql.bind(insert, launch.id, section.getKey(), position++,
                                tally.titles.get(section.getKey()), n.items(), n.required(), n.resolved());
                        insert.addBatch();
                    }
                }
                upsert.executeBatch();
                if (!first) {
                    clear.executeBatch();
                }
                insert.executeBatch();
            }
            return null;
        });
    }

    /**
     * Moves the launch's sums by what one item's change made of it, in the transaction of the change.
     * When the stored sums are past their moment, missing, or would leave their bounds (data changed
     * behind Preflight's back), they are counted anew instead.
     */
    void changed(Launch launch, LaunchItem item, ItemStanding before, ItemStanding after, Instant now) {
        Counts delta = Counts.of(after).minus(Counts.of(before));
        Instant next = ItemStanding.nextChange(item, now, zone);
        if (delta.equals(Counts.NONE) && next == null) {
            return;
        }
        int sectionResolved = delta.resolved();
        // The launch's row and its section's in one round trip: the section moves only when the
        // launch's row could (a row that time has overtaken is counted anew instead).
        boolean applied = sql.inTransaction(c -> Sql.first(c, """
                WITH launch_row AS (
                    UPDATE launch_summary SET resolved = resolved + ?, open_blockers = open_blockers + ?,
                        missing_sign_offs = missing_sign_offs + ?, awaiting_sign_off = awaiting_sign_off + ?,
                        stale = stale + ?, overdue = overdue + ?, waivers = waivers + ?,
                        valid_until = LEAST(valid_until, ?::timestamptz)
                    WHERE launch_id = ? AND (valid_until IS NULL OR valid_until > ?) AND resolved + ? BETWEEN 0 AND required
                        AND open_blockers + ? >= 0 AND missing_sign_offs + ? >= 0 AND awaiting_sign_off + ? >= 0
                        AND stale + ? >= 0 AND overdue + ? >= 0 AND waivers + ? >= 0
                    RETURNING launch_id),
                section_row AS (
                    UPDATE launch_section_summary SET resolved = resolved + ?
                    WHERE ? <> 0 AND launch_id IN (SELECT launch_id FROM launch_row) AND section_key = ?)
                SELECT count(*) FROM launch_row""", r -> r.getInt(1) == 1,
                delta.resolved(), delta.openBlockers(), delta.missingSignOffs(), delta.awaitingSignOff(),
                delta.stale(), delta.overdue(), delta.waivers(), next, launch.id, now, delta.resolved(),
                delta.openBlockers(), delta.missingSignOffs(), delta.awaitingSignOff(), delta.stale(),
                delta.overdue(), delta.waivers(), sectionResolved, sectionResolved, item.sectionKey));
        if (!applied) {
            rebuild(launch, now);
        }
    }

    /** Counts anew the running launches of the service that have items following its recovery data. */
    void recoveryDataChanged(long serviceId, Instant now) {
        List<Launch> launches = Launch.list("select distinct i.launch from LaunchItem i where i.launch.service.id = ?1 "
                + "and i.satisfiedBy is not null and i.removedAt is null and i.launch.state not in ?2", serviceId,
                LaunchState.REVIEW_OVER);
        launches.forEach(l -> rebuild(l, now));
    }

    /**
     * Counts anew the rows that time has overtaken, a batch at a time, each batch in a transaction of
     * its own; rows another transaction holds are left to it. Returns how many were counted.
     */
    public int refreshExpired(int max) {
        int done = 0;
        while (done < max) {
            Instant now = Instant.now();
            int batch = Math.min(BATCH, max - done);
            List<Long> due = sql.read(c -> Sql.list(c, "SELECT launch_id FROM launch_summary WHERE valid_until <= ? "
                    + "ORDER BY valid_until LIMIT ?", r -> r.getLong(1), now, batch));
            if (due.isEmpty()) {
                return done;
            }
            done += QuarkusTransaction.requiringNew().call(() -> {
                int counted = 0;
                for (long id : due) {
                    Long held = sql.inTransaction(c -> Sql.first(c, "SELECT launch_id FROM launch_summary "
                            + "WHERE launch_id = ? AND valid_until <= ? FOR UPDATE SKIP LOCKED", r -> r.getLong(1), id,
                            now));
                    if (held != null) {
                        recount(id, now);
                        counted++;
                    }
                }
                return counted;
            });
            if (due.size() < batch) {
                return done;
            }
        }
        return done;
    }

    /**
     * Counts one launch anew in a transaction that counts many: the entities it read are let go once
     * its sums are stored, so that each flush looks at one launch's items, not at every launch's so far.
     */
    private void recount(long launchId, Instant now) {
        rebuild(Launch.findById(launchId, LockModeType.NONE), now);
        em.clear();
    }

    /**
     * Counts the launches that have no row yet (those opened before the board existed, or all of them
     * after a restore), a batch per transaction: the batch's launches and items are read in two
     * queries (the items read-only, and nothing flushed before each query: counting changes no
     * entity), their services' recovery data in four, their sums written in three batched statements
     * with the roll-up triggers held off ({@code preflight.bulk}), and the entities read let go. The
     * team rows and the board's total are then summed once, set-based.
     */
    public int backfill() {
        List<Long> missing = sql.read(c -> Sql.list(c, "SELECT l.id FROM launch l WHERE NOT EXISTS "
                + "(SELECT 1 FROM launch_summary s WHERE s.launch_id = l.id) ORDER BY l.id", r -> r.getLong(1)));
        for (int from = 0; from < missing.size(); from += BATCH) {
            if (from % (BATCH * ANALYZE_EVERY) == BATCH) {
                // Tables that start empty (after a restore, or on the first start) are planned as
                // empty until analysed; their foreign-key checks would read them whole at every row.
                sql.read(c -> {
                    try (Statement analyze = c.createStatement()) {
                        return analyze.execute("ANALYZE launch_summary, launch_section_summary");
                    }
                });
            }
            countBatch(missing.subList(from, Math.min(from + BATCH, missing.size())));
        }
        // The batches left the team rows and the board's total alone; sum them once, also after a start
        // that stopped before this line the last time.
        QuarkusTransaction.requiringNew().run(() -> sql.inTransaction(c -> Sql.first(c, "SELECT readiness_recount()",
                r -> 1)));
        if (!missing.isEmpty()) {
            LOG.infof("Counted the readiness of %d launches for the board", missing.size());
        }
        return missing.size();
    }

    private void countBatch(List<Long> launchIds) {
        QuarkusTransaction.requiringNew().run(() -> {
            em.unwrap(Session.class).setHibernateFlushMode(FlushMode.MANUAL);
            Instant now = Instant.now();
            Map<Long, List<LaunchItem>> items = new HashMap<>();
            LaunchItem.ofLaunches(launchIds).forEach(i -> items.computeIfAbsent(i.launch.id, id -> new ArrayList<>())
                    .add(i));
            Map<Launch, List<LaunchItem>> itemsOf = new LinkedHashMap<>();
            for (Launch launch : Launch.withService(launchIds)) {
                itemsOf.put(launch, items.getOrDefault(launch.id, List.of()));
            }
            linked.attachAll(itemsOf);
            List<Counted> counted = new ArrayList<>();
            itemsOf.forEach((launch, its) -> counted.add(tally(launch, its, now)));
            sql.inTransaction(c -> Sql.first(c, "SELECT set_config('preflight.bulk', 'on', true)", r -> 1));
            store(counted, now, true);
            em.clear();
        });
    }

    /** Records the day's progress of every running launch, for its burn-up; a day already recorded stays. */
    @Transactional
    public int recordDay(LocalDate day) {
        return sql.inTransaction(c -> Sql.update(c, """
                INSERT INTO launch_progress_day (launch_id, day, required, resolved)
                SELECT launch_id, ?, required, resolved FROM launch_summary WHERE active
                ON CONFLICT (launch_id, day) DO NOTHING""", day));
    }

    /** A day's progress of a launch. */
    public record Day(LocalDate day, int required, int resolved) {
    }

    /** The launch's recorded days, oldest first. */
    public List<Day> days(long launchId) {
        return sql.read(c -> Sql.list(c, "SELECT day, required, resolved FROM launch_progress_day WHERE launch_id = ? "
                + "ORDER BY day", r -> new Day(Sql.date(r, "day"), r.getInt("required"), r.getInt("resolved")),
                launchId));
    }
}
