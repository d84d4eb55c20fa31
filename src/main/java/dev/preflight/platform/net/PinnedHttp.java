package dev.preflight.platform.net;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * One HTTP/1.1 POST to the address a URL was judged at ({@link AddressRules.Pinned}), never to a
 * second lookup of its name: what was checked is what is reached. Over https the certificate is
 * checked against the URL's host name, which is also sent as the server name; the answer's status
 * is read and the rest left.
 */
public final class PinnedHttp {

    private static final int MAX_STATUS_LINE = 8192;

    private PinnedHttp() {
    }

    /** Sends the body and returns the answer's status code. */
    public static int post(AddressRules.Pinned target, Map<String, String> headers, byte[] body, Duration timeout)
            throws IOException {
        String host = target.uri().getHost();
        int millis = (int) timeout.toMillis();
        try (Socket plain = new Socket()) {
            plain.connect(new InetSocketAddress(target.address(), target.port()), millis);
            plain.setSoTimeout(millis);
            try (Socket socket = "https".equals(target.uri().getScheme()) ? tls(plain, host, target.port()) : plain) {
                OutputStream out = socket.getOutputStream();
                out.write(head(target, headers, body.length).getBytes(StandardCharsets.ISO_8859_1));
                out.write(body);
                out.flush();
                return status(new BufferedInputStream(socket.getInputStream()));
            }
        }
    }

    private static Socket tls(Socket plain, String host, int port) throws IOException {
        try {
            SSLSocket socket = (SSLSocket) SSLContext.getDefault().getSocketFactory().createSocket(plain,
                    host.startsWith("[") ? host.substring(1, host.length() - 1) : host, port, true);
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            if (!host.startsWith("[") && !host.matches("[0-9.]+")) {
                parameters.setServerNames(List.of(new SNIHostName(host)));
            }
            socket.setSSLParameters(parameters);
            socket.startHandshake();
            return socket;
        } catch (NoSuchAlgorithmException e) {
            throw new IOException("TLS is not available", e);
        }
    }

    private static String head(AddressRules.Pinned target, Map<String, String> headers, int length) {
        String path = target.uri().getRawPath() == null || target.uri().getRawPath().isEmpty() ? "/"
                : target.uri().getRawPath();
        String query = target.uri().getRawQuery() == null ? "" : "?" + target.uri().getRawQuery();
        boolean defaultPort = target.uri().getPort() == -1;
        StringBuilder head = new StringBuilder("POST ").append(path).append(query).append(" HTTP/1.1\r\n")
                .append("Host: ").append(target.uri().getHost()).append(defaultPort ? "" : ":" + target.port())
                .append("\r\n").append("Content-Length: ").append(length).append("\r\n")
                .append("Connection: close\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value.replaceAll("[\r\n]", " "))
                .append("\r\n"));
        return head.append("\r\n").toString();
    }

    /** The status code of "HTTP/1.1 200 OK". */
    private static int status(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c == -1 || line.size() > MAX_STATUS_LINE) {
                throw new IOException("the receiver closed the connection without an answer");
            }
            line.write(c);
        }
        String[] parts = line.toString(StandardCharsets.ISO_8859_1).trim().split(" ");
        if (parts.length < 2 || !parts[0].startsWith("HTTP/") || !parts[1].matches("[0-9]{3}")) {
            throw new IOException("the receiver's answer is not HTTP");
        }
        return Integer.parseInt(parts[1]);
    }
}
