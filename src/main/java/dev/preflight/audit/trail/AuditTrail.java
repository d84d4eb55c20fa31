package dev.preflight.audit.trail;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import dev.preflight.identity.Access;
import dev.preflight.platform.api.InputValidator;
import dev.preflight.platform.api.Page;
import dev.preflight.platform.db.Sql;
import dev.preflight.platform.text.Text;

/**
 * Reading the audit log: events by actor, action, target and time, newest first; all of them for
 * export; and the check of its hash chain, which names the first event that no longer fits.
 * Admins only.
 */
@ApplicationScoped
public class AuditTrail {

    /** Exports stop at this many events; narrow the filter for more. */
    public static final int EXPORT_LIMIT = 100_000;
    private static final int SEAL_BATCH = 10_000;
    /** The lock audit_event_seal takes (V13): "PREF" + "AUDT". */
    private static final long CHAIN_LOCK = 0x5052454641554454L;

    /**
     * Which events: each part optional; {@code actor} and {@code action} match exactly or, ending in
     * {@code *}, by prefix; {@code from} and {@code to} are days (UTC), both included.
     */
    public record Filter(String actor, String action, String targetType, String targetId, LocalDate from, LocalDate to) {

        /** The filter from query parameters, checked: days as YYYY-MM-DD, from not after to. */
        public static Filter of(String actor, String action, String targetType, String targetId, String from,
                String to) {
            InputValidator.Errors errors = new InputValidator.Errors();
            LocalDate start = errors.date("from", from);
            LocalDate end = errors.date("to", to);
            if (start != null && end != null && start.isAfter(end)) {
                errors.add("to", "must not be before from");
            }
            errors.throwIfAny();
            return new Filter(Text.blankToNull(actor), Text.blankToNull(action), Text.blankToNull(targetType),
                    Text.blankToNull(targetId), start, end);
        }
    }

    /**
     * The chain check: how many events were checked, how many were recorded too recently to be chained
     * yet, and, when one does not fit, which and why.
     */
    public record Verification(long checked, long notYetChained, boolean intact, Long headSeq, String headHash,
            Broken firstBroken) {
    }

    /** The first event that does not fit the chain. */
    public record Broken(long seq, long id, String reason) {
    }

    private final Sql sql;
    private final Access access;

    public AuditTrail(Sql sql, Access access) {
        this.sql = sql;
        this.access = access;
    }

    /** A page of the events the filter lets through, newest first. */
    public Page<AuditView> search(Filter filter, Page.Request paging) {
        access.requireAdminRead();
        Where where = where(filter);
        return sql.read(c -> {
            long total = Sql.first(c, "SELECT count(*) FROM audit_event e" + where.sql, r -> r.getLong(1),
                    where.parameters.toArray());
            List<Object> parameters = new ArrayList<>(where.parameters);
            parameters.add(paging.size());
            parameters.add(paging.offset());
            List<AuditView> events = Sql.list(c, SELECT + where.sql + NEWEST_FIRST + " LIMIT ? OFFSET ?",
                    AuditTrail::view, parameters.toArray());
            return new Page<>(events, paging.page(), paging.size(), total);
        });
    }

    /** Every event the filter lets through (up to {@link #EXPORT_LIMIT}), newest first, read when written out. */
    @FunctionalInterface
    public interface Export {
        void each(Consumer<AuditView> each);
    }

