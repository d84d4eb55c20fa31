package dev.preflight.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import dev.preflight.Api;
import dev.preflight.Fixtures;

/** Without a sender configured, Preflight sends no mail at all. */
@QuarkusTest
class NoMailTest {

    @Inject
    MockMailbox mailbox;

    @Inject
    Digests digests;

    @Test
    void decisions_and_digests_send_nothing() {
        mailbox.clear();
        String team = Fixtures.team();
        Api.admin().contentType(ContentType.JSON).body(Map.of("username", Fixtures.unique("mail"), "displayName", "P",
                "role", "engineer", "teams", List.of(team), "email", Fixtures.unique("p") + "@example.com")).when()
                .post("/api/v1/users").then().statusCode(201);
        long launch = Fixtures.launch(Fixtures.service(team, 2), Fixtures.template(true));
        Api.admin().contentType(ContentType.JSON).body(Map.of("to", "in_review"))
                .when().post("/api/v1/launches/" + launch + "/transitions").then().statusCode(200);
        Api.admin().contentType(ContentType.JSON).body(Map.of("decision", "no_go", "rationale", "not yet"))
                .when().post("/api/v1/launches/" + launch + "/decision").then().statusCode(200);
        digests.scheduled();
        digests.send();

        assertThat(mailbox.getTotalMessagesSent()).isZero();
    }
}
