package dev.preflight.check;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLException;

import dev.preflight.platform.net.AddressRules;
import dev.preflight.platform.net.PinnedHttp;

/**
 * The requests checks send: only to hosts the address rules allow (each redirect too), within the
 * time limit, reading at most so much of a body.
 */
final class Outbound {

    /** The most redirects a request follows. */
    static final int MAX_REDIRECTS = 5;

    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    /**
     * What a request was answered, after any redirects.
     *
     * @param status  its status
     * @param headers its headers
     * @param body    the body read, when it was asked for
     * @param millis  how long the answer took, redirects included
     * @param hops    the addresses redirected to, in order
     */
    record Answer(int status, HttpHeaders headers, Body body, long millis, List<URI> hops) {
    }

    /**
     * A body read up to the limit; the rest is left unread, so that a large body is never held in memory.
     *
     * @param bytes what was read
     * @param whole whether that is the whole body
     */
    record Body(byte[] bytes, boolean whole) {
    }

    /** Says that a request got no answer to judge: refused by the rules, or the connection failed. */
    static final class Unanswered extends Exception {

        private final transient Observation observation;

        Unanswered(Observation observation) {
            super(observation.seen(), null, false, false);
            this.observation = observation;
        }

        Observation observation() {
            return observation;
        }
    }

    private final AddressRules rules;
    private final Duration timeout;
    private final int maxBodyBytes;
    private final Trust trust;

    Outbound(CheckSettings settings, Trust trust) {
        this.rules = new AddressRules(settings.allowedHosts(), "for checks", "PREFLIGHT_CHECKS_ALLOWED_HOSTS");
        this.timeout = settings.timeout();
        this.maxBodyBytes = settings.maxBodyBytes();
        this.trust = trust;
    }

    Duration timeout() {
        return timeout;
    }

    int maxBodyBytes() {
        return maxBodyBytes;
    }

    /** "an answer within 10 s" */
    String withinLimit() {
        return "an answer within " + Words.duration(timeout);
    }

    /** The host judged on the port: the address to connect to, or why it may not be reached. */
    AddressRules.Pinned pinned(String host, int port) {
        return rules.pinned(host, port);
    }

    /**
     * Sends a request without a body.
     *
     * @param headers  sent to the first address's origin only, never to another one a redirect leads to
     * @param readBody whether the body is read (up to the limit) or left
     * @param follow   whether redirects are followed (up to {@link #MAX_REDIRECTS})
     */
    Answer send(String method, String url, Map<String, String> headers, boolean readBody, boolean follow)
            throws Unanswered {
        URI first = URI.create(url);
        URI uri = first;
        String verb = method;
        List<URI> hops = new ArrayList<>();
        long start = System.nanoTime();
        while (true) {
            AddressRules.Pinned target = rules.pinned(uri.toString());
            if (target.refusal() != null) {
                throw new Unanswered(hops.isEmpty()
                        ? new Observation("address", "a host allowed for checks", uri + " " + target.refusal(), false)
                        : new Observation("redirect", "to a host allowed for checks", uri + " " + target.refusal(),
                                false));
            }
            Map<String, String> sent = sameOrigin(uri, first) ? headers : Map.of();
            PinnedHttp.Answer response = once(verb, target, sent, readBody);
            String location = response.header("Location");
            if (!follow || !REDIRECTS.contains(response.status()) || location == null) {
                long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                return new Answer(response.status(), HttpHeaders.of(response.headers(), (name, value) -> true),
                        new Body(response.body(), response.whole()), millis, hops);
            }
            if (hops.size() == MAX_REDIRECTS) {
                throw new Unanswered(new Observation("redirects", "at most " + MAX_REDIRECTS, "more than "
                        + MAX_REDIRECTS + ", the last to " + uri, false));
            }
            try {
                uri = uri.resolve(new URI(location.trim()));
            } catch (URISyntaxException | IllegalArgumentException e) {
                throw new Unanswered(new Observation("redirect", "a URL in Location", location, false));
            }
            hops.add(uri);
            if (response.status() == 303 || (response.status() <= 302 && verb.equals("POST"))) {
                verb = "GET";
            }
        }
    }

    /** Words for what went wrong with a connection: "connection refused", "no answer within 10 s". */
    String failure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpConnectTimeoutException) {
                return "no connection within " + Words.duration(timeout);
            }
            if (cause instanceof SocketTimeoutException) {
                return "no answer within " + Words.duration(timeout);
            }
            if (cause instanceof SSLException) {
                return "TLS handshake failed: " + tlsReason(cause);
            }
            if (cause instanceof ConnectException) {
                return "connection refused";
            }
        }
        return Objects.requireNonNullElse(failure.getMessage(), failure.getClass().getSimpleName());
    }

    /** Words for why a TLS handshake failed. */
    static String tlsReason(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof CertificateExpiredException) {
                return "the certificate has expired";
            }
            if (cause instanceof CertPathValidatorException || String.valueOf(cause.getMessage()).contains("PKIX")) {
                return "the certificate has no valid chain to a trusted authority";
            }
            String message = String.valueOf(cause.getMessage());
            if (message.contains("No subject alternative") || message.contains("No name matching")) {
                return "the certificate is not issued for this host";
            }
            if (message.contains("protocol") && (message.contains("appropriate") || message.contains("version"))) {
                return "no TLS version both sides accept (" + message + ")";
            }
        }
        return Objects.requireNonNullElse(failure.getMessage(), failure.getClass().getSimpleName());
    }

    private PinnedHttp.Answer once(String method, AddressRules.Pinned target, Map<String, String> headers,
            boolean readBody) throws Unanswered {
        Map<String, String> sent = new LinkedHashMap<>();
        sent.put("User-Agent", "Preflight checks");
        sent.putAll(headers);
        try {
            return PinnedHttp.exchange(target, method, sent, null, trust.context(), timeout, readBody ? maxBodyBytes : 0);
        } catch (IOException e) {
            throw connection(failure(e));
        }
    }

    private Unanswered connection(String seen) {
        return new Unanswered(new Observation("connection", withinLimit(), seen, false));
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost().equalsIgnoreCase(b.getHost())
                && port(a) == port(b);
    }

    private static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
    }
}
