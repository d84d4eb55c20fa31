package dev.preflight.platform.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * A delivery connects to the address its URL was checked at: a name that could now resolve
 * elsewhere (here one that resolves nowhere) is never looked up again.
 */
class PinnedHttpTest {

    @Test
    void the_request_goes_to_the_checked_address_whatever_the_name_now_says() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<List<String>> received = CompletableFuture.supplyAsync(() -> {
                try (Socket socket = server.accept()) {
                    BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                            StandardCharsets.ISO_8859_1));
                    List<String> lines = new ArrayList<>();
                    for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                        lines.add(line);
                    }
                    OutputStream out = socket.getOutputStream();
                    out.write("HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                    return lines;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            URI uri = URI.create("http://hooks.rebound.invalid:" + server.getLocalPort() + "/in?x=1");
            AddressRules.Pinned pinned = new AddressRules.Pinned(uri, InetAddress.getLoopbackAddress(),
                    server.getLocalPort(), null);

            int status = PinnedHttp.post(pinned, Map.of("Preflight-Event", "item.changed"),
                    "{}".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(10));

            assertThat(status).isEqualTo(204);
            assertThat(received.get(10, TimeUnit.SECONDS)).contains("POST /in?x=1 HTTP/1.1",
                    "Host: hooks.rebound.invalid:" + server.getLocalPort(), "Content-Length: 2",
                    "Preflight-Event: item.changed");
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
    }
}
