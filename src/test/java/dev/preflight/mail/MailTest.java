package dev.preflight.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

import dev.preflight.Api;
import dev.preflight.Fixtures;

/** With a sender configured, decisions are announced and each person gets one digest a day of what needs them. */
@QuarkusTest
@TestProfile(MailTest.WithMail.class)
class MailTest {

    /** Mail on, into the mock mailbox. */
    public static class WithMail implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("preflight.mail.from", "preflight@example.com", "preflight.base-url",
                    "https://preflight.example.com/");
        }
    }

    private static final String BACKUPS = "basics.backups";
    private static final String RUNBOOK = "basics.runbook";

    @Inject
    MockMailbox mailbox;

    @Inject
    Digests digests;

    @Inject
    AgroalDataSource dataSource;

    private String team;
    private long launch;

    @BeforeEach
    void launch() {
        mailbox.clear();
        team = Fixtures.team();
        launch = Fixtures.launch(Fixtures.service(team, 2), Fixtures.template(true));
    }

    @Test
    void a_decision_is_mailed_to_the_team_once_it_is_recorded() {
        String member = person("engineer", team);
        String outsider = person("engineer", Fixtures.team());
        Api.admin().contentType(ContentType.JSON).body(Map.of("to", "in_review"))
                .when().post("/api/v1/launches/" + launch + "/transitions").then().statusCode(200);
        Api.admin().contentType(ContentType.JSON).body(Map.of("decision", "no_go", "rationale", "backups untested"))
                .when().post("/api/v1/launches/" + launch + "/decision").then().statusCode(200);

        List<Mail> sent = mailbox.getMailsSentTo(member);
        assertThat(sent).hasSize(1);
        Mail notice = sent.get(0);
        assertThat(notice.getFrom()).isEqualTo("preflight@example.com");
        assertThat(notice.getSubject()).startsWith("No-go: Launch ");
        assertThat(notice.getText()).contains("decided by admin").contains("backups untested")
                .contains("https://preflight.example.com/launches/" + launch);
        assertThat(mailbox.getMailsSentTo(outsider)).isEmpty();
    }

    @Test
    void the_digest_lists_overdue_items_and_sign_offs_and_goes_out_once_a_day() throws SQLException {
        String engineer = person("engineer", team);
        String approver = person("approver", team);
        String idle = person("engineer", team);
        Api.admin().contentType(ContentType.JSON).body(Map.of("assignee", username(engineer), "dueDate",
                LocalDate.now().minusDays(1).toString())).when()
                .patch("/api/v1/launches/" + launch + "/items/" + BACKUPS).then().statusCode(200);
        Api.admin().contentType(ContentType.JSON).body(Map.of("assignee", username(engineer), "dueDate",
                LocalDate.now().plusDays(9).toString())).when()
                .patch("/api/v1/launches/" + launch + "/items/" + RUNBOOK).then().statusCode(200);

        assertThat(digests.send()).isGreaterThanOrEqualTo(1);
        List<Mail> toEngineer = mailbox.getMailsSentTo(engineer);
        assertThat(toEngineer).hasSize(1);
        assertThat(toEngineer.get(0).getSubject()).isEqualTo("Preflight: 1 items need you today");
        assertThat(toEngineer.get(0).getText()).contains("1 items assigned to you are overdue")
                .contains("Backups run nightly").doesNotContain("Runbook written")
                .contains("https://preflight.example.com/launches/" + launch + "/items/" + BACKUPS)
                .contains("https://preflight.example.com/work");
        assertThat(mailbox.getMailsSentTo(approver)).as("nothing waits for the approver yet").isEmpty();
        assertThat(mailbox.getMailsSentTo(idle)).as("nobody with nothing to do gets mail").isEmpty();

        LocalDate day = LocalDate.now().plusYears(50);
        try {
            assertThat(digests.claim(day)).as("the first instance takes the day").isTrue();
            assertThat(digests.claim(day)).as("the day's digest goes out once").isFalse();
            assertThat(digests.claim(day.minusDays(1))).as("an earlier day never comes back").isFalse();
        } finally {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.execute("DELETE FROM app_setting WHERE name = 'mail-digest-day'");
            }
        }
    }

    /** A person with an e-mail address; returns the address. */
    private static String person(String role, String teamSlug) {
        String username = Fixtures.unique("mail");
        Api.admin().contentType(ContentType.JSON).body(Map.of("username", username, "displayName", "Person " + username,
                "role", role, "teams", List.of(teamSlug), "email", username + "@example.com")).when()
                .post("/api/v1/users").then().statusCode(201);
        return username + "@example.com";
    }

    private static String username(String email) {
        return email.substring(0, email.indexOf('@'));
    }
}
