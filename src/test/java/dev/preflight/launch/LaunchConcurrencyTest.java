package dev.preflight.launch;

import static dev.preflight.ProblemAssertions.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import dev.preflight.Api;
import dev.preflight.Fixtures;

/** Parallel writers on one item, retried writes with an Idempotency-Key, and all-or-nothing bulk updates. */
@QuarkusTest
class LaunchConcurrencyTest {

    private static final int WRITERS = 8;
    private static final String BACKUPS = "basics.backups";

    @Test
    void parallel_writers_at_one_version_one_wins_the_rest_are_refused_and_history_counts_the_winner() throws Exception {
        long launch = Fixtures.launch(Fixtures.service(Fixtures.team(), 2), Fixtures.template(true));
        List<Integer> statuses = parallel(i -> Api.admin().contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("status", "done", "evidenceLink", "https://ci.example/run/" + i))
                .when().patch(itemPath(launch, BACKUPS)));

        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        assertThat(statuses).filteredOn(s -> s != 200).hasSize(WRITERS - 1).allMatch(s -> s == 409 || s == 412);
        Api.admin().when().get(itemPath(launch, BACKUPS) + "/history").then().statusCode(200).body("$", hasSize(1));
        Api.admin().when().get(itemPath(launch, BACKUPS)).then().statusCode(200).body("version", equalTo(1));
    }

    @Test
    void a_stale_write_is_refused_with_the_current_item() {
        long launch = Fixtures.launch(Fixtures.service(Fixtures.team(), 2), Fixtures.template(true));
        Api.admin().contentType(ContentType.JSON).body(Map.of("status", "blocked", "reason", "waiting for disks"))
                .when().patch(itemPath(launch, BACKUPS)).then().statusCode(200);
        problem(Api.admin().contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("status", "done", "evidenceLink", "https://x.example"))
                .when().patch(itemPath(launch, BACKUPS)).then(), 412, "stale-version")
                .body("current.status", equalTo("blocked"))
                .body("current.reason", equalTo("waiting for disks"))
                .body("current.version", equalTo(1));
    }

    @Test
    void a_retried_write_with_the_same_key_is_replayed_and_another_body_with_it_is_refused() {
        long launch = Fixtures.launch(Fixtures.service(Fixtures.team(), 2), Fixtures.template(true));
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("status", "done", "evidenceLink", "https://ci.example/1");
        Response first = Api.admin().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .when().patch(itemPath(launch, BACKUPS));
        first.then().statusCode(200).header("Idempotent-Replayed", (String) null);
        Api.admin().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .when().patch(itemPath(launch, BACKUPS)).then().statusCode(200)
                .header("Idempotent-Replayed", "true")
                .header("ETag", "\"1\"")
                .body("version", equalTo(1))
                .body("doneAt", equalTo(first.path("doneAt")));
        problem(Api.admin().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(Map.of("status", "done", "evidenceLink", "https://ci.example/2"))
                .when().patch(itemPath(launch, BACKUPS)).then(), 422, "idempotency-key-reused");
        Api.admin().when().get(itemPath(launch, BACKUPS) + "/history").then().statusCode(200).body("$", hasSize(1));

        String refusedFirst = UUID.randomUUID().toString();
        problem(Api.admin().contentType(ContentType.JSON).header("Idempotency-Key", refusedFirst)
                .body(Map.of("status", "blocked")).when().patch(itemPath(launch, BACKUPS)).then(), 400, "invalid-input");
        Api.admin().contentType(ContentType.JSON).header("Idempotency-Key", refusedFirst)
                .body(Map.of("comment", "a refused write leaves its key free"))
                .when().patch(itemPath(launch, BACKUPS)).then().statusCode(200);
    }

    @Test
    void concurrent_requests_with_one_key_have_one_effect() throws Exception {
        long launch = Fixtures.launch(Fixtures.service(Fixtures.team(), 2), Fixtures.template(true));
        String key = UUID.randomUUID().toString();
        List<Integer> statuses = parallel(i -> Api.admin().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(Map.of("comment", "deploy 42 started")).when().patch(itemPath(launch, BACKUPS)));

        assertThat(statuses).containsOnly(200);
        Api.admin().when().get(itemPath(launch, BACKUPS) + "/history").then().statusCode(200).body("$", hasSize(1));
    }

    @Test
    void opening_a_launch_twice_with_one_key_opens_it_once() {
        String service = Fixtures.service(Fixtures.team(), 2);
        String template = Fixtures.template(true);
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("service", service, "template", template, "name", "GA",
                "environment", "production", "targetDate", java.time.LocalDate.now().plusDays(3).toString());
        int first = Api.admin().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .when().post("/api/v1/launches").then().statusCode(201).extract().path("id");
        Api.admin().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .when().post("/api/v1/launches").then().statusCode(201)
                .header("Location", endsWith("/api/v1/launches/" + first)).body("id", equalTo(first));
        Api.admin().queryParam("service", service).when().get("/api/v1/launches").then().body("total", equalTo(1));
        problem(Api.admin().contentType(ContentType.JSON).header("Idempotency-Key", "not a key").body(body)
                .when().post("/api/v1/launches").then(), 400, "invalid-input")
                .body("errors.field", contains("Idempotency-Key"));
    }

    @Test
    void a_bulk_update_of_150_items_is_applied_in_one_request_or_not_at_all() {
        String template = Fixtures.largeTemplate(150);
        long launch = Fixtures.launch(Fixtures.service(Fixtures.team(), 1), template);
        Map<String, Object> refused = new LinkedHashMap<>();
        for (int i = 1; i <= 150; i++) {
            refused.put("bulk.item-" + i, i == 77 ? Map.of("status", "blocked") : Map.of("status", "done"));
        }
        refused.put("bulk.no-such-item", Map.of("status", "done"));
        problem(Api.admin().contentType(ContentType.JSON).body(Map.of("items", refused))
                .when().patch("/api/v1/launches/" + launch + "/items").then(), 400, "invalid-input")
                .body("errors.field", contains("items.bulk.item-77.reason", "items.bulk.no-such-item"));
        problem(Api.admin().contentType(ContentType.JSON)
                .body(Map.of("items", Map.of("bulk.item-1", Map.of("status", "done", "version", 5))))
                .when().patch("/api/v1/launches/" + launch + "/items").then(), 412, "stale-version")
                .body("current.key", contains("bulk.item-1"));
        Api.admin().when().get("/api/v1/launches/" + launch).then().statusCode(200)
                .body("items.status", everyItem(equalTo("open")));
        Api.admin().when().get("/api/v1/launches/" + launch + "/history").then().statusCode(200).body("$", hasSize(1));

        Map<String, Object> all = new LinkedHashMap<>();
        for (int i = 1; i <= 150; i++) {
            all.put("bulk.item-" + i, Map.of("status", "done", "comment", "CI run 7"));
        }
        Api.admin().contentType(ContentType.JSON).body(Map.of("items", all))
                .when().patch("/api/v1/launches/" + launch + "/items").then().log().ifValidationFails().statusCode(200)
                .body("changed", equalTo(150))
                .body("unchanged", equalTo(0))
                .body("progress.percent", equalTo(100))
                .body("items", hasSize(150));
        Api.admin().when().get("/api/v1/launches/" + launch).then().statusCode(200)
                .body("items.condition", everyItem(equalTo("done")))
                .body("readiness.resolved", equalTo(150));
        Api.admin().queryParam("limit", 1000).when().get("/api/v1/launches/" + launch + "/history").then()
                .statusCode(200).body("$", hasSize(151));
    }

    private static String itemPath(long launch, String key) {
        return "/api/v1/launches/" + launch + "/items/" + key;
    }

    /** Sends the request from {@value #WRITERS} threads released together; returns their statuses. */
    private static List<Integer> parallel(java.util.function.IntFunction<Response> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < WRITERS; i++) {
                int n = i;
                Callable<Integer> call = () -> {
                    start.await();
                    return request.apply(n).statusCode();
                };
                results.add(pool.submit(call));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get());
            }
            return statuses;
        } finally {
            pool.shutdown();
        }
    }
}
