package dev.preflight.platform.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;

import org.junit.jupiter.api.Test;

/**
 * Webhook deliveries and checks connect to the address their URL was judged at: a name that could
 * now resolve elsewhere (here one that resolves nowhere) is never looked up again. Answers are read
 * within the time limit and up to the body limit.
 */
class PinnedHttpTest {

    /** A server that reads one request's head, answers with the text given and closes. */
    private record Server(ServerSocket socket, CompletableFuture<List<String>> received) implements AutoCloseable {

        static Server answering(String answer, CountDownLatch hold) throws IOException {
            ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
            return new Server(server, CompletableFuture.supplyAsync(() -> {
                try (Socket socket = server.accept()) {
                    BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                            StandardCharsets.ISO_8859_1));
                    List<String> lines = new ArrayList<>();
                    for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                        lines.add(line);
                    }
                    OutputStream out = socket.getOutputStream();
                    out.write(answer.getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                    hold.await(60, TimeUnit.SECONDS);
                    return lines;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }

        AddressRules.Pinned at(String name, String path) {
            URI uri = URI.create("http://" + name + ":" + socket.getLocalPort() + path);
            return new AddressRules.Pinned(uri, InetAddress.getLoopbackAddress(), socket.getLocalPort(), null);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    private static final String CHUNKED = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nX-Seen: one\r\n"
            + "x-seen: two\r\n\r\n6\r\nhello \r\n5;note=x\r\nworld\r\n0\r\n\r\n";

    @Test
    void the_request_goes_to_the_checked_address_whatever_the_name_now_says() throws Exception {
        try (Server server = Server.answering("HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n",
                new CountDownLatch(0))) {
            int status = PinnedHttp.post(server.at("hooks.rebound.invalid", "/in?x=1"),
                    Map.of("Preflight-Event", "item.changed"), "{}".getBytes(StandardCharsets.UTF_8),
                    Duration.ofSeconds(10));

            assertThat(status).isEqualTo(204);
            assertThat(server.received().get(10, TimeUnit.SECONDS)).contains("POST /in?x=1 HTTP/1.1",
                    "Host: hooks.rebound.invalid:" + server.socket().getLocalPort(), "Content-Length: 2",
                    "Preflight-Event: item.changed");
        }
    }

    @Test
    void a_check_s_request_reads_a_chunked_body_whole_or_up_to_the_limit() throws Exception {
        try (Server server = Server.answering(CHUNKED, new CountDownLatch(0))) {
            PinnedHttp.Answer answer = PinnedHttp.exchange(server.at("status.rebound.invalid", "/"), "GET",
                    Map.of("Accept", "text/plain"), null, SSLContext.getDefault(), Duration.ofSeconds(10), 100);

            assertThat(answer.status()).isEqualTo(200);
            assertThat(new String(answer.body(), StandardCharsets.UTF_8)).isEqualTo("hello world");
            assertThat(answer.whole()).isTrue();
            assertThat(answer.headers().get("X-SEEN")).containsExactly("one", "two");
            assertThat(server.received().get(10, TimeUnit.SECONDS)).contains("GET / HTTP/1.1", "Accept: text/plain")
                    .noneMatch(line -> line.startsWith("Content-Length"));
        }
        try (Server server = Server.answering(CHUNKED, new CountDownLatch(0))) {
            PinnedHttp.Answer answer = PinnedHttp.exchange(server.at("status.rebound.invalid", "/"), "GET", Map.of(),
                    null, SSLContext.getDefault(), Duration.ofSeconds(10), 8);

            assertThat(new String(answer.body(), StandardCharsets.UTF_8)).isEqualTo("hello wo");
            assertThat(answer.whole()).isFalse();
        }
    }

    @Test
    void an_answer_that_stops_half_way_ends_at_the_time_limit() throws Exception {
        CountDownLatch hold = new CountDownLatch(1);
        try (Server server = Server.answering("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nstarted", hold)) {
            assertThatThrownBy(() -> PinnedHttp.exchange(server.at("slow.rebound.invalid", "/"), "GET", Map.of(), null,
                    SSLContext.getDefault(), Duration.ofSeconds(2), 1000))
                    .isInstanceOf(SocketTimeoutException.class);
        } finally {
            hold.countDown();
        }
    }

    @Test
    void what_is_not_http_is_refused_as_such() throws Exception {
        try (Server server = Server.answering("SSH-2.0-OpenSSH_9.2\r\n", new CountDownLatch(0))) {
            assertThatThrownBy(() -> PinnedHttp.exchange(server.at("ssh.rebound.invalid", "/"), "GET", Map.of(), null,
                    SSLContext.getDefault(), Duration.ofSeconds(10), 1000))
                    .isInstanceOf(IOException.class).hasMessage("the answer is not HTTP");
        }
    }

    @Test
    void a_url_is_judged_and_resolved_once() {
        AddressRules rules = new AddressRules(List.of("localhost", "*.example.com"), "for webhooks",
                "PREFLIGHT_WEBHOOKS_ALLOWED_HOSTS");
        AddressRules.Pinned local = rules.pinned("http://localhost:8080/x");
        assertThat(local.refusal()).isNull();
        assertThat(local.address().isLoopbackAddress()).isTrue();
        assertThat(local.port()).isEqualTo(8080);
        assertThat(rules.pinned("http://10.0.0.1/x").refusal()).startsWith("is not on a host allowed");
        assertThat(rules.pinned("ftp://localhost/x").refusal()).startsWith("must start with https://");
        AddressRules.Pinned host = rules.pinned("[::1]", 22);
        assertThat(host.refusal()).startsWith("is not on a host allowed");
        assertThat(rules.pinned("localhost", 22).address().isLoopbackAddress()).isTrue();
    }
}
