package dev.preflight.platform.net;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpConnectTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * One HTTP/1.1 exchange with the address a URL was judged at ({@link AddressRules.Pinned}), never
 * with a second lookup of its name: what was checked is what is reached. Over https the certificate
 * is checked against the URL's host name, which is also sent as the server name. The whole exchange
 * (connecting, sending, reading) keeps to one time limit, and at most so much of a body is read.
 */
public final class PinnedHttp {

    private static final int MAX_HEAD = 64 * 1024;
    private static final int MAX_CHUNK_LINE = 1024;
    private static final String CLOSED = "the connection was closed before the whole answer came";

    /**
     * What came back.
     *
     * @param status  the status code
     * @param headers the headers, names compared without regard to case
     * @param body    the body read, up to the limit asked for
     * @param whole   whether that is the whole body
     */
    public record Answer(int status, Map<String, List<String>> headers, byte[] body, boolean whole) {

        /** The first value of a header, or null. */
        public String header(String name) {
            return first(headers, name);
        }
    }

    private PinnedHttp() {
    }

    /** Sends the body with the default trust store and returns the answer's status code. */
    public static int post(AddressRules.Pinned target, Map<String, String> headers, byte[] body, Duration timeout)
            throws IOException {
        try {
            return exchange(target, "POST", headers, body, SSLContext.getDefault(), timeout, 0).status();
        } catch (NoSuchAlgorithmException e) {
            throw new IOException("TLS is not available", e);
        }
    }

