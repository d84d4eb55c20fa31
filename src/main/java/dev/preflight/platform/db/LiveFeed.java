package dev.preflight.platform.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;

/**
 * Changes to launches as they commit, from every instance: the database announces each launch
 * event (a trigger calls {@code pg_notify}), and this instance listens on a connection of its own
 * and hands each change to the browsers it serves. If the database goes away the listener waits
 * and listens again; changes made meanwhile are not replayed (pages show them when reloaded).
 * <p>
 * The same connection hears when the rules every request reads (sign-off groups, launch policies)
 * change, so that instances may keep them in memory ({@link Remembered}): each announcement, and
 * each loss or return of the connection, starts a new generation of the rules.
 * <p>
 * A connection can also go quiet without failing (a firewall drops it, the database hangs): every
 * {@value #PING_SECONDS} s the listener asks the database a trivial question, and an answer that does
 * not come within {@value #PING_TIMEOUT_SECONDS} s counts as a lost connection.
 */
@ApplicationScoped
public class LiveFeed {

    /** One change: the launch, the item (null for the launch itself), who and what. */
    public record Change(long launch, String item, String actor, String action, Instant at) {
    }

    static final String CHANNEL = "preflight_changes";
    static final String RULES_CHANNEL = "preflight_rules";
    private static final Logger LOG = Logger.getLogger(LiveFeed.class);
    private static final Duration POLL = Duration.ofMillis(500);
    static final int PING_SECONDS = 15;
    static final int PING_TIMEOUT_SECONDS = 10;
    private static final Executor NOW = Runnable::run;

    private final DataSource dataSource;
    private final ObjectMapper json;
    private final TransactionSynchronizationRegistry transactions;
    private final MeterRegistry metrics;
    private Counter reconnects;
    private Gauge up;
    private final BroadcastProcessor<Change> changes = BroadcastProcessor.create();
    private final AtomicLong rulesGeneration = new AtomicLong();
    private volatile boolean running;
    private volatile boolean closing;
    private volatile boolean listening;
    private Thread listener;

    public LiveFeed(DataSource dataSource, ObjectMapper json, TransactionSynchronizationRegistry transactions,
            MeterRegistry metrics) {
        this.dataSource = dataSource;
        this.json = json;
        this.transactions = transactions;
        this.metrics = metrics;
    }

    /**
     * The rules' current generation, or -1 while this instance is not listening (then nothing may
     * be kept: a change would go unheard).
     */
    long rulesGeneration() {
        return listening ? rulesGeneration.get() : -1;
    }

    /**
     * Starts a new generation of the rules when the current transaction commits: this instance
     * forgets what it kept at once, without waiting for the database's announcement.
     */
    public void rulesChangeOnCommit() {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // Nothing to do before the outcome is known.
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    rulesGeneration.incrementAndGet();
                }
            }
        });
    }

    /** The changes from now on, as they arrive; slow subscribers miss some rather than hold the others up. */
    public Multi<Change> changes() {
        return changes.onOverflow().drop();
    }

    void start(@Observes StartupEvent event) {
        up = Gauge.builder("preflight.live.listener.up", this, feed -> feed.listening ? 1 : 0)
                .description("1 while this instance hears live changes from the database, 0 while it does not")
                .register(metrics);
        reconnects = Counter.builder("preflight.live.listener.reconnects")
                .description("Times the live-change listener lost its connection and listened again").register(metrics);
        running = true;
        listener = new Thread(this::listen, "preflight-live-feed");
        listener.setDaemon(true);
        listener.start();
    }

    /**
     * Whether live streams may go on: false once Preflight begins to shut down, so that open streams
     * end at once instead of holding the shutdown until its time limit.
     */
    public boolean open() {
        return running && !closing;
    }

    void closing(@Observes ShutdownDelayInitiatedEvent event) {
        closing = true;
        changes.onComplete();
    }

    /** Stops listening and gives the connection back before the pool closes. */
    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        if (up != null) {
            metrics.remove(up);
            metrics.remove(reconnects);
        }
        if (listener != null) {
            listener.interrupt();
            listener.join(POLL.toMillis() + 1000);
        }
    }

    private void listen() {
        Duration wait = Duration.ofSeconds(1);
        boolean lost = false;
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setNetworkTimeout(NOW, PING_TIMEOUT_SECONDS * 1000);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                    statement.execute("LISTEN " + RULES_CHANNEL);
                }
                rulesGeneration.incrementAndGet();
                listening = true;
                PGConnection pg = connection.unwrap(PGConnection.class);
                if (lost) {
                    LOG.info("Live updates are back");
                    reconnects.increment();
                    lost = false;
                }
                wait = Duration.ofSeconds(1);
                long pinged = System.nanoTime();
                while (running) {
                    if (System.nanoTime() - pinged > Duration.ofSeconds(PING_SECONDS).toNanos()) {
                        try (Statement statement = connection.createStatement()) {
                            statement.execute("SELECT 1");
                        }
                        pinged = System.nanoTime();
                    }
                    PGNotification[] notifications = pg.getNotifications((int) POLL.toMillis());
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            if (RULES_CHANNEL.equals(notification.getName())) {
                                rulesGeneration.incrementAndGet();
                            } else {
                                publish(notification.getParameter());
                            }
                        }
                    }
                }
            } catch (SQLException e) {
                listening = false;
                rulesGeneration.incrementAndGet();
                if (!running) {
                    return;
                }
                lost = true;
                LOG.warnf("Live updates stopped: the database connection failed (%s); trying again in %d s",
                        e.getMessage(), wait.toSeconds());
                try {
                    Thread.sleep(wait.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
                wait = wait.multipliedBy(2).compareTo(Duration.ofSeconds(10)) > 0 ? Duration.ofSeconds(10)
                        : wait.multipliedBy(2);
            }
        }
    }

    private void publish(String payload) {
        try {
            changes.onNext(json.readValue(payload, Change.class));
        } catch (JsonProcessingException e) {
            LOG.warnf("A launch change could not be read: %s", e.getOriginalMessage());
        }
    }
}
