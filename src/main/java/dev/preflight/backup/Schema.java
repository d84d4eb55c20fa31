package dev.preflight.backup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** What a backup reads of Preflight's schema: its tables, their columns, the order foreign keys allow, sequences. */
final class Schema {

    static final String MIGRATIONS_TABLE = "flyway_schema_history";

    private Schema() {
    }

    /**
     * Settings that make COPY's text identical whatever the server's or the session's defaults, for
     * the current transaction only (a pooled connection goes back as it came).
     */
    static void fixSessionFormats(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SET LOCAL TimeZone = 'UTC'");
            s.execute("SET LOCAL DateStyle = 'ISO, YMD'");
            s.execute("SET LOCAL IntervalStyle = 'postgres'");
            s.execute("SET LOCAL extra_float_digits = 3");
            s.execute("SET LOCAL bytea_output = 'hex'");
            s.execute("SET LOCAL client_encoding = 'UTF8'");
            s.execute("SET LOCAL statement_timeout = 0");
            s.execute("SET LOCAL lock_timeout = 0");
        }
    }

    /** The newest migration applied, or empty when Flyway never ran here. */
    static Optional<String> version(Connection c) throws SQLException {
        if (!tables(c, true).contains(MIGRATIONS_TABLE)) {
            return Optional.empty();
        }
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT version FROM " + MIGRATIONS_TABLE
                + " WHERE success AND version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1")) {
            return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
        }
    }

    /**
     * The schema's ordinary tables, each after the tables it refers to, so that rows can be loaded
     * in this order with every foreign key checked as they arrive.
     */
    static List<String> tablesInLoadOrder(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("""
                SELECT string_agg(relname, ', ') FROM pg_class
                WHERE relnamespace = to_regnamespace(current_schema()) AND (relkind IN ('p', 'm', 'f') OR relispartition)""")) {
            if (r.next() && r.getString(1) != null) {
                throw new IllegalStateException("partitioned, materialised or foreign tables (" + r.getString(1)
                        + ") are not something this backup can carry");
            }
        }
        Map<String, Set<String>> refersTo = new TreeMap<>();
        for (String table : tables(c, false)) {
            refersTo.put(table, new LinkedHashSet<>());
        }
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("""
                SELECT child.relname, parent.relname
                FROM pg_constraint k
                JOIN pg_class child ON child.oid = k.conrelid
                JOIN pg_class parent ON parent.oid = k.confrelid
                WHERE k.contype = 'f' AND child.relnamespace = to_regnamespace(current_schema())
                  AND child.oid <> parent.oid""")) {
            while (r.next()) {
                Set<String> parents = refersTo.get(r.getString(1));
                if (parents != null && refersTo.containsKey(r.getString(2))) {
                    parents.add(r.getString(2));
                }
            }
        }
        List<String> order = new ArrayList<>();
        Map<String, Boolean> visiting = new HashMap<>();
        for (String table : refersTo.keySet()) {
            visit(table, refersTo, visiting, order);
        }
        return order;
    }

    private static void visit(String table, Map<String, Set<String>> refersTo, Map<String, Boolean> state,
            List<String> order) {
        Boolean seen = state.get(table);
        if (Boolean.FALSE.equals(seen)) {
            return;
        }
        if (Boolean.TRUE.equals(seen)) {
            throw new IllegalStateException("the foreign keys of " + table + " form a cycle; "
                    + "a backup cannot order its rows");
        }
        state.put(table, true);
        for (String parent : refersTo.get(table)) {
            visit(parent, refersTo, state, order);
        }
        state.put(table, false);
        order.add(table);
    }

    /** Columns COPY can write and read back, in table order: all but generated ones. */
    static List<String> columns(Connection c, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("""
                SELECT attname FROM pg_attribute
                WHERE attrelid = (quote_ident(current_schema()) || '.' || quote_ident(?))::regclass
                  AND attnum > 0 AND NOT attisdropped AND attgenerated = ''
                ORDER BY attnum""")) {
            s.setString(1, table);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    columns.add(r.getString(1));
                }
            }
        }
        return columns;
    }

    static List<String> sequences(Connection c) throws SQLException {
        List<String> sequences = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("""
                SELECT relname FROM pg_class
                WHERE relkind = 'S' AND relnamespace = to_regnamespace(current_schema()) ORDER BY relname""")) {
            while (r.next()) {
                sequences.add(r.getString(1));
            }
        }
        return sequences;
    }

    /** Names of the tables, views, sequences and functions in the schema: none means a restore may begin. */
    static List<String> objects(Connection c) throws SQLException {
        List<String> objects = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("""
                SELECT relname FROM pg_class WHERE relnamespace = to_regnamespace(current_schema())
                  AND relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
                UNION ALL
                SELECT proname FROM pg_proc WHERE pronamespace = to_regnamespace(current_schema())
                ORDER BY 1""")) {
            while (r.next()) {
                objects.add(r.getString(1));
            }
        }
        return objects;
    }

    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** Identifiers (columns, tables) quoted and separated by commas. */
    static String quotedList(List<String> identifiers) {
        return String.join(", ", identifiers.stream().map(Schema::quote).toList());
    }

    private static List<String> tables(Connection c, boolean withMigrations) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("""
                SELECT relname FROM pg_class
                WHERE relkind = 'r' AND relnamespace = to_regnamespace(current_schema()) AND NOT relispartition
                ORDER BY relname""")) {
            while (r.next()) {
                if (withMigrations || !MIGRATIONS_TABLE.equals(r.getString(1))) {
                    tables.add(r.getString(1));
                }
            }
        }
        return tables;
    }
}
