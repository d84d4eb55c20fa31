package dev.preflight.platform.db;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

import io.smallrye.health.api.HealthGroup;

/**
 * The last run of each piece of scheduled work ({@code /q/health/group/scheduled}), whichever
 * instance ran it: how many runs, where, when and how it ended. Down when the last run failed.
 */
@HealthGroup("scheduled")
@ApplicationScoped
public class ScheduledWorkHealth implements HealthCheck {

    private final Sql sql;

    public ScheduledWorkHealth(Sql sql) {
        this.sql = sql;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("scheduled-work").up();
        try {
            sql.read(c -> Sql.list(c, "SELECT name, runs, last_instance, last_finished_at, last_outcome "
                    + "FROM scheduled_work ORDER BY name", r -> {
                        String name = r.getString("name");
                        response.withData(name, r.getString("last_outcome") + " at " + Sql.instant(r, "last_finished_at")
                                + " on " + r.getString("last_instance") + " (" + r.getLong("runs") + " runs)");
                        if (!"done".equals(r.getString("last_outcome"))) {
                            response.down();
                        }
                        return name;
                    }));
        } catch (RuntimeException e) {
            return response.down().withData("error", "the database could not be asked").build();
        }
        return response.build();
    }
}
