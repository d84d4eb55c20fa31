package dev.preflight.mail;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.scheduler.Scheduled;

import dev.preflight.launch.MyWork;
import dev.preflight.platform.PreflightConfig;
import dev.preflight.platform.db.Exclusive;
import dev.preflight.platform.db.Sql;
import dev.preflight.platform.security.Role;

/**
 * Each morning, a digest to each person with mail of what needs them: items assigned to them that
 * are overdue, and (for approvers) items waiting for their sign-off. Sent by one instance, once a
 * day: the day is claimed in the database first; nobody with nothing to do gets mail.
 */
@ApplicationScoped
class Digests {

    private static final String WORK = "mail-digest";
    private static final int LISTED = 20;

    /** A person to write to. */
    record Person(long id, String email, String name, Role role, Set<Long> teams) {
    }

    private final Mailbox mailbox;
    private final MyWork work;
    private final Exclusive exclusive;
    private final Sql sql;
    private final int hour;

    Digests(Mailbox mailbox, MyWork work, Exclusive exclusive, Sql sql, PreflightConfig config) {
        this.mailbox = mailbox;
        this.work = work;
        this.exclusive = exclusive;
        this.sql = sql;
        this.hour = config.mail().digestHour();
    }

    @Scheduled(every = "15m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (mailbox.enabled() && !LocalTime.now().isBefore(LocalTime.of(hour, 0))) {
            exclusive.run(WORK, () -> {
                if (claim(LocalDate.now())) {
                    send();
                }
            });
        }
    }

    /** Takes the day for this instance; false when the day's digest went out already. */
    boolean claim(LocalDate day) {
        return sql.read(c -> Sql.first(c, """
                INSERT INTO app_setting (name, value) VALUES ('mail-digest-day', ?)
                ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value WHERE app_setting.value < EXCLUDED.value
                RETURNING value""", r -> true, day.toString()) != null);
    }

    /** Writes to everyone with something to do; returns how many were written to. */
    int send() {
        List<Person> people = sql.read(c -> Sql.list(c, """
                SELECT u.id, u.email, u.display_name, u.role,
                    array(SELECT m.team_id FROM team_member m WHERE m.user_id = u.id) AS teams
                FROM app_user u WHERE u.enabled AND u.email IS NOT NULL ORDER BY u.id""",
                r -> new Person(r.getLong("id"), r.getString("email"), r.getString("display_name"),
                        Role.valueOf(r.getString("role")), Set.of((Long[]) r.getArray("teams").getArray()))));
        int written = 0;
        for (Person person : people) {
            boolean approver = person.role().includes(Role.APPROVER);
            MyWork.Work mine = work.of(person.id(), approver, person.teams());
            List<MyWork.Item> overdue = mine.assigned().stream().filter(MyWork.Item::overdue).toList();
            if (overdue.isEmpty() && mine.toSignOff().isEmpty()) {
                continue;
            }
            StringBuilder text = new StringBuilder("Good morning ").append(person.name()).append(",\n\n");
            section(text, overdue.size() + " items assigned to you are overdue:", overdue);
            section(text, mine.toSignOff().size() + " items wait for your sign-off:", mine.toSignOff());
            text.append("Everything that needs you: ").append(mailbox.link("/work")).append("\n");
            mailbox.send(List.of(person.email()), "Preflight: " + (overdue.size() + mine.toSignOff().size())
                    + " items need you today", text.toString());
            written++;
        }
        return written;
    }

    private void section(StringBuilder text, String title, List<MyWork.Item> items) {
        if (items.isEmpty()) {
            return;
        }
        text.append(title).append("\n");
        items.stream().limit(LISTED).forEach(i -> text.append("- ").append(i.title()).append(" (").append(i.launchName())
                .append(", ").append(i.serviceName()).append(i.dueDate() == null ? "" : ", due " + i.dueDate())
                .append(") ").append(mailbox.link("/launches/" + i.launch() + "/items/" + i.key())).append("\n"));
        if (items.size() > LISTED) {
            text.append("… and ").append(items.size() - LISTED).append(" more\n");
        }
        text.append("\n");
    }
}
