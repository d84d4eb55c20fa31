package dev.preflight.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import dev.preflight.Api;
import dev.preflight.Browser;
import dev.preflight.Fixtures;

/**
 * Live updates end with the credential that opened them: a browser's stream when its session is
 * signed out or the account disabled, a script's when its token is revoked, within seconds, while
 * changes keep coming.
 */
@QuarkusTest
class LiveStreamsTest {

    /** Checks run every 2 s; this leaves room for a loaded machine. */
    private static final Duration ENDS_WITHIN = Duration.ofSeconds(15);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TestHTTPResource("/")
    URL base;

    @Test
    void a_launch_stream_ends_when_its_browser_signs_out_elsewhere() throws Exception {
        Fixtures.TestUser user = Fixtures.user("engineer");
        Browser browser = user.browser();
        long launch = Fixtures.launch(Fixtures.service(Fixtures.team(), 2), Fixtures.template(true));
        Stream stream = open("/launches/" + launch + "/events", "Cookie", "pf_session=" + browser.sessionCookie());
        change(launch, "first");
        stream.awaitEvents(1);
        assertThat(stream.endsWithin(Duration.ofSeconds(5))).as("still open after two checks, while signed in")
                .isFalse();
        change(launch, "second");
        stream.awaitEvents(2);

        assertThat(browser.post("/logout", Map.of()).statusCode()).isEqualTo(303);
        stream.awaitEnd(() -> change(launch, "after sign-out"));
    }

    @Test
    void a_board_stream_ends_when_its_token_is_revoked() throws Exception {
        Fixtures.TestUser user = Fixtures.user("viewer");
        Browser browser = user.browser();
        String token = Fixtures.token(browser, List.of("read"));
        long launch = Fixtures.launch(Fixtures.service(Fixtures.team(), 2), Fixtures.template(true));
        Stream stream = open("/board/events", "Authorization", "Bearer " + token);
        change(launch, "first");
        stream.awaitEvents(1);

        long id = browser.api().when().get("/api/v1/tokens").then().statusCode(200).extract()
                .jsonPath().getLong("find { it.prefix == '" + token.substring(0, 10) + "' }.id");
        browser.api().when().delete("/api/v1/tokens/" + id).then().statusCode(200);
        stream.awaitEnd(() -> change(launch, "after revoking"));
    }

    @Test
    void a_stream_ends_when_the_account_is_disabled() throws Exception {
        Fixtures.TestUser user = Fixtures.user("viewer");
        Browser browser = user.browser();
        long launch = Fixtures.launch(Fixtures.service(Fixtures.team(), 2), Fixtures.template(true));
        Stream stream = open("/launches/" + launch + "/events", "Cookie", "pf_session=" + browser.sessionCookie());
        change(launch, "first");
        stream.awaitEvents(1);

        Api.admin().contentType(ContentType.JSON)
                .body(Map.of("displayName", "Gone", "role", "viewer", "enabled", false))
                .when().put("/api/v1/users/" + user.username()).then().statusCode(200);
        stream.awaitEnd(() -> change(launch, "after disabling"));
    }

    @Test
    void a_quiet_stream_sends_heartbeats_as_comments() throws Exception {
        Browser browser = Fixtures.user("viewer").browser();
        Stream stream = open("/board/events", "Cookie", "pf_session=" + browser.sessionCookie());

        stream.awaitHeartbeat(LiveStreams.HEARTBEAT_EVERY.plus(ENDS_WITHIN));
        assertThat(stream.endsWithin(Duration.ZERO)).as("still open after its heartbeat").isFalse();
    }

    /** Comments on the launch's first item as the admin: one live event each. */
    private static void change(long launch, String words) {
        String key = Api.admin().when().get("/api/v1/launches/" + launch).then().statusCode(200).extract()
                .path("items[0].key");
        Api.admin().contentType(ContentType.JSON).body(Map.of("comment", words)).when()
                .patch("/api/v1/launches/" + launch + "/items/" + key).then().statusCode(200);
    }

    private Stream open(String path, String header, String value) throws Exception {
        HttpResponse<java.util.stream.Stream<String>> response = HTTP.send(HttpRequest.newBuilder(
                URI.create(base.toString()).resolve(path)).header(header, value).header("Accept", "text/event-stream")
                .build(), HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        return new Stream(response);
    }

    /** A stream read on a thread of its own: how many events came, and whether it ended. */
    private static final class Stream {

        private final AtomicInteger events = new AtomicInteger();
        private final AtomicInteger heartbeats = new AtomicInteger();
        private final CountDownLatch ended = new CountDownLatch(1);

        Stream(HttpResponse<java.util.stream.Stream<String>> response) {
            Thread reader = new Thread(() -> {
                try {
                    response.body().forEach(line -> {
                        if (line.startsWith("data:")) {
                            events.incrementAndGet();
                        } else if (line.startsWith(":")) {
                            heartbeats.incrementAndGet();
                        }
                    });
                } catch (UncheckedIOException closed) {
                    // An ended stream may end as a closed connection: ended all the same.
                }
                ended.countDown();
            }, "stream-reader");
            reader.setDaemon(true);
            reader.start();
        }

        boolean endsWithin(Duration limit) throws InterruptedException {
            return ended.await(limit.toMillis(), TimeUnit.MILLISECONDS);
        }

        void awaitEvents(int count) throws InterruptedException {
            long deadline = System.nanoTime() + ENDS_WITHIN.toNanos();
            while (events.get() < count && System.nanoTime() < deadline) {
                ended.await(50, TimeUnit.MILLISECONDS);
            }
            assertThat(events.get()).as("events received while signed in").isGreaterThanOrEqualTo(count);
        }

        void awaitHeartbeat(Duration limit) throws InterruptedException {
            long deadline = System.nanoTime() + limit.toNanos();
            while (heartbeats.get() == 0 && System.nanoTime() < deadline) {
                ended.await(50, TimeUnit.MILLISECONDS);
            }
            assertThat(heartbeats.get()).as("comments received within " + limit.toSeconds() + " s").isPositive();
        }

        /** Keeps changing the launch until the stream ends, which it must within the limit. */
        void awaitEnd(Runnable change) throws InterruptedException {
            long deadline = System.nanoTime() + ENDS_WITHIN.toNanos();
            while (!ended.await(500, TimeUnit.MILLISECONDS)) {
                assertThat(System.nanoTime()).as("the stream ended within " + ENDS_WITHIN.toSeconds() + " s")
                        .isLessThan(deadline);
                change.run();
            }
            int before = events.get();
            change.run();
            assertThat(events.get()).as("nothing arrives once the stream ended").isEqualTo(before);
        }
    }
}
