package dev.preflight.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.preflight.Fixtures;
import dev.preflight.TestApplication;
import dev.preflight.platform.db.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * With forwarding on and one trusted proxy (127.0.0.1), the client address that throttling and
 * the audit log see is the forwarded one only when the trusted proxy sends it; another peer's
 * {@code X-Forwarded-For} is ignored and its own address used.
 */
@QuarkusTest
@TestProfile(TrustedProxyTest.OneTrustedProxy.class)
class TrustedProxyTest {

    public static class OneTrustedProxy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.allow-x-forwarded", "true",
                    "quarkus.http.proxy.trusted-proxies", "127.0.0.1");
        }
    }

    @Inject
    Sql sql;

    @Test
    void only_the_trusted_proxy_s_forwarded_address_reaches_throttling_and_the_audit_log() throws Exception {
        String bad = "pf_" + "q".repeat(40);
        Instant started = sql.read(c -> Sql.first(c, "SELECT now()", r -> Sql.instant(r, "now")));
        assertThat(send("127.0.0.1", "GET /api/v1/me", "203.0.113.9", bad, null)).isEqualTo(401);
        assertThat(send("127.0.0.2", "GET /api/v1/me", "198.51.100.7", bad, null)).isEqualTo(401);
        List<String> counted = sql.read(c -> Sql.list(c, "SELECT key FROM auth_failure WHERE scope = 'token' "
                + "AND failed_at >= ?", r -> r.getString(1), started));
        assertThat(counted).contains("203.0.113.9", "127.0.0.2").doesNotContain("198.51.100.7", "127.0.0.1");

        String trusted = Fixtures.unique("proxied");
        String untrusted = Fixtures.unique("direct");
        assertThat(send("127.0.0.1", "POST /api/v1/teams", "203.0.113.10", TestApplication.ADMIN_TOKEN,
                "{\"slug\":\"" + trusted + "\",\"name\":\"Proxied\"}")).isEqualTo(201);
        assertThat(send("127.0.0.2", "POST /api/v1/teams", "198.51.100.8", TestApplication.ADMIN_TOKEN,
                "{\"slug\":\"" + untrusted + "\",\"name\":\"Direct\"}")).isEqualTo(201);
        List<String> recorded = sql.read(c -> Sql.list(c, "SELECT source_address FROM audit_event "
                + "WHERE target_id IN (?, ?) ORDER BY id", r -> r.getString(1), trusted, untrusted));
        assertThat(recorded).isEqualTo(List.of("203.0.113.10", "127.0.0.2"));
    }

    /** One request over a connection from the local address given; its status. */
    private static int send(String from, String request, String forwardedFor, String token, String json)
            throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
            socket.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), TestApplication.httpPort()), 10_000);
            socket.setSoTimeout(30_000);
            byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
            String head = request + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nX-Forwarded-For: " + forwardedFor
                    + "\r\nAuthorization: Bearer " + token + "\r\nAccept: application/json\r\n"
                    + (json == null ? "" : "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n")
                    + "\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            String status = new String(in.readNBytes(12), StandardCharsets.ISO_8859_1);
            return Integer.parseInt(status.substring(9, 12));
        }
    }
}
