package dev.preflight.check;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;

/**
 * A web server on 127.0.0.1 for the checks to ask: each path answers as the test tells it, and
 * every request that arrives is kept.
 */
final class TestSite implements AutoCloseable {

    /** A request as it arrived, its header names in lower case. */
    record Request(String method, String path, Map<String, String> headers) {
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Map<String, HttpHandler> paths = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    private TestSite(HttpServer server) {
        this.server = server;
        server.setExecutor(threads);
        server.createContext("/", exchange -> {
            Map<String, String> headers = new ConcurrentHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
            String path = exchange.getRequestURI().getPath();
            requests.add(new Request(exchange.getRequestMethod(), path, headers));
            HttpHandler handler = paths.get(path);
            try (exchange) {
                if (handler == null) {
                    exchange.sendResponseHeaders(404, -1);
                } else {
                    handler.handle(exchange);
                }
            } catch (IOException e) {
                // the check gave up reading, as it should for a large body
            }
        });
        server.start();
    }

    /** A plain http:// site. */
    static TestSite plain() {
        try {
            return new TestSite(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An https:// site with the certificate of {@code context}, speaking only the given TLS versions. */
    static TestSite secure(SSLContext context, String... protocols) {
        try {
            HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setHttpsConfigurator(new HttpsConfigurator(context) {
                @Override
                public void configure(HttpsParameters params) {
                    SSLParameters parameters = context.getDefaultSSLParameters();
                    if (protocols.length > 0) {
                        parameters.setProtocols(protocols);
                    }
                    params.setSSLParameters(parameters);
                }
            });
            return new TestSite(server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The path answers with the status, headers and body. */
    TestSite answer(String path, int status, Map<String, String> headers, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return handle(path, exchange -> {
            headers.forEach(exchange.getResponseHeaders()::add);
            boolean empty = bytes.length == 0 || exchange.getRequestMethod().equals("HEAD");
            exchange.sendResponseHeaders(status, empty ? -1 : bytes.length);
            if (!empty) {
                exchange.getResponseBody().write(bytes);
            }
        });
    }

    /** The path redirects with the status to the location. */
    TestSite redirect(String path, int status, String location) {
        return answer(path, status, Map.of("Location", location), "");
    }

    /** The path answers 200 with a body of that many bytes, written as it is read. */
    TestSite large(String path, long bytes) {
        return handle(path, exchange -> {
            exchange.sendResponseHeaders(200, bytes);
            byte[] chunk = new byte[64 * 1024];
            Arrays.fill(chunk, (byte) 'x');
            OutputStream out = exchange.getResponseBody();
            for (long left = bytes; left > 0; left -= chunk.length) {
                out.write(chunk, 0, (int) Math.min(chunk.length, left));
            }
        });
    }

    TestSite handle(String path, HttpHandler handler) {
        paths.put(path, handler);
        return this;
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** This site's URL of the path, by the address 127.0.0.1. */
    String url(String path) {
        return (server instanceof HttpsServer ? "https" : "http") + "://127.0.0.1:" + port() + path;
    }

    /** This site's URL of the path, by the name localhost. */
    String urlByName(String path) {
        return (server instanceof HttpsServer ? "https" : "http") + "://localhost:" + port() + path;
    }

    /** The requests that arrived for the path. */
    List<Request> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
