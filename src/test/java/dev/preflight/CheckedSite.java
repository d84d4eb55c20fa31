package dev.preflight;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;

/**
 * A small web site on this machine for checks to look at: every path answers 200 with a JSON body
 * ({"status":"UP"}) and the response headers the test sets, except /missing (404); it keeps the
 * Authorization headers it was sent.
 */
public final class CheckedSite implements AutoCloseable {

    /** The launch checklist's HSTS value. */
    public static final String HSTS = "max-age=31536000; includeSubDomains";

    public final Map<String, String> headers = new ConcurrentHashMap<>();
    public final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4);

    private CheckedSite(HttpServer server) {
        this.server = server;
        headers.put("Strict-Transport-Security", HSTS);
        headers.put("X-Content-Type-Options", "nosniff");
        server.createContext("/", exchange -> {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (authorization != null) {
                authorizations.add(authorization);
            }
            headers.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            byte[] body = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(exchange.getRequestURI().getPath().equals("/missing") ? 404 : 200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.setExecutor(threads);
        server.start();
    }

    /** Starts a site on a free port of the loopback address. */
    public static CheckedSite start() {
        try {
            return new CheckedSite(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** http://127.0.0.1:port */
    public String address() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
