package dev.preflight.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import org.jboss.logging.Logger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A PostgreSQL server that Preflight runs itself, from the binaries shipped on Maven Central,
 * for installations that configure no database of their own.
 * <p>
 * The data folder holds the cluster ({@code postgres/}), the generated credentials
 * ({@code postgres.credentials}, readable by the owner only) and the server log
 * ({@code postgres.log}). The server listens on a random loopback port and accepts
 * password authentication only; the application connects as a role that owns its
 * database but is not a superuser.
 * <p>
 * A data folder is served by one server at a time. Asking again in the same JVM (dev-mode
 * reloads, several test profiles) returns the server already running; a server left behind
 * by a process that was killed is stopped before a new one starts.
 */
public final class EmbeddedDatabase {

    static final String DATABASE = "preflight";
    static final String USER = "preflight";

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);
    private static final String SUPERUSER = "postgres";
    private static final String CLUSTER = "postgres";
    private static final String CREDENTIALS = "postgres.credentials";
    private static final String SERVER_LOG = "postgres.log";
    private static final String LOCK = "epg-lock";
    private static final Duration ORPHAN_STOP_TIMEOUT = Duration.ofSeconds(60);

    private final int port;
    private final String password;

    private EmbeddedDatabase(int port, String password) {
        this.port = port;
        this.password = password;
    }

    /**
     * Starts the server for a data folder, or connects to the one this JVM already runs there.
     *
     * @param dataDir   the folder holding the cluster and its credentials; created when missing
     * @param ephemeral delete the folder when the JVM exits (tests)
     */
    public static synchronized EmbeddedDatabase start(Path dataDir, boolean ephemeral) {
        Path dir = dataDir.toAbsolutePath().normalize();
        Path cluster = dir.resolve(CLUSTER);
        try {
            Optional<EmbeddedDatabase> running = runningInThisJvm(dir);
            if (running.isPresent()) {
                return running.get();
            }
            if (!Files.exists(dir)) {
                Files.createDirectories(dir);
                if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
                }
            }
            if (Files.exists(cluster.resolve("postgresql.conf"))) {
                if (heldByAnotherProcess(cluster)) {
                    throw new IOException("the data folder is in use by another Preflight process");
                }
                stopOrphan(cluster);
            }
            EmbeddedDatabase database = launch(dir, ephemeral);
            System.setProperty(runningKey(dir), String.valueOf(database.port));
            return database;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * The server another Preflight process runs on the folder, or else the one this process runs
     * or starts there: what a backup taken while Preflight runs needs.
     */
    public static synchronized EmbeddedDatabase attach(Path dataDir) {
        Path dir = dataDir.toAbsolutePath().normalize();
        Path cluster = dir.resolve(CLUSTER);
        try {
            if (System.getProperty(runningKey(dir)) == null && Files.exists(cluster.resolve("postgresql.conf"))
                    && heldByAnotherProcess(cluster)) {
                int port = postmasterPort(cluster).orElseThrow(() -> new IOException(
                        "the Preflight process using it has no server running"));
                return new EmbeddedDatabase(port, credentials(dir).password());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not reach the embedded PostgreSQL in " + dir + ": " + e.getMessage(), e);
        }
        return start(dir, false);
    }

    /** Whether the folder holds a cluster, running or not. */
    public static boolean exists(Path dataDir) {
        return Files.exists(dataDir.resolve(CLUSTER).resolve("postgresql.conf"));
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/" + DATABASE;
    }

    public String username() {
        return USER;
    }

    public String password() {
        return password;
    }

    public int port() {
        return port;
    }

    private static EmbeddedDatabase launch(Path dir, boolean ephemeral) throws IOException {
        Path cluster = dir.resolve(CLUSTER);
        Credentials stored = Credentials.read(dir.resolve(CREDENTIALS)).orElse(null);
        long startedAt = System.nanoTime();
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(cluster)
                .setCleanDataDirectory(false)
                .setLocaleConfig("locale", "C")
                .setRegisterShutdownHook(false)
                .setServerConfig("listen_addresses", "localhost")
                .setServerConfig("unix_socket_directories", "")
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("max_connections", "100")
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(dir.resolve(SERVER_LOG).toFile()))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(dir.resolve(SERVER_LOG).toFile()))
                .setPGStartupWait(Duration.ofSeconds(60));
        if (stored != null) {
            builder.setConnectConfig("password", stored.superuserPassword());
        }
        EmbeddedPostgres server;
        try {
            server = builder.start();
        } catch (IllegalStateException e) {
            throw new IOException(e.getMessage() + "; the server log is " + dir.resolve(SERVER_LOG), e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.clearProperty(runningKey(dir));
            stop(server, ephemeral ? dir : null);
        }, "preflight-embedded-postgres-stop"));
        Credentials credentials = stored != null ? stored : secure(dir, server.getPort());
        EmbeddedDatabase database = new EmbeddedDatabase(server.getPort(), credentials.password());
        LOG.infof("Embedded PostgreSQL ready on port %d in %d ms; data folder %s", server.getPort(),
                Duration.ofNanos(System.nanoTime() - startedAt).toMillis(), dir);
        return database;
    }

    /**
     * First start of a cluster: give the superuser a password, create the application's role and
     * database, store the credentials, then switch the cluster from trust to password authentication.
     */
    private static Credentials secure(Path dir, int port) throws IOException {
        Credentials credentials = Credentials.generate();
        String url = "jdbc:postgresql://localhost:" + port + "/postgres";
        try (Connection c = DriverManager.getConnection(url, SUPERUSER, null); Statement s = c.createStatement()) {
            s.execute("ALTER ROLE " + SUPERUSER + " PASSWORD '" + credentials.superuserPassword() + "'");
            s.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + USER + "') THEN CREATE ROLE "
                    + USER + "; END IF; END $$");
            s.execute("ALTER ROLE " + USER + " LOGIN NOSUPERUSER PASSWORD '" + credentials.password() + "'");
            boolean exists;
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                exists = rs.next();
            }
            if (!exists) {
                s.execute("CREATE DATABASE " + DATABASE + " OWNER " + USER + " ENCODING 'UTF8'");
            }
            credentials.write(dir.resolve(CREDENTIALS));
            Files.writeString(dir.resolve(CLUSTER).resolve("pg_hba.conf"), """
                    # Written by Preflight: password authentication over the loopback interface only.
                    host all all 127.0.0.1/32 scram-sha-256
                    host all all ::1/128 scram-sha-256
                    """, StandardCharsets.UTF_8);
            s.execute("SELECT pg_reload_conf()");
        } catch (SQLException e) {
            throw new IOException("could not prepare the new cluster (" + e.getMessage()
                    + "); if its credentials file was lost, move the data folder away and start again", e);
        }
        return credentials;
    }

    /**
     * The server this JVM started earlier for the folder. It is recorded in a system property, which
     * outlives the class loaders of dev-mode reloads; the folder's lock cannot tell, since closing any
     * channel on the lock file would release the lock the server's owner holds.
     */
    private static Optional<EmbeddedDatabase> runningInThisJvm(Path dir) throws IOException {
        String port = System.getProperty(runningKey(dir));
        if (port == null) {
            return Optional.empty();
        }
        return Optional.of(new EmbeddedDatabase(Integer.parseInt(port), credentials(dir).password()));
    }

    /** Whether a process holds the lock that the server's owner takes on the cluster (this one never asks about its own). */
    private static boolean heldByAnotherProcess(Path cluster) throws IOException {
        try (FileChannel channel = FileChannel.open(cluster.resolve(LOCK), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException heldHere) {
            return true;
        }
    }

    /** Outside the {@code preflight.*} names, which Quarkus checks against its configuration on every start. */
    private static String runningKey(Path dir) {
        return "dev.preflight.embedded-database.running:" + dir;
    }

    private static Credentials credentials(Path dir) throws IOException {
        return Credentials.read(dir.resolve(CREDENTIALS))
                .orElseThrow(() -> new IOException("the credentials file " + dir.resolve(CREDENTIALS) + " is missing"));
    }

    /** A postmaster still running on the folder although no process holds its lock: its owner was killed. */
    private static void stopOrphan(Path cluster) throws IOException {
        Path pidFile = cluster.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        Optional<ProcessHandle> orphan = lines.isEmpty() ? Optional.empty()
                : parseLong(lines.get(0)).flatMap(ProcessHandle::of)
                        .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
        if (orphan.isEmpty()) {
            return;
        }
        ProcessHandle postmaster = orphan.get();
        LOG.warnf("Stopping PostgreSQL process %d left running on %s by a process that did not shut down",
                postmaster.pid(), cluster);
        postmaster.destroy();
        try {
            postmaster.onExit().get(ORPHAN_STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping the orphaned server", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("the orphaned server (pid " + postmaster.pid() + ") did not stop within "
                    + ORPHAN_STOP_TIMEOUT.toSeconds() + " s", e);
        }
    }

    private static Optional<Integer> postmasterPort(Path cluster) throws IOException {
        Path pidFile = cluster.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        return lines.size() > 3 ? parseLong(lines.get(3)).map(Long::intValue) : Optional.empty();
    }

    private static Optional<Long> parseLong(String text) {
        try {
            return Optional.of(Long.parseLong(text.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void stop(EmbeddedPostgres server, Path deleteAfterwards) {
        try {
            server.close();
        } catch (IOException e) {
            LOG.warnf("Could not stop the embedded PostgreSQL cleanly: %s", e.getMessage());
        }
        if (deleteAfterwards == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(deleteAfterwards)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.debugf("Could not delete the temporary data folder %s: %s", deleteAfterwards, e.getMessage());
        }
    }

    /** Generated passwords of the superuser and the application's role, kept in a file only its owner can read. */
    private record Credentials(String superuserPassword, String password) {

        static Credentials generate() {
            return new Credentials(randomSecret(), randomSecret());
        }

        static Optional<Credentials> read(Path file) throws IOException {
            if (!Files.exists(file)) {
                return Optional.empty();
            }
            Properties properties = new Properties();
            try (InputStream in = Files.newInputStream(file)) {
                properties.load(in);
            }
            return Optional.of(new Credentials(properties.getProperty("superuser.password"), properties.getProperty("password")));
        }

        void write(Path file) throws IOException {
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(temp);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            Properties properties = new Properties();
            properties.setProperty("user", USER);
            properties.setProperty("password", password);
            properties.setProperty("superuser.password", superuserPassword);
            try (OutputStream out = Files.newOutputStream(temp)) {
                properties.store(out, "Generated by Preflight for its embedded PostgreSQL. Keep private.");
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        }

        private static String randomSecret() {
            byte[] bytes = new byte[24];
            new SecureRandom().nextBytes(bytes);
            return HexFormat.of().formatHex(bytes);
        }
    }
}
