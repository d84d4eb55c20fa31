package dev.preflight.platform.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

/**
 * Plain SQL for the few places entities do not fit: the aggregates the board reads and the rows
 * that keep them. Statements either join the current transaction (after the entity changes made so
 * far are flushed, so they see them) or read on a connection of their own, each statement seeing
 * what is committed.
 */
@ApplicationScoped
public class Sql {

    /** Work on a connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Turns the current row of a result into a value. */
    @FunctionalInterface
    public interface Row<T> {
        T map(ResultSet row) throws SQLException;
    }

    private final EntityManager em;
    private final DataSource dataSource;

    public Sql(EntityManager em, DataSource dataSource) {
        this.em = em;
        this.dataSource = dataSource;
    }

    /** Runs the work in the current transaction, after flushing pending entity changes. */
    public <T> T inTransaction(Work<T> work) {
        Session session = em.unwrap(Session.class);
        session.flush();
        return session.doReturningWork(work::run);
    }

    /** Runs reads on a connection of their own (in the current transaction, if there is one). */
    public <T> T read(Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("A database query failed", e);
        }
    }

    public static int update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            return statement.executeUpdate();
        }
    }

    public static <T> List<T> list(Connection connection, String sql, Row<T> row, Object... parameters)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            try (ResultSet result = statement.executeQuery()) {
                List<T> values = new ArrayList<>();
                while (result.next()) {
                    values.add(row.map(result));
                }
                return values;
            }
        }
    }

    /** The first row's value, or null when there is none. */
    public static <T> T first(Connection connection, String sql, Row<T> row, Object... parameters)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            statement.setMaxRows(1);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() ? row.map(result) : null;
            }
        }
    }

    public static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    public static LocalDate date(ResultSet row, String column) throws SQLException {
        return row.getObject(column, LocalDate.class);
    }

    /** Binds values in order: instants as timestamps with time zone, enums by name, the rest as they are. */
    public static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            Object value = parameters[i];
            if (value instanceof Instant instant) {
                value = OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
            } else if (value instanceof Enum<?> constant) {
                value = constant.name();
            }
            statement.setObject(i + 1, value);
        }
    }
}
