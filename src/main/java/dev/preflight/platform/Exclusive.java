package dev.preflight.platform;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

/**
 * Runs work on one instance at a time: the instance that takes a PostgreSQL advisory lock runs
 * it, the others skip it. The lock is held by a connection of its own for as long as the work
 * runs, and goes with that connection if the instance dies.
 */
@ApplicationScoped
public class Exclusive {

    private static final Logger LOG = Logger.getLogger(Exclusive.class);

    private final DataSource dataSource;

    public Exclusive(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Runs the work if no other instance runs work under the same key; false when it was skipped. */
    public boolean run(long key, Runnable work) {
        try (Connection connection = dataSource.getConnection()) {
            if (!Boolean.TRUE.equals(Sql.first(connection, "SELECT pg_try_advisory_lock(?)", r -> r.getBoolean(1), key))) {
                return false;
            }
            try {
                work.run();
            } finally {
                Sql.first(connection, "SELECT pg_advisory_unlock(?)", r -> r.getBoolean(1), key);
            }
            return true;
        } catch (SQLException e) {
            LOG.warnf("Scheduled work %d did not run: %s", key, e.getMessage());
            return false;
        }
    }
}
