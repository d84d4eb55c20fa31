package dev.preflight.platform.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

/**
 * After every migration, run as the schema's owner: what the application's role may do with
 * Preflight's tables, given again so that tables added by the migration are covered. Rows may be
 * read, added, changed and removed, but audit events are only read, added and sealed (their trigger
 * refuses any other change), the migration history is only read, and nothing may be truncated; the
 * schema itself (tables, triggers) stays the owner's.
 * On PostgreSQL 17 and later the role may also ANALYZE (MAINTAIN), which Preflight does after
 * loading many rows; on older servers autovacuum does it a little later.
 */
final class RuntimeGrants implements Callback {

    private static final int MAINTAIN_SINCE = 170_000;
    /**
     * Held until the grants commit: instances starting together would otherwise change the same
     * privileges at once, which PostgreSQL refuses ("tuple concurrently updated").
     */
    private static final long LOCK_KEY = 0x7072_6566_6c69_6768L;

    private final String role;

    RuntimeGrants(String role) {
        this.role = role;
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.AFTER_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        Connection c = context.getConnection();
        try {
            boolean ownTransaction = c.getAutoCommit();
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("SELECT pg_advisory_xact_lock(" + LOCK_KEY + ")");
                grant(c, s, schema(context, s), identifier(role));
                if (ownTransaction) {
                    c.commit();
                }
            } catch (SQLException e) {
                if (ownTransaction) {
                    c.rollback();
                }
                throw e;
            } finally {
                if (ownTransaction) {
                    c.setAutoCommit(true);
                }
            }
        } catch (SQLException e) {
            throw new FlywayException("Could not allow the application's role " + role + " to use the tables: "
                    + e.getMessage() + ". The role must exist (docs/operations.md, \"Your own PostgreSQL\"); without "
                    + "PREFLIGHT_DATABASE_MIGRATION_USER one role does both.", e);
        }
    }

    private static void grant(Connection c, Statement s, String schema, String grantee) throws SQLException {
        s.execute("GRANT USAGE ON SCHEMA " + schema + " TO " + grantee);
        s.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA " + schema + " TO " + grantee);
        s.execute("REVOKE DELETE ON " + schema + ".audit_event FROM " + grantee);
        s.execute("REVOKE INSERT, UPDATE, DELETE ON " + schema + ".flyway_schema_history FROM " + grantee);
        s.execute("GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA " + schema + " TO " + grantee);
        if (c.getMetaData().getDatabaseMajorVersion() * 10_000 >= MAINTAIN_SINCE) {
            s.execute("GRANT MAINTAIN ON ALL TABLES IN SCHEMA " + schema + " TO " + grantee);
        }
    }

    @Override
    public String getCallbackName() {
        return "Preflight's runtime grants";
    }

    /** The schema Flyway migrated: the first one configured, or else the connection's current one. */
    private static String schema(Context context, Statement s) throws SQLException {
        String[] schemas = context.getConfiguration().getSchemas();
        if (schemas.length > 0) {
            return identifier(schemas[0]);
        }
        try (ResultSet rs = s.executeQuery("SELECT quote_ident(current_schema())")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String identifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
