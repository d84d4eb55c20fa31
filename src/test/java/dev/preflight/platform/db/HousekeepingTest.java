package dev.preflight.platform.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.preflight.Fixtures;
import io.quarkus.test.junit.QuarkusTest;

/** Sessions are removed a day after they end, however they ended; live ones and recent ends stay. */
@QuarkusTest
class HousekeepingTest {

    @Inject
    Housekeeping housekeeping;

    @Inject
    Sql sql;

    @Test
    void sessions_ended_more_than_a_day_ago_are_removed() {
        String username = Fixtures.plainUser("viewer");
        long user = sql.read(c -> Sql.first(c, "SELECT id FROM app_user WHERE username = ?", r -> r.getLong(1),
                username));
        session(user, "signed-out-long-ago", "now() - interval '3 days'", "now() + interval '1 day'", "now() - interval '2 days'");
        session(user, "expired-long-ago", "now() - interval '3 days'", "now() - interval '2 days'", null);
        session(user, "idle-long-ago", "now() - interval '4 days'", "now() + interval '1 day'", null);
        session(user, "signed-out-just-now", "now() - interval '1 hour'", "now() + interval '1 day'", "now()");
        session(user, "alive", "now()", "now() + interval '1 day'", null);

        housekeeping.sweep();

        List<String> left = sql.read(c -> Sql.list(c, "SELECT secret_hash FROM user_session WHERE user_id = ? "
                + "ORDER BY id", r -> r.getString(1), user));
        assertThat(left).isEqualTo(List.of("signed-out-just-now-" + user, "alive-" + user));
    }

    private void session(long user, String name, String lastSeen, String expires, String ended) {
        sql.read(c -> Sql.update(c, "INSERT INTO user_session (secret_hash, user_id, created_at, last_seen_at, expires_at, "
                + "ended_at) VALUES (?, ?, now() - interval '5 days', " + lastSeen + ", " + expires + ", "
                + (ended == null ? "NULL" : ended) + ")", name + "-" + user, user));
    }
}