    /** The events for an export; the caller is checked now, the events are read when the export is written. */
    public Export export(Filter filter) {
        access.requireAdminRead();
        Where where = where(filter);
        List<Object> parameters = new ArrayList<>(where.parameters);
        parameters.add(EXPORT_LIMIT);
        return each -> sql.read(c -> {
            c.setAutoCommit(false);
            try (PreparedStatement statement = c.prepareStatement(SELECT + where.sql + NEWEST_FIRST + " LIMIT ?")) {
                statement.setFetchSize(500);
                Sql.bind(statement, parameters.toArray());
                try (ResultSet r = statement.executeQuery()) {
                    while (r.next()) {
                        each.accept(view(r));
                    }
                }
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
            return null;
        });
    }

    /** Chains what was recorded up to now, then recomputes every chained event's hash, in chain order. */
    public Verification verify() {
        access.requireAdminRead();
        sealAll(true);
        return sql.read(AuditTrail::verify);
    }

    /**
     * Gives the committed events without a place in the chain theirs, in batches, on whichever instance
     * asks first (another instance busy chaining makes this a no-op); returns how many it chained.
     */
    public int seal() {
        return sealAll(false);
    }

    /**
     * Chains in batches; with {@code wait}, after waiting for an instance that is chaining right now,
     * so that everything committed before the call is chained when it returns.
     */
    private int sealAll(boolean wait) {
        return sql.read(c -> {
            int total = 0;
            c.setAutoCommit(false);
            try {
                if (wait) {
                    Sql.first(c, "SELECT pg_advisory_xact_lock(?)", r -> true, CHAIN_LOCK);
                }
                int sealed;
                do {
                    sealed = Sql.first(c, "SELECT audit_event_seal(?)", r -> r.getInt(1), SEAL_BATCH);
                    total += sealed;
                } while (sealed == SEAL_BATCH);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
            return total;
        });
    }

    /** The check itself, on a connection: events not chained yet are counted, not checked. */
    public static Verification verify(Connection c) throws SQLException {
        Broken broken = Sql.first(c, """
                SELECT seq, id, CASE WHEN seq <> coalesce(previous_seq, 0) + 1
                        THEN 'events ' || (coalesce(previous_seq, 0) + 1) || ' to ' || (seq - 1) || ' are missing'
                        ELSE 'its fields or hash were changed after it was recorded' END AS reason
                FROM (SELECT e.seq, e.id, e.hash, lag(e.seq) OVER w AS previous_seq,
                        audit_event_hash(lag(e.hash) OVER w, e) AS expected
                    FROM audit_event e WHERE e.seq IS NOT NULL WINDOW w AS (ORDER BY e.seq)) chain
                WHERE hash IS DISTINCT FROM expected OR seq <> coalesce(previous_seq, 0) + 1
                ORDER BY seq LIMIT 1""", r -> new Broken(r.getLong("seq"), r.getLong("id"), r.getString("reason")));
        return Sql.first(c, """
                SELECT count(seq), count(*) - count(seq), max(seq),
                    (SELECT hash FROM audit_event WHERE seq IS NOT NULL ORDER BY seq DESC LIMIT 1)
                FROM audit_event""", r -> new Verification(r.getLong(1), r.getLong(2), broken == null,
                (Long) r.getObject(3), r.getString(4), broken));
    }

    /** Events not chained yet are the newest. */
    private static final String NEWEST_FIRST = " ORDER BY e.seq DESC NULLS FIRST, e.id DESC";

    private static final String SELECT = """
            SELECT e.id, e.seq, e.occurred_at, e.actor, e.via, e.action, e.target_type, e.target_id,
                e.before::text AS before, e.after::text AS after, e.request_id, e.source_address, e.hash
            FROM audit_event e""";

    private static AuditView view(ResultSet r) throws SQLException {
        return new AuditView(r.getLong("id"), (Long) r.getObject("seq"), Sql.instant(r, "occurred_at"), r.getString("actor"),
                r.getString("via"), r.getString("action"), r.getString("target_type"), r.getString("target_id"),
                r.getString("before"), r.getString("after"), r.getString("request_id"), r.getString("source_address"),
                r.getString("hash"));
    }

    private record Where(String sql, List<Object> parameters) {
    }

    private static Where where(Filter filter) {
        List<String> conditions = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        match(conditions, parameters, "e.actor", filter.actor());
        match(conditions, parameters, "e.action", filter.action());
        if (filter.targetType() != null) {
            conditions.add("e.target_type = ?");
            parameters.add(filter.targetType());
        }
        if (filter.targetId() != null) {
            conditions.add("e.target_id = ?");
            parameters.add(filter.targetId());
        }
        if (filter.from() != null) {
            conditions.add("e.occurred_at >= ?");
            parameters.add(filter.from().atStartOfDay().toInstant(ZoneOffset.UTC));
        }
        if (filter.to() != null) {
            conditions.add("e.occurred_at < ?");
            parameters.add(filter.to().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
        }
        return new Where(conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions), parameters);
    }

    /** Exact, or by prefix when the value ends in *; LIKE's own wildcards in the value are taken literally. */
    private static void match(List<String> conditions, List<Object> parameters, String column, String value) {
        if (value == null) {
            return;
        }
        if (value.endsWith("*")) {
            String prefix = value.substring(0, value.length() - 1).replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_");
            conditions.add(column + " LIKE ?");
            parameters.add(prefix + "%");
        } else {
            conditions.add(column + " = ?");
            parameters.add(value);
        }
    }
}
