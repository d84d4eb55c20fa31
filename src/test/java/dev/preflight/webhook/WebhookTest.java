package dev.preflight.webhook;

import static dev.preflight.ProblemAssertions.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import dev.preflight.Api;
import dev.preflight.Browser;
import dev.preflight.Eventually;
import dev.preflight.Fixtures;
import dev.preflight.Html;

/**
 * Webhooks against a receiver on this machine: signed deliveries, retries with backoff, the
 * delivery log, Slack's format, refused targets, and who may see and make subscriptions.
 */
@QuarkusTest
class WebhookTest {

    private static final String BACKUPS = "basics.backups";
    private static final String RUNBOOK = "basics.runbook";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Receiver receiver;

    private String team;
    private String service;
    private long launch;
    private String path;

    @BeforeAll
    static void startReceiver() {
        receiver = new Receiver();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    @BeforeEach
    void launch() {
        team = Fixtures.team();
        service = Fixtures.service(team, 2);
        launch = Fixtures.launch(service, Fixtures.template(true));
        path = "/" + Fixtures.unique("hook");
    }

    @Test
    void an_item_change_is_delivered_signed_with_the_secret_shown_once() throws Exception {
        ValidatableResponse created = subscribe(Map.of("team", team, "url", receiver.url(path),
                "events", List.of("item_changed"), "description", "CI channel")).statusCode(201)
                .body("subscription.team", equalTo(team)).body("subscription.events", contains("item_changed"))
                .body("subscription.format", equalTo("json")).body("secret", containsString("whsec_"));
        String secret = created.extract().path("secret");
        int id = created.extract().path("subscription.id");
        Api.admin().when().get("/api/v1/webhooks/" + id).then().statusCode(200).body("secret", nullValue())
                .body("url", equalTo(receiver.url(path)));

        done(BACKUPS);

        Receiver.Request request = receiver.next(path);
        assertThat(request).as("a delivery arrived").isNotNull();
        assertThat(request.headers()).containsEntry("preflight-event", "item_changed")
                .containsEntry("content-type", "application/json");
        String signature = request.headers().get("preflight-signature");
        assertThat(signature).matches("t=\\d+,v1=[0-9a-f]{64}");
        String timestamp = signature.substring(2, signature.indexOf(','));
        assertThat(signature.substring(signature.indexOf("v1=") + 3))
                .isEqualTo(hmac(secret, timestamp + "." + request.body()));
        assertThat(hmac("whsec_wrong", timestamp + "." + request.body())).isNotEqualTo(signature.substring(
                signature.indexOf("v1=") + 3));
        assertThat(Math.abs(Long.parseLong(timestamp) - System.currentTimeMillis() / 1000)).isLessThan(60);

        JsonNode body = JSON.readTree(request.body());
        assertThat(body.path("event").asText()).isEqualTo("item_changed");
        assertThat(body.path("delivery").asLong()).isEqualTo(Long.parseLong(request.headers().get("preflight-delivery")));
        JsonNode data = body.path("data");
        assertThat(data.path("launch").path("id").asLong()).isEqualTo(launch);
        assertThat(data.path("service").path("slug").asText()).isEqualTo(service);
        assertThat(data.path("team").asText()).isEqualTo(team);
        assertThat(data.path("item").path("key").asText()).isEqualTo(BACKUPS);
        assertThat(data.path("item").path("link").asText()).isEqualTo("/launches/" + launch + "/items/" + BACKUPS);
        assertThat(data.path("to").asText()).isEqualTo("done");
        assertThat(data.path("actor").asText()).isEqualTo("admin");

        Eventually.until(() -> "delivered".equals(Api.admin().when().get("/api/v1/webhooks/" + id + "/deliveries")
                .then().extract().path("[0].status")));
        Api.admin().when().get("/api/v1/webhooks/" + id + "/deliveries").then().statusCode(200)
                .body("", hasSize(1)).body("[0].status", equalTo("delivered")).body("[0].attempts", equalTo(1))
                .body("[0].lastStatus", equalTo(200)).body("[0].event", equalTo("item_changed"))
                .body("[0].lastError", nullValue());
        Api.admin().when().get("/api/v1/webhooks/" + id).then().body("deliveries.delivered", equalTo(1));
    }

    @Test
    void a_receiver_answering_500_is_retried_with_growing_waits_until_it_takes_the_delivery() throws Exception {
        receiver.failFirst(path, 2);
        int id = subscribe(Map.of("service", service, "url", receiver.url(path), "events", List.of("item_changed")))
                .statusCode(201).extract().path("subscription.id");

        done(BACKUPS);

        Receiver.Request first = receiver.next(path);
        Receiver.Request second = receiver.next(path);
        Receiver.Request third = receiver.next(path);
        assertThat(List.of(first, second, third)).doesNotContainNull();
        assertThat(List.of(first, second, third)).extracting(r -> r.headers().get("preflight-delivery"))
                .as("the same delivery, tried again").containsOnly(first.headers().get("preflight-delivery"));
        Duration firstWait = Duration.ofNanos(second.arrivedNanos() - first.arrivedNanos());
        Duration secondWait = Duration.ofNanos(third.arrivedNanos() - second.arrivedNanos());
        assertThat(firstWait).as("the first retry waits the first-retry time (200 ms in tests)")
                .isGreaterThanOrEqualTo(Duration.ofMillis(200));
        assertThat(secondWait).as("the next waits twice as long").isGreaterThanOrEqualTo(Duration.ofMillis(400));

        awaitDelivery(id, "delivered").body("[0].attempts", equalTo(3)).body("[0].lastStatus", equalTo(200))
                .body("[0].lastError", nullValue()).body("[0].deliveredAt", not(nullValue()));
        assertThat(receiver.waiting(path)).as("nothing more is sent once delivered").isZero();
    }

    @Test
    void a_delivery_that_keeps_failing_is_given_up_with_its_last_error_in_the_log() throws Exception {
        receiver.failFirst(path, 100);
        int id = subscribe(Map.of("team", team, "url", receiver.url(path), "events", List.of("item_changed")))
                .statusCode(201).extract().path("subscription.id");

        done(BACKUPS);

        for (int attempt = 1; attempt <= 3; attempt++) {
            assertThat(receiver.next(path)).as("attempt " + attempt).isNotNull();
        }
        awaitDelivery(id, "failed").body("[0].attempts", equalTo(3)).body("[0].lastStatus", equalTo(500))
                .body("[0].lastError", equalTo("the receiver answered 500")).body("[0].nextAttemptAt", nullValue());
        Api.admin().when().get("/api/v1/webhooks/" + id).then().body("deliveries.failed", equalTo(1));

        Document page = Browser.admin().get("/settings/webhooks/" + id, 200);
        assertThat(Html.text(page, "[aria-labelledby=deliveries-heading]")).contains("the receiver answered 500").contains("3");
    }

    @Test
    void a_receiver_that_cannot_be_reached_is_described_in_full_to_admins_only() throws Exception {
        int closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        Fixtures.TestUser member = Fixtures.user("engineer", team);
        int id = Api.as(member.writeToken()).contentType(ContentType.JSON).body(Map.of("team", team, "url",
                "http://127.0.0.1:" + closed + "/x", "events", List.of("item_changed"))).when().post("/api/v1/webhooks")
                .then().statusCode(201).extract().path("subscription.id");

        Api.admin().contentType(ContentType.JSON).body(Map.of("comment", "for a receiver that is not there"))
                .when().patch("/api/v1/launches/" + launch + "/items/" + BACKUPS).then().statusCode(200);

        Eventually.until(() -> Api.admin().when().get("/api/v1/webhooks/" + id + "/deliveries").then().extract()
                .path("[0].lastError") != null);
        Api.admin().when().get("/api/v1/webhooks/" + id + "/deliveries").then()
                .body("[0].lastError", containsString("Connect"));
        Api.as(member.readToken()).when().get("/api/v1/webhooks/" + id + "/deliveries").then().statusCode(200)
                .body("[0].lastError", equalTo("could not connect to the receiver"));
    }

    @Test
    void sign_offs_needed_and_decisions_reach_their_subscribers_and_slack_gets_text() throws Exception {
        Fixtures.TestUser engineer = Fixtures.user("engineer", team);
        String signOffs = path + "/sign-offs";
        String slack = path + "/slack";
        subscribe(Map.of("team", team, "url", receiver.url(signOffs), "events", List.of("sign_off_needed")))
                .statusCode(201);
        subscribe(Map.of("team", team, "url", receiver.url(slack), "events", List.of("decision_made"),
                "format", "slack")).statusCode(201);

        Api.as(engineer.writeToken()).contentType(ContentType.JSON)
                .body(Map.of("status", "done", "evidenceNote", "runbook reviewed in the wiki"))
                .when().patch("/api/v1/launches/" + launch + "/items/" + RUNBOOK).then().statusCode(200);
        Receiver.Request signOff = receiver.next(signOffs);
        assertThat(signOff).as("a sign-off is needed from an approver").isNotNull();
        assertThat(JSON.readTree(signOff.body()).path("data").path("item").path("key").asText()).isEqualTo(RUNBOOK);

        Api.admin().contentType(ContentType.JSON).body(Map.of("to", "in_review"))
                .when().post("/api/v1/launches/" + launch + "/transitions").then().statusCode(200);
        Api.admin().contentType(ContentType.JSON).body(Map.of("decision", "no_go", "rationale", "backups <untested>"))
                .when().post("/api/v1/launches/" + launch + "/decision").then().statusCode(200);
        Receiver.Request decision = receiver.next(slack);
        assertThat(decision).isNotNull();
        JsonNode text = JSON.readTree(decision.body());
        assertThat(text.size()).as("Slack's shape: only text").isEqualTo(1);
        assertThat(text.path("text").asText()).contains("no-go decided by admin")
                .contains("backups &lt;untested&gt;").doesNotContain("<untested>");
        assertThat(receiver.waiting(signOffs)).as("a decision is not a sign-off").isZero();
    }

    @Test
    void targets_off_the_allow_list_or_inside_the_network_are_refused_and_nothing_is_made() {
        long before = count();
        problem(subscribe(Map.of("team", team, "url", "https://hooks.internal.example/x", "events",
                List.of("item_changed"))), 400, "invalid-input").body("errors.field", contains("url"))
                .body("errors[0].message", containsString("not on a host allowed for webhooks (127.0.0.1)"));
        problem(subscribe(Map.of("team", team, "url", "http://10.0.0.7:8080/x", "events", List.of("item_changed"))),
                400, "invalid-input").body("errors.field", contains("url"));
        problem(subscribe(Map.of("team", team, "url", "file:///etc/passwd", "events", List.of("item_changed"))),
                400, "invalid-input").body("errors[0].message", containsString("https://"));
        problem(subscribe(Map.of("team", team, "url", "http://admin:pw@127.0.0.1/x", "events", List.of("item_changed"))),
                400, "invalid-input").body("errors[0].message", containsString("without a user name"));
        problem(subscribe(Map.of("team", team, "service", service, "url", receiver.url(path), "events",
                List.of("item_changed", "everything"), "format", "xml")), 400, "invalid-input")
                .body("errors.field", contains("events", "format", "service"));
        assertThat(count()).as("no subscription was made").isEqualTo(before);

        Targets wildcard = new Targets(List.of("*.0.0.1", "hooks.example.com"));
        assertThat(wildcard.refusal("http://127.0.0.1/x")).as("a domain entry does not open the loopback address")
                .contains("internal address");
        assertThat(wildcard.refusal("https://hooks.example.com/x")).as("a host listed by name").isNull();
        assertThat(new Targets(List.of()).refusal("https://hooks.example.com/x")).contains("no host is allowed");
    }

    @Test
    void subscriptions_are_their_teams_and_viewers_cannot_make_them() {
        Fixtures.TestUser member = Fixtures.user("engineer", team);
        Fixtures.TestUser outsider = Fixtures.user("engineer", Fixtures.team());
        Fixtures.TestUser viewer = Fixtures.user("viewer", team);
        int id = subscribe(Map.of("team", team, "url", receiver.url(path), "events", List.of("item_changed")))
                .statusCode(201).extract().path("subscription.id");

        Api.as(member.readToken()).when().get("/api/v1/webhooks/" + id).then().statusCode(200);
        Api.as(member.readToken()).when().get("/api/v1/webhooks").then().statusCode(200)
                .body("id", contains(id));
        problem(Api.as(outsider.readToken()).when().get("/api/v1/webhooks/" + id).then(), 404, "not-found");
        Api.as(outsider.readToken()).when().get("/api/v1/webhooks").then().statusCode(200).body("", hasSize(0));
        problem(Api.as(outsider.writeToken()).when().delete("/api/v1/webhooks/" + id).then(), 404, "not-found");
        problem(Api.as(outsider.writeToken()).contentType(ContentType.JSON).body(Map.of("team", team, "url",
                receiver.url(path), "events", List.of("item_changed"))).when().post("/api/v1/webhooks").then(), 403,
                "forbidden");
        problem(Api.as(outsider.writeToken()).contentType(ContentType.JSON).body(Map.of("team", team, "url",
                "https://hooks.internal.example/x", "events", List.of("item_changed"))).when().post("/api/v1/webhooks")
                .then(), 403, "forbidden").body(not(containsString("allowed for webhooks")));
        problem(Api.as(viewer.readToken()).contentType(ContentType.JSON).body(Map.of("team", team, "url",
                receiver.url(path), "events", List.of("item_changed"))).when().post("/api/v1/webhooks").then(), 403,
                "forbidden");

        Api.as(member.writeToken()).when().delete("/api/v1/webhooks/" + id).then().statusCode(204);
        problem(Api.admin().when().get("/api/v1/webhooks/" + id).then(), 404, "not-found");
    }

    @Test
    void the_settings_page_makes_a_subscription_shows_its_secret_once_and_deletes_it() {
        Browser admin = Browser.admin();
        Document list = Html.parse(admin.post("/settings/webhooks", Map.of("team", team, "url", receiver.url(path),
                "events", "item_changed", "format", "json", "description", "<b>deploys</b>")));
        String secret = list.selectFirst("#new-secret").attr("value");
        assertThat(secret).startsWith("whsec_");
        assertThat(list.html()).doesNotContain("<b>deploys</b>");
        String link = list.select("a[href^=/settings/webhooks/]").stream().map(a -> a.attr("href"))
                .filter(href -> href.matches("/settings/webhooks/\\d+")).reduce((a, b) -> b).orElseThrow();

        Document detail = admin.get(link, 200);
        assertThat(detail.html()).doesNotContain(secret);
        assertThat(Html.text(detail, "main")).contains(receiver.url(path)).contains("item changed");

        Document refused = Html.parse(admin.post("/settings/webhooks", Map.of("team", team, "url",
                "https://elsewhere.example/x", "events", "item_changed")));
        assertThat(Html.text(refused, ".notice-bad")).contains("not on a host allowed");

        assertThat(detail.select("a[href=" + link + "/delete]").text()).as("removing asks first")
                .isEqualTo("Remove this webhook…");
        Document asks = admin.get(link + "/delete", 200);
        assertThat(Html.text(asks, ".card")).contains("cannot be undone");
        assertThat(asks.select("form[action=" + link + "/delete] button").text()).isEqualTo("Remove this webhook");
        admin.get(link, 200);
        admin.post(link + "/delete", Map.of()).then().statusCode(303);
        admin.get(link, 404);
        problem(Api.admin().when().get(link.replace("/settings", "/api/v1")).then(), 404, "not-found");
    }

    private static ValidatableResponse subscribe(Map<String, Object> body) {
        return Api.admin().contentType(ContentType.JSON).body(body).when().post("/api/v1/webhooks").then()
                .log().ifValidationFails();
    }

    private void done(String key) {
        Api.admin().contentType(ContentType.JSON)
                .body(Map.of("status", "done", "evidenceLink", "https://ci.example/runs/1"))
                .when().patch("/api/v1/launches/" + launch + "/items/" + key).then().statusCode(200);
    }

    private static long count() {
        return Api.admin().when().get("/api/v1/webhooks").then().statusCode(200).extract().jsonPath().getList("")
                .size();
    }

    /** The delivery log once its delivery reached the status (the log is written just after the receiver answers). */
    private static ValidatableResponse awaitDelivery(int id, String status) {
        Eventually.until(() -> status.equals(Api.admin().when().get("/api/v1/webhooks/" + id + "/deliveries").then()
                .extract().path("[0].status")));
        return Api.admin().when().get("/api/v1/webhooks/" + id + "/deliveries").then().statusCode(200)
                .body("", hasSize(1)).body("[0].status", equalTo(status));
    }

    private static String hmac(String secret, String text) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }
}
