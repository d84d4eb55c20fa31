package dev.preflight.launch;

import static dev.preflight.ProblemAssertions.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

import dev.preflight.Api;
import dev.preflight.Browser;
import dev.preflight.CheckedSite;
import dev.preflight.Fixtures;
import dev.preflight.platform.db.Sql;

/**
 * Items ticked by their checks, against a server this test runs on the machine: a pass marks the
 * item done (an approver's item then awaits the sign-off), a failure reopens it with what was
 * expected and what was seen and closes the gate, and the next pass opens it again. Scheduled runs
 * happen once however many instances ask; nothing runs for a retired service or a closed launch;
 * bad settings are refused naming the field; a secret reaches the server and nothing else.
 */
@QuarkusTest
class ItemChecksTest {

    /** The value of the secret the tests' configuration holds as preflight.check-secrets.test_token. */
    private static final String SECRET = "pf-test-secret-7c1e9a"; // secret-scan: made up, set in application.properties
    private static final String HSTS = CheckedSite.HSTS;

    private static CheckedSite site;

    @Inject
    ItemChecks checks;

    @Inject
    Sql sql;

    @BeforeAll
    static void serve() {
        site = CheckedSite.start();
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    private static String address() {
        return site.address();
    }

    @Test
    void a_pass_ticks_the_item_a_failure_reopens_it_and_closes_the_gate_and_the_next_pass_opens_it() {
        String service = Fixtures.serviceAt(Fixtures.team(), address());
        long launch = Fixtures.launch(service, Fixtures.checkedTemplate());

        JsonPath opened = item(launch, "web.headers");
        assertThat(opened.getString("check.kind")).isEqualTo("security-headers");
        assertThat(opened.getString("check.verdict")).isNull();

        run(launch, "web.headers").body("verdict", equalTo("passed"));
        JsonPath ticked = item(launch, "web.headers");
        assertThat(ticked.getString("condition")).isEqualTo("done");
        assertThat(ticked.getString("doneBy")).isEqualTo("Preflight check");
        assertThat(ticked.getString("evidenceNote")).startsWith("Checked automatically: passed");
        problem(patch(launch, "web.headers", Map.of("status", "done", "comment", "by hand")), 400, "invalid-input")
                .body("errors[0].field", equalTo("status"))
                .body("errors[0].message", containsString("ticked by its check"));

        run(launch, "web.health").body("verdict", equalTo("passed"));
        assertThat(item(launch, "web.health").getString("condition")).isEqualTo("awaiting_sign_off");
        patch(launch, "web.health", Map.of("signOff", true)).statusCode(200);
        patch(launch, "web.docs", Map.of("status", "done")).statusCode(200);
        Api.admin().contentType(ContentType.JSON).body(Map.of("to", "in_review")).when()
                .post("/api/v1/launches/" + launch + "/transitions").then().statusCode(200);
        Api.admin().contentType(ContentType.JSON).body(Map.of("decision", "go", "rationale", "checked"))
                .when().post("/api/v1/launches/" + launch + "/decision").then().statusCode(200);
        gate(launch).statusCode(200);

        site.headers.remove("Strict-Transport-Security");
        try {
            ValidatableResponse failed = run(launch, "web.headers").body("verdict", equalTo("failed"));
            List<Map<String, Object>> wrong = failed.extract().jsonPath().getList("observations.findAll { !it.ok }");
            assertThat(wrong).singleElement().satisfies(o -> {
                assertThat((String) o.get("what")).contains("Strict-Transport-Security");
                assertThat(o.get("expected")).isEqualTo(HSTS);
                assertThat((String) o.get("seen")).isNotBlank().doesNotContain(HSTS);
            });
            JsonPath reopened = item(launch, "web.headers");
            assertThat(reopened.getString("condition")).isEqualTo("open");
            assertThat(reopened.getString("evidenceNote")).startsWith("Reopened by its check: failed");
            problem(gate(launch), 409, "not-ready");
            assertThat(Api.admin().when().get("/api/v1/checks?service=" + service).then().statusCode(200).extract()
                    .jsonPath().getString("items[0].verdict")).isEqualTo("failed");
            assertThat(Api.admin().when().get("/api/v1/board").then().statusCode(200).extract().jsonPath()
                    .getInt("launchesWithFailingChecks")).isPositive();
        } finally {
            site.headers.put("Strict-Transport-Security", HSTS);
        }

        run(launch, "web.headers").body("verdict", equalTo("passed"));
        assertThat(item(launch, "web.headers").getString("condition")).isEqualTo("done");
        gate(launch).statusCode(200);
        JsonPath results = Api.admin().when().get("/api/v1/launches/" + launch + "/items/web.headers/checks").then()
                .statusCode(200).extract().jsonPath();
        assertThat(results.getList("results.verdict")).containsExactly("passed", "failed", "passed");
        assertThat(results.getString("results[1].runBy")).isEqualTo("admin");
        List<String> actors = Api.admin().when().get("/api/v1/launches/" + launch + "/items/web.headers/history")
                .then().statusCode(200).extract().jsonPath().getList("actor");
        assertThat(actors).containsExactly("Preflight check", "Preflight check", "Preflight check");
    }

    @Test
    void a_scheduled_check_runs_once_while_two_instances_ask_together() throws Exception {
        long launch = Fixtures.launch(Fixtures.serviceAt(Fixtures.team(), address()), Fixtures.checkedTemplate());
        long item = itemId(launch, "web.headers");
        checks.onSchedule();
        update("UPDATE item_check SET next_run_at = now() - interval '1 second' "
                + "WHERE launch_item_id = ?", item);
        long runsBefore = scheduledRuns();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService instances = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> asked = List.of(instances.submit(() -> awaitThen(start, checks::onSchedule)),
                    instances.submit(() -> awaitThen(start, checks::onSchedule)));
            start.countDown();
            for (Future<?> f : asked) {
                f.get();
            }
        } finally {
            instances.shutdown();
        }
        assertThat(results(item)).isEqualTo(1);
        assertThat(scheduledRuns() - runsBefore).isBetween(1L, 2L);
        assertThat(item(launch, "web.headers").getString("condition")).isEqualTo("done");
    }

