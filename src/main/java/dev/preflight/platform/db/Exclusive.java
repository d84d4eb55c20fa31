package dev.preflight.platform.db;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.preflight.platform.PreflightConfig;

/**
 * Runs work on one instance at a time: the instance that takes a PostgreSQL advisory lock runs
 * it, the others skip it. The lock is held by a connection of its own for as long as the work
 * runs, and goes with that connection if the instance dies. Each run is recorded in
 * {@code scheduled_work}: how many, the last one's instance, times and outcome.
 */
@ApplicationScoped
public class Exclusive {

    private static final Logger LOG = Logger.getLogger(Exclusive.class);
    /** The high half of every lock key ("PREF"), so that the work's name hash cannot meet another application's lock. */
    private static final long KEY_SPACE = 0x50524546_00000000L;

    private final DataSource dataSource;
    private final String instance;

    public Exclusive(DataSource dataSource, PreflightConfig config) {
        this.dataSource = dataSource;
        this.instance = config.instanceName().orElseGet(Exclusive::hostAndProcess);
    }

    /** Runs the work if no other instance runs work of the same name; false when it was skipped. */
    public boolean run(String name, Runnable work) {
        long key = KEY_SPACE | (name.hashCode() & 0xffffffffL);
        try (Connection connection = dataSource.getConnection()) {
            if (!Boolean.TRUE.equals(Sql.first(connection, "SELECT pg_try_advisory_lock(?)", r -> r.getBoolean(1), key))) {
                return false;
            }
            Instant started = Instant.now();
            String outcome = "failed";
            try {
                work.run();
                outcome = "done";
            } finally {
                try {
                    Sql.update(connection, """
                            INSERT INTO scheduled_work (name, runs, last_instance, last_started_at, last_finished_at, last_outcome)
                            VALUES (?, 1, ?, ?, now(), ?)
                            ON CONFLICT (name) DO UPDATE SET runs = scheduled_work.runs + 1,
                                last_instance = excluded.last_instance, last_started_at = excluded.last_started_at,
                                last_finished_at = excluded.last_finished_at, last_outcome = excluded.last_outcome""",
                            name, instance, started, outcome);
                } finally {
                    Sql.first(connection, "SELECT pg_advisory_unlock(?)", r -> r.getBoolean(1), key);
                }
            }
            return true;
        } catch (SQLException e) {
            LOG.warnf("Scheduled work '%s' did not run: %s", name, e.getMessage());
            return false;
        }
    }

    private static String hostAndProcess() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        return host + "#" + ProcessHandle.current().pid();
    }
}
