package dev.preflight.check;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The certificate authorities checks trust: the Java runtime's own, and those of the PEM file
 * {@code preflight.checks.trust-store} (an internal CA). Read on first use; a file that cannot be
 * read leaves the checks that need it not run, saying why.
 */
final class Trust {

    private final Optional<Path> extra;
    private X509ExtendedTrustManager manager;
    private List<X509Certificate> authorities;
    private Path bundle;

    Trust(Optional<Path> extra) {
        this.extra = extra;
    }

    /** Decides whether a server's certificate chain is trusted (and, given the connection, its name). */
    synchronized X509ExtendedTrustManager manager() {
        if (manager == null) {
            try {
                X509ExtendedTrustManager runtime = extended(factory(null));
                if (extra.isEmpty()) {
                    manager = runtime;
                } else {
                    List<X509Certificate> all = new ArrayList<>(List.of(runtime.getAcceptedIssuers()));
                    all.addAll(read(extra.get()));
                    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
                    store.load(null, null);
                    for (int i = 0; i < all.size(); i++) {
                        store.setCertificateEntry("authority-" + i, all.get(i));
                    }
                    manager = extended(factory(store));
                    authorities = List.copyOf(all);
                }
            } catch (GeneralSecurityException | IOException e) {
                throw new IllegalStateException("The Java runtime's trusted certificates cannot be read", e);
            }
        }
        return manager;
    }

    /** A TLS context that trusts these authorities and verifies host names. */
    SSLContext context() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] { manager() }, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS is part of every Java runtime", e);
        }
    }

    /**
     * With a trust store set, a PEM file in {@code dir} of every authority trusted, for programs that
     * take one file of them (git); empty without one, so that those programs keep their own.
     */
    synchronized Optional<Path> bundle(Path dir) {
        if (extra.isEmpty()) {
            return Optional.empty();
        }
        manager();
        if (bundle == null) {
            StringBuilder pem = new StringBuilder();
            Base64.Encoder base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
            try {
                for (X509Certificate authority : authorities) {
                    pem.append("-----BEGIN CERTIFICATE-----\n").append(base64.encodeToString(authority.getEncoded()))
                            .append("\n-----END CERTIFICATE-----\n");
                }
                Path written = dir.resolve("trusted-authorities.pem");
                Path temporary = Files.createTempFile(dir, "trusted-authorities", ".pem");
                Files.writeString(temporary, pem, StandardCharsets.US_ASCII);
                Files.move(temporary, written, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                bundle = written;
            } catch (GeneralSecurityException | IOException e) {
                throw new NotRun("trust store", "the trusted certificates written for git", "they cannot be written to "
                        + dir + ": " + e.getMessage());
            }
        }
        return Optional.of(bundle);
    }

    private static List<X509Certificate> read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            List<X509Certificate> certificates = new ArrayList<>();
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                certificates.add((X509Certificate) certificate);
            }
            if (certificates.isEmpty()) {
                throw new NotRun("trust store", "a PEM file of CA certificates", file + " holds no certificate");
            }
            return certificates;
        } catch (IOException | GeneralSecurityException e) {
            throw new NotRun("trust store", "a PEM file of CA certificates", file + " cannot be read ("
                    + e.getMessage() + "); see PREFLIGHT_CHECKS_TRUST_STORE");
        }
    }

    private static TrustManagerFactory factory(KeyStore store) throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return factory;
    }

    private static X509ExtendedTrustManager extended(TrustManagerFactory factory) {
        for (TrustManager candidate : factory.getTrustManagers()) {
            if (candidate instanceof X509ExtendedTrustManager x509) {
                return x509;
            }
        }
        throw new IllegalStateException("The Java runtime offers no X.509 trust manager");
    }
}