    @Test
    void no_check_runs_for_a_retired_service_or_a_closed_launch() {
        String service = Fixtures.serviceAt(Fixtures.team(), address());
        long launch = Fixtures.launch(service, Fixtures.checkedTemplate());
        long item = itemId(launch, "web.headers");
        checks.onSchedule();
        update("UPDATE service SET lifecycle = 'RETIRED' WHERE slug = ?", service);
        update("UPDATE item_check SET next_run_at = now() - interval '1 second' "
                + "WHERE launch_item_id = ?", item);
        checks.onSchedule();
        assertThat(results(item)).isZero();

        long closed = Fixtures.launch(Fixtures.serviceAt(Fixtures.team(), address()), Fixtures.checkedTemplate());
        long closedItem = itemId(closed, "web.headers");
        checks.onSchedule();
        update("UPDATE launch SET state = 'CANCELLED' WHERE id = ?", closed);
        update("UPDATE item_check SET next_run_at = now() - interval '1 second' "
                + "WHERE launch_item_id = ?", closedItem);
        checks.onSchedule();
        assertThat(results(closedItem)).isZero();
        problem(Api.admin().when().post("/api/v1/launches/" + closed + "/items/web.headers/checks").then(), 409,
                "conflict");
    }

    @Test
    void bad_check_settings_are_refused_naming_the_field() {
        problem(importing(check("{kind: http, url: 'not a url'}")), 400, "invalid-input")
                .body("errors.field", hasItem("sections[0].items[0].check.url"));
        problem(importing(check("{kind: teleport, url: '${service.baseUrl}'}")), 400, "invalid-input")
                .body("errors.field", hasItem("sections[0].items[0].check.kind"));
        problem(importing(check("{kind: http, url: '${service.nowhere}'}")), 400, "invalid-input")
                .body("errors.field", hasItem("sections[0].items[0].check.url"));
        problem(importing(check("{kind: http, url: '${service.baseUrl}', colour: blue}")), 400, "invalid-input")
                .body("errors.field", hasItem("sections[0].items[0].check.colour"));
    }

