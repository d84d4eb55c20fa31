package dev.preflight.check;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

import dev.preflight.platform.net.AddressRules;

/**
 * The tls check: a TLS handshake with the host and port of {@code url} (https://host[:port]). The
 * handshake must succeed with at least {@code minProtocol} (TLSv1.2, the default, or TLSv1.3); the
 * certificate chain must be trusted and issued for the host; and it must be valid for at least
 * {@code minDaysToExpiry} more days (14 by default: the launch checklist warns of a certificate
 * expiring in less than 14 days). The observations report the protocol, the subject, the issuer and
 * the days left.
 */
final class TlsCheck implements CheckKind<TlsCheck.Plan> {

    private static final List<String> PROTOCOLS = List.of("TLSv1.2", "TLSv1.3");

    private static final List<String> SETTINGS = List.of("url", "minProtocol", "minDaysToExpiry");
    private static final List<String> ALL_PROTOCOLS = List.of("SSLv3", "TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3");
    private static final long DEFAULT_DAYS = 14;
    private static final Pattern ADDRESS = Pattern.compile("[0-9.]+|.*:.*");

    /** The settings as a run uses them. */
    record Plan(String url, String minProtocol, long minDaysToExpiry) {
    }

    /**
     * Lets every handshake finish, and notes instead whether the real trust manager trusts the chain
     * and finds it issued for the host, so that a certificate that fails is still reported.
     */
    private static final class Judge extends X509ExtendedTrustManager {

        private final X509ExtendedTrustManager trusted;
        private X509Certificate[] chain;
        private CertificateException untrusted;
        private CertificateException misnamed;

        private Judge(X509ExtendedTrustManager trusted) {
            this.trusted = trusted;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
            this.chain = chain.clone();
            try {
                trusted.checkServerTrusted(chain, authType);
            } catch (CertificateException e) {
                untrusted = e;
                return;
            }
            try {
                trusted.checkServerTrusted(chain, authType, socket);
            } catch (CertificateException e) {
                misnamed = e;
            }
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            throw new UnsupportedOperationException("The tls check uses sockets");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            throw new UnsupportedOperationException("The tls check checks the host name");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
            throw new UnsupportedOperationException("The tls check is a client");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            throw new UnsupportedOperationException("The tls check is a client");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            throw new UnsupportedOperationException("The tls check is a client");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return trusted.getAcceptedIssuers();
        }
    }

    private final Outbound outbound;
    private final Trust trust;

    TlsCheck(Outbound outbound, Trust trust) {
        this.outbound = outbound;
        this.trust = trust;
    }

    @Override
    public String key() {
        return "tls";
    }

    @Override
    public List<String> settings() {
        return SETTINGS;
    }

    @Override
    public Plan read(ConfigReader config) {
        String url = config.url("url", true, List.of("https"));
        String minProtocol = config.text("minProtocol", false);
        if (minProtocol != null && !PROTOCOLS.contains(minProtocol)) {
            config.problem("minProtocol", "must be " + Words.either(PROTOCOLS) + " (Java refuses older protocols)");
        }
        Long days = config.whole("minDaysToExpiry", 0, 3650);
        return new Plan(url, minProtocol == null ? PROTOCOLS.get(0) : minProtocol, days == null ? DEFAULT_DAYS : days);
    }

    @Override
    public String describe(Plan plan) {
        return "TLS of " + plan.url() + ": " + plan.minProtocol() + " or newer, a trusted certificate for the host, valid "
                + "for at least " + plan.minDaysToExpiry() + " more days";
    }

    @Override
    public Findings run(Plan plan, Run run) {
        URI uri = URI.create(plan.url());
        String host = uri.getHost();
        int port = uri.getPort() == -1 ? 443 : uri.getPort();
        String asked = "TLS handshake with " + host + ":" + port;
        AddressRules.Pinned pinned = outbound.pinned(host, port);
        if (pinned.refusal() != null) {
            return new Findings(asked, List.of(new Observation("address", "a host allowed for checks", host + " "
                    + pinned.refusal(), false)));
        }
        Judge judge = new Judge(trust.manager());
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        int limit = (int) outbound.timeout().toMillis();
        String protocol;
        try (Socket plain = new Socket()) {
            plain.connect(new InetSocketAddress(pinned.address(), port), limit);
            plain.setSoTimeout(limit);
            try (SSLSocket socket = (SSLSocket) context(judge).getSocketFactory().createSocket(plain, bare, port, false)) {
                SSLParameters parameters = socket.getSSLParameters();
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                if (!ADDRESS.matcher(bare).matches()) {
                    parameters.setServerNames(List.of(new SNIHostName(bare)));
                }
                socket.setSSLParameters(parameters);
                socket.startHandshake();
                protocol = socket.getSession().getProtocol();
            }
        } catch (IOException e) {
            return new Findings(asked, List.of(new Observation("handshake", "a TLS handshake (" + plan.minProtocol()
                    + " or newer) within " + Words.duration(outbound.timeout()), outbound.failure(e), false)));
        }
        List<Observation> observations = new ArrayList<>();
        observations.add(new Observation("protocol", plan.minProtocol() + " or newer", protocol,
                ALL_PROTOCOLS.indexOf(protocol) >= ALL_PROTOCOLS.indexOf(plan.minProtocol())));
        X509Certificate leaf = judge.chain[0];
        String who = leaf.getSubjectX500Principal().getName() + ", issued by " + leaf.getIssuerX500Principal().getName();
        Instant now = Instant.now();
        String distrust = judge.untrusted == null ? null : leaf.getNotAfter().toInstant().isBefore(now)
                ? "the certificate has expired" : leaf.getNotBefore().toInstant().isAfter(now)
                        ? "the certificate is not valid yet" : Outbound.tlsReason(judge.untrusted);
        observations.add(new Observation("certificate chain", "trusted", distrust == null ? "trusted: " + who
                : "not trusted (" + distrust + "): " + who, distrust == null));
        if (distrust == null) {
            observations.add(new Observation("certificate name", "issued for " + host, judge.misnamed == null
                    ? "issued for " + names(leaf) : "issued for " + names(leaf) + ", not " + host, judge.misnamed == null));
        }
        Instant until = leaf.getNotAfter().toInstant();
        long days = ChronoUnit.DAYS.between(now, until);
        String date = until.atOffset(ZoneOffset.UTC).toLocalDate().toString();
        String left = until.isBefore(now) ? "expired " + ChronoUnit.DAYS.between(until, now) + " days ago (on " + date
                + ")" : days + " days (until " + date + ")";
        observations.add(new Observation("days to expiry", "at least " + plan.minDaysToExpiry() + " days", left,
                until.isAfter(now) && days >= plan.minDaysToExpiry()));
        return new Findings(asked, observations);
    }

    private static SSLContext context(Judge judge) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] { judge }, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS is part of every Java runtime", e);
        }
    }

    private static String names(X509Certificate certificate) {
        List<String> names = new ArrayList<>();
        try {
            Collection<List<?>> alternatives = certificate.getSubjectAlternativeNames();
            if (alternatives != null) {
                alternatives.stream().filter(n -> n.size() == 2 && (Integer.valueOf(2).equals(n.get(0))
                        || Integer.valueOf(7).equals(n.get(0)))).forEach(n -> names.add(String.valueOf(n.get(1))));
            }
        } catch (CertificateParsingException e) {
            names.add("(names that cannot be read)");
        }
        return names.isEmpty() ? certificate.getSubjectX500Principal().getName() : String.join(", ", names);
    }
}
