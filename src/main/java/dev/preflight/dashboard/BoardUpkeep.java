package dev.preflight.dashboard;

import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

import dev.preflight.launch.LaunchSummaries;
import dev.preflight.platform.db.Exclusive;
import dev.preflight.platform.db.Sql;

/**
 * Keeps the board's rows: at start-up counts the launches and postures that have none yet (those
 * from before the board), and every minute, on one instance, counts again what time has overtaken
 * and takes the day's snapshot for the trends when it has not been taken yet.
 */
@ApplicationScoped
public class BoardUpkeep {

    private static final Logger LOG = Logger.getLogger(BoardUpkeep.class);
    private static final String WORK = "board-upkeep";
    private static final int REFRESH_MAX = 5_000;

    private final LaunchSummaries summaries;
    private final RecoveryPosture posture;
    private final Exclusive exclusive;
    private final Sql sql;

    public BoardUpkeep(LaunchSummaries summaries, RecoveryPosture posture, Exclusive exclusive, Sql sql) {
        this.summaries = summaries;
        this.posture = posture;
        this.exclusive = exclusive;
        this.sql = sql;
    }

    void start(@Observes StartupEvent event) {
        exclusive.run(WORK, () -> {
            summaries.backfill();
            int computed = posture.refresh(Integer.MAX_VALUE);
            if (computed > 0) {
                LOG.infof("Worked out the recovery posture of %d services for the board", computed);
            }
            snapshot(LocalDate.now());
        });
    }

    @Scheduled(every = "60s", delayed = "60s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void everyMinute() {
        exclusive.run(WORK, () -> {
            summaries.refreshExpired(REFRESH_MAX);
            posture.refresh(REFRESH_MAX);
            snapshot(LocalDate.now());
        });
    }

    /** Records the day's progress of every running launch and every team, once a day. */
    void snapshot(LocalDate day) {
        Boolean taken = sql.read(c -> Sql.first(c, "SELECT true FROM readiness_day WHERE day = ?", r -> true, day));
        if (taken == null) {
            record(day);
        }
    }

    @Transactional
    void record(LocalDate day) {
        summaries.recordDay(day);
        sql.inTransaction(c -> {
            Sql.update(c, """
                    INSERT INTO team_readiness_day (day, team_id, launches, percent_sum, open_blockers)
                    SELECT ?, team_id, launches, percent_sum, open_blockers FROM team_readiness WHERE launches > 0
                    ON CONFLICT (team_id, day) DO NOTHING""", day);
            return Sql.update(c, """
                    INSERT INTO readiness_day (day, launches, percent_sum, open_blockers)
                    SELECT ?, coalesce(sum(launches), 0), coalesce(sum(percent_sum), 0), coalesce(sum(open_blockers), 0)
                    FROM team_readiness ON CONFLICT (day) DO NOTHING""", day);
        });
    }
}