    @Test
    void a_secret_reaches_the_server_and_no_result_page_answer_or_log_line() {
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(String.valueOf(record.getMessage()) + " " + Arrays.toString(record.getParameters())
                        + " " + record.getThrown());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger.getLogger("").addHandler(capture);
        try {
            String service = Fixtures.serviceAt(Fixtures.team(), address());
            long launch = Fixtures.launch(service, Fixtures.checkedTemplate());
            site.authorizations.clear();
            String answer = run(launch, "web.api").body("verdict", equalTo("passed")).extract().asString();
            assertThat(site.authorizations).contains("Bearer " + SECRET);
            String results = Api.admin().when().get("/api/v1/launches/" + launch + "/items/web.api/checks").then()
                    .statusCode(200).extract().asString();
            String launchJson = Api.admin().when().get("/api/v1/launches/" + launch).then().statusCode(200).extract()
                    .asString();
            Browser admin = Browser.admin();
            String page = admin.get("/launches/" + launch + "/items/web.api", 200).html();
            String board = admin.get("/checks?service=" + service, 200).html();
            String export = Api.admin().accept("application/yaml").when()
                    .get("/api/v1/templates/" + templateOf(launch) + "/versions/1/export").then().statusCode(200)
                    .extract().asString();
            for (String text : List.of(answer, results, launchJson, page, board, export, String.join("\n", lines))) {
                assertThat(text).doesNotContain(SECRET);
            }
            assertThat(export).contains("${secret.test_token}");
        } finally {
            Logger.getLogger("").removeHandler(capture);
        }
    }

    private static void awaitThen(CountDownLatch start, Runnable work) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        work.run();
    }

    private void update(String statement, Object parameter) {
        QuarkusTransaction.requiringNew().run(() -> sql.inTransaction(c -> Sql.update(c, statement, parameter)));
    }

    private long results(long item) {
        return sql.read(c -> Sql.first(c, "SELECT count(*) FROM check_result WHERE launch_item_id = ?",
                r -> r.getLong(1), item));
    }

    private long scheduledRuns() {
        return sql.read(c -> Sql.first(c, "SELECT coalesce(max(runs), 0) FROM scheduled_work WHERE name = 'item-checks'",
                r -> r.getLong(1)));
    }

    private long itemId(long launch, String key) {
        return sql.read(c -> Sql.first(c, "SELECT id FROM launch_item WHERE launch_id = ? AND key = ?",
                r -> r.getLong(1), launch, key));
    }

    private String templateOf(long launch) {
        return Api.admin().when().get("/api/v1/launches/" + launch).then().statusCode(200).extract().path("template");
    }

    private static String check(String check) {
        return """
                format: preflight-template/1
                slug: %s
                name: Bad check
                sections:
                  - key: web
                    title: Web
                    items:
                      - key: web.one
                        title: One
                        check: %s
                """.formatted(Fixtures.unique("bad"), check);
    }

    private static ValidatableResponse importing(String yaml) {
        return Api.admin().contentType("application/yaml").body(yaml).when().post("/api/v1/templates/import").then();
    }

    private static ValidatableResponse run(long launch, String key) {
        return Api.admin().when().post("/api/v1/launches/" + launch + "/items/" + key + "/checks").then()
                .log().ifValidationFails().statusCode(200);
    }

    private static JsonPath item(long launch, String key) {
        return Api.admin().when().get("/api/v1/launches/" + launch + "/items/" + key).then().statusCode(200).extract()
                .jsonPath();
    }

    private static ValidatableResponse patch(long launch, String key, Map<String, Object> change) {
        return Api.admin().contentType(ContentType.JSON).body(change).when()
                .patch("/api/v1/launches/" + launch + "/items/" + key).then();
    }

    private static ValidatableResponse gate(long launch) {
        return Api.admin().when().get("/api/v1/launches/" + launch + "/gate").then();
    }
}
