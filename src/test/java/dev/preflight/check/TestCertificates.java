package dev.preflight.check;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A certificate authority of the tests' own, made with openssl in a folder, and the server
 * certificates it signs: any names, any period of validity (also one that has ended).
 */
final class TestCertificates {

    private static final DateTimeFormatter OPENSSL_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final char[] PASSWORD = "changeit".toCharArray();

    private final Path dir;
    private int made;

    TestCertificates(Path dir) throws IOException, InterruptedException {
        this.dir = dir;
        Files.writeString(dir.resolve("ca.cnf"), """
                [ca]
                default_ca = test
                [test]
                database = %1$s/index.txt
                new_certs_dir = %1$s
                serial = %1$s/serial
                certificate = %1$s/ca.pem
                private_key = %1$s/ca.key
                default_md = sha256
                policy = anything
                copy_extensions = copy
                unique_subject = no
                email_in_dn = no
                [anything]
                commonName = supplied
                [req]
                distinguished_name = name
                [name]
                """.formatted(dir));
        Files.writeString(dir.resolve("index.txt"), "");
        Files.writeString(dir.resolve("serial"), "1000\n");
        openssl("req", "-x509", "-config", "ca.cnf", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", "ca.key", "-out", "ca.pem", "-days", "30", "-subj", "/CN=Preflight Test CA",
                "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign");
    }

    /** The authority's certificate, as PEM. */
    Path authority() {
        return dir.resolve("ca.pem");
    }

    /** A server's key and certificate for the DNS name, valid in the period, with the chain to the authority. */
    SSLContext server(String name, Instant from, Instant until) throws IOException, InterruptedException {
        String leaf = "leaf" + ++made;
        openssl("req", "-new", "-config", "ca.cnf", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", leaf + ".key", "-out", leaf + ".csr", "-subj", "/CN=" + name,
                "-addext", "subjectAltName=DNS:" + name);
        openssl("ca", "-batch", "-config", "ca.cnf", "-notext", "-in", leaf + ".csr", "-out", leaf + ".pem",
                "-startdate", OPENSSL_TIME.format(from), "-enddate", OPENSSL_TIME.format(until));
        openssl("pkcs12", "-export", "-in", leaf + ".pem", "-inkey", leaf + ".key", "-certfile", "ca.pem",
                "-name", "server", "-out", leaf + ".p12", "-passout", "pass:changeit");
        try (InputStream in = Files.newInputStream(dir.resolve(leaf + ".p12"))) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, PASSWORD);
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private void openssl(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n"
                    + new String(output, StandardCharsets.UTF_8));
        }
    }
}