    /**
     * Sends a request and reads the answer.
     *
     * @param body         sent as it is, or null for a request without a body
     * @param tls          what certificates are trusted over https
     * @param maxBodyBytes how much of the answer's body is read; the rest is left unread
     * @throws HttpConnectTimeoutException when no connection was made within the time limit
     * @throws SocketTimeoutException      when the answer did not come within it
     */
    public static Answer exchange(AddressRules.Pinned target, String method, Map<String, String> headers, byte[] body,
            SSLContext tls, Duration timeout, int maxBodyBytes) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String host = target.uri().getHost();
        try (Socket plain = new Socket()) {
            try {
                plain.connect(new InetSocketAddress(target.address(), target.port()), (int) timeout.toMillis());
            } catch (SocketTimeoutException e) {
                throw new HttpConnectTimeoutException("no connection within the time limit");
            }
            plain.setSoTimeout(remaining(deadline));
            try (Socket socket = "https".equals(target.uri().getScheme()) ? tls(tls, plain, host, target.port())
                    : plain) {
                OutputStream out = socket.getOutputStream();
                out.write(head(target, method, headers, body).getBytes(StandardCharsets.ISO_8859_1));
                if (body != null) {
                    out.write(body);
                }
                out.flush();
                return answer(new Timed(socket, deadline), method, maxBodyBytes);
            }
        }
    }

    private static Socket tls(SSLContext tls, Socket plain, String host, int port) throws IOException {
        SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket(plain,
                host.startsWith("[") ? host.substring(1, host.length() - 1) : host, port, true);
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        if (!host.startsWith("[") && !host.matches("[0-9.]+")) {
            parameters.setServerNames(List.of(new SNIHostName(host)));
        }
        socket.setSSLParameters(parameters);
        socket.startHandshake();
        return socket;
    }

    private static String head(AddressRules.Pinned target, String method, Map<String, String> headers, byte[] body) {
        String path = target.uri().getRawPath() == null || target.uri().getRawPath().isEmpty() ? "/"
                : target.uri().getRawPath();
        String query = target.uri().getRawQuery() == null ? "" : "?" + target.uri().getRawQuery();
        boolean defaultPort = target.uri().getPort() == -1;
        StringBuilder head = new StringBuilder(method).append(' ').append(path).append(query).append(" HTTP/1.1\r\n")
                .append("Host: ").append(target.uri().getHost()).append(defaultPort ? "" : ":" + target.port()).append("\r\n")
                .append("Connection: close\r\n");
        if (body != null || !(method.equals("GET") || method.equals("HEAD"))) {
            head.append("Content-Length: ").append(body == null ? 0 : body.length).append("\r\n");
        }
        headers.forEach((name, value) -> head.append(name).append(": ").append(value.replaceAll("[\r\n]", " "))
                .append("\r\n"));
        return head.append("\r\n").toString();
    }

    private static Answer answer(InputStream in, String method, int maxBodyBytes) throws IOException {
        Head head = head(in);
        while (head.status >= 100 && head.status < 200 && head.status != 101) {
            head = head(in);
        }
        String length = first(head.headers, "content-length");
        String encoding = first(head.headers, "transfer-encoding");
        boolean none = method.equals("HEAD") || head.status == 204 || head.status == 304 || head.status < 200
                || "0".equals(length);
        if (none || maxBodyBytes == 0) {
            return new Answer(head.status, head.headers, new byte[0], none);
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        boolean whole;
        if (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked")) {
            whole = chunked(in, body, maxBodyBytes);
        } else if (length != null && length.trim().matches("[0-9]{1,18}")) {
            long declared = Long.parseLong(length.trim());
            whole = declared <= maxBodyBytes;
            int wanted = (int) Math.min(declared, maxBodyBytes);
            copy(in, body, wanted);
            if (body.size() < wanted) {
                throw new IOException(CLOSED);
            }
        } else {
            copy(in, body, maxBodyBytes);
            whole = body.size() < maxBodyBytes;
        }
        return new Answer(head.status, head.headers, body.toByteArray(), whole);
    }

    /** The status line and headers, or an IOException when what came is not an HTTP answer. */
    private static Head head(InputStream in) throws IOException {
        int[] left = { MAX_HEAD };
        String tooLong = "the answer's head is longer than " + MAX_HEAD / 1024 + " KB";
        String status = line(in, left, tooLong);
        String[] parts = status.split(" ");
        if (parts.length < 2 || !parts[0].startsWith("HTTP/") || !parts[1].matches("[0-9]{3}")) {
            throw new IOException("the answer is not HTTP");
        }
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String line = line(in, left, tooLong); !line.isEmpty(); line = line(in, left, tooLong)) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.computeIfAbsent(line.substring(0, colon).trim(), n -> new ArrayList<>())
                        .add(line.substring(colon + 1).trim());
            }
        }
        return new Head(Integer.parseInt(parts[1]), headers);
    }

    private record Head(int status, Map<String, List<String>> headers) {
    }

    /** One line without its line end, its length taken from what is {@code left}. */
    private static String line(InputStream in, int[] left, String tooLong) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c == -1) {
                throw new IOException(CLOSED);
            }
            if (--left[0] < 0) {
                throw new IOException(tooLong);
            }
            line.write(c);
        }
        return line.toString(StandardCharsets.ISO_8859_1).strip();
    }

    /** Reads a chunked body into {@code body} up to the limit; whether it was all read. */
    private static boolean chunked(InputStream in, ByteArrayOutputStream body, int limit) throws IOException {
        while (true) {
            String tooLong = "a chunk's size line is longer than " + MAX_CHUNK_LINE + " bytes";
            String size = line(in, new int[] { MAX_CHUNK_LINE }, tooLong).split(";", 2)[0].trim();
            if (!size.matches("[0-9a-fA-F]{1,7}")) {
                throw new IOException("the answer's body is not in chunks as it says");
            }
            int chunk = Integer.parseInt(size, 16);
            if (chunk == 0) {
                return true;
            }
            if (body.size() + chunk > limit) {
                copy(in, body, limit - body.size());
                return false;
            }
            copy(in, body, chunk);
            line(in, new int[] { MAX_CHUNK_LINE }, tooLong);
        }
    }

    private static void copy(InputStream in, ByteArrayOutputStream body, int count) throws IOException {
        byte[] buffer = new byte[8192];
        for (int left = count; left > 0;) {
            int n = in.read(buffer, 0, Math.min(left, buffer.length));
            if (n == -1) {
                return;
            }
            body.write(buffer, 0, n);
            left -= n;
        }
    }

    private static String first(Map<String, List<String>> headers, String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static int remaining(long deadline) throws SocketTimeoutException {
        long millis = (deadline - System.nanoTime()) / 1_000_000;
        if (millis <= 0) {
            throw new SocketTimeoutException("no answer within the time limit");
        }
        return (int) Math.min(Integer.MAX_VALUE, millis);
    }

    /** The socket's stream, each read waiting only as long as is left of the time limit. */
    private static final class Timed extends InputStream {

        private final Socket socket;
        private final InputStream in;
        private final long deadline;

        Timed(Socket socket, long deadline) throws IOException {
            this.socket = socket;
            this.in = new BufferedInputStream(socket.getInputStream());
            this.deadline = deadline;
        }

        @Override
        public int read() throws IOException {
            socket.setSoTimeout(remaining(deadline));
            return in.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            socket.setSoTimeout(remaining(deadline));
            return in.read(buffer, offset, length);
        }
    }
}
