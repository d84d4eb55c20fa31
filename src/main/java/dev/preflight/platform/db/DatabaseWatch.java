package dev.preflight.platform.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Whether the database answers, asked every {@value #EVERY_SECONDS} s on a connection of its own,
 * outside the pool (so that a pool full of waiting requests cannot hide the answer). A database that
 * gives no answer within {@value #ANSWER_WITHIN_SECONDS} s (stopped, frozen, cut off by the network)
 * makes readiness DOWN and every request that needs it a quick 503 with Retry-After rather than a
 * wait; its first answer again lifts both, without a restart. Requests already waiting on a frozen
 * database carry on when it thaws, or fail at the connections' socket timeout.
 */
@Readiness
@ApplicationScoped
public class DatabaseWatch implements HealthCheck {

    static final int EVERY_SECONDS = 2;
    static final int ANSWER_WITHIN_SECONDS = 3;
    private static final Logger LOG = Logger.getLogger(DatabaseWatch.class);

    private final String url;
    private final Optional<String> user;
    private final Optional<String> password;
    private volatile boolean answering = true;
    private volatile Instant silentSince;
    private volatile boolean running;
    private Thread watcher;
    private Connection connection;

    public DatabaseWatch(@ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** Whether the database answered the last question in time. */
    public boolean answering() {
        return answering;
    }

    @Override
    public HealthCheckResponse call() {
        Instant since = silentSince;
        return answering ? HealthCheckResponse.up("database-answers")
                : HealthCheckResponse.named("database-answers").down()
                        .withData("silent since", since == null ? "" : since.toString()).build();
    }

    void start(@Observes StartupEvent event) {
        running = true;
        watcher = new Thread(this::watch, "preflight-database-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        if (watcher != null) {
            watcher.interrupt();
            watcher.join(Duration.ofSeconds(ANSWER_WITHIN_SECONDS + 1L).toMillis());
        }
    }

    private void watch() {
        while (running) {
            boolean answered = ask();
            if (answered != answering) {
                if (answered) {
                    LOG.infof("The database answers again (silent since %s)", silentSince);
                    silentSince = null;
                } else {
                    silentSince = Instant.now();
                    LOG.warnf("The database gives no answer within %d s: requests get 503 until it does",
                            ANSWER_WITHIN_SECONDS);
                }
                answering = answered;
            }
            try {
                Thread.sleep(Duration.ofSeconds(EVERY_SECONDS).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        close();
    }

    /**
     * Asks on the watch's connection; a connection that fails at once (the database restarted and
     * reset it) is replaced and asked again at once, so that only silence, or a database that
     * refuses a new connection too, counts as not answering.
     */
    private boolean ask() {
        boolean reused = connection != null;
        long start = System.nanoTime();
        if (answers()) {
            return true;
        }
        boolean failedAtOnce = System.nanoTime() - start < TimeUnit.SECONDS.toNanos(1);
        return reused && failedAtOnce && answers();
    }

    private boolean answers() {
        try {
            if (connection == null) {
                connection = open();
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("SELECT 1");
            }
            return true;
        } catch (SQLException | RuntimeException e) {
            close();
            return false;
        }
    }

    private Connection open() throws SQLException {
        Properties properties = new Properties();
        user.ifPresent(u -> properties.setProperty("user", u));
        password.ifPresent(p -> properties.setProperty("password", p));
        String within = String.valueOf(ANSWER_WITHIN_SECONDS);
        properties.setProperty("connectTimeout", within);
        properties.setProperty("socketTimeout", within);
        properties.setProperty("loginTimeout", within);
        properties.setProperty("ApplicationName", "Preflight database watch");
        return new EmbeddedDatabaseDriver().connect(url, properties);
    }

    private void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.debugf("Closing the watch's connection: %s", e.getMessage());
            }
            connection = null;
        }
    }
}
