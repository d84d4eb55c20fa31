package dev.preflight.platform.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import io.quarkus.runtime.configuration.DurationConverter;

import dev.preflight.platform.CacheFolder;

/**
 * A PostgreSQL server that Preflight runs itself, from the programs shipped on Maven Central, for
 * installations that configure no database of their own.
 * <p>
 * The data folder holds the cluster ({@code postgres/}), the generated credentials
 * ({@code postgres.credentials}, readable by the owner only), the log of starts and stops
 * ({@code postgres.log}; the running server logs into {@code postgres/log/})
 * and a lock file that the process serving the folder holds. The programs are unpacked once into
 * the cache folder ({@link PostgresBinaries}). The server listens on a random loopback port and
 * accepts password authentication only. Two roles, neither a superuser: {@value #USER} owns the
 * database and its schema and runs the migrations; the application serves requests as
 * {@value #APP_USER}, which may read and write rows but not change the schema, so it cannot turn off
 * the audit log's append-only trigger.
 * <p>
 * Every step can be interrupted without harm: a new cluster is made in a temporary folder and
 * renamed into place only when it is whole, so a folder named {@code postgres} is always a whole
 * cluster and is never wiped; a server left behind by a process that was killed is stopped before a
 * new one starts. Asking again in the same JVM (dev-mode reloads, several test profiles) returns
 * the server already running.
 */
public final class EmbeddedDatabase {

    static final String DATABASE = "preflight";
    static final String USER = "preflight";
    static final String APP_USER = "preflight_app";
    static final String SUPERUSER = "postgres";

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);
    private static final String CLUSTER = "postgres";
    private static final String NEW_CLUSTER = "postgres.new-";
    private static final String CREDENTIALS = "postgres.credentials";
    private static final String SERVER_LOG = "postgres.log";
    private static final String LOCK = "preflight.lock";
    private static final Duration DEFAULT_START_LIMIT = Duration.ofMinutes(5);
    private static final Duration ORPHAN_STOP_TIMEOUT = Duration.ofSeconds(60);
    /** The shutdown hook that stops the server when the JVM ends. */
    static final String STOP_THREAD = "preflight-embedded-postgres-stop";
    /**
     * Marks a folder whose server this JVM stopped on its way out: a connection asked for after that
     * (a pool refilling, a scheduled job) must not start a server that nothing would stop.
     */
    private static final String STOPPED = "stopped";

    /** Where the database lives, where its programs are unpacked, and how long starting it may take. */
    public record Options(Path dataDir, Path cacheDir, Duration startLimit, boolean ephemeral) {

        /** The folder with the cache and start limit given by the environment, or their defaults. */
        public static Options of(Path dataDir, boolean ephemeral) {
            return new Options(dataDir, CacheFolder.of(Optional.empty()), DEFAULT_START_LIMIT, ephemeral);
        }

        /**
         * From Preflight's configuration: {@code preflight.data-dir} (a temporary folder with
         * {@code preflight.database.ephemeral}), {@code preflight.cache-dir},
         * {@code preflight.database.start-timeout}.
         */
        public static Options from(Config config) {
            boolean ephemeral = config.getOptionalValue("preflight.database.ephemeral", Boolean.class).orElse(false);
            Path dataDir = ephemeral
                    ? Path.of(System.getProperty("java.io.tmpdir"), "preflight-" + ProcessHandle.current().pid())
                    : Path.of(config.getValue("preflight.data-dir", String.class));
            Path cacheDir = CacheFolder.of(config.getOptionalValue("preflight.cache-dir", String.class));
            Duration limit = config.getOptionalValue("preflight.database.start-timeout", String.class)
                    .map(DurationConverter::parseDuration).orElse(DEFAULT_START_LIMIT);
            return new Options(dataDir, cacheDir, limit, ephemeral);
        }
    }

    private final int port;
    private final Credentials credentials;
    private final PostgresServer server;

    private EmbeddedDatabase(int port, Credentials credentials, PostgresServer server) {
        this.port = port;
        this.credentials = credentials;
        this.server = server;
    }

    /** Starts the server for a data folder, or connects to the one this JVM already runs there. */
    public static EmbeddedDatabase start(Path dataDir, boolean ephemeral) {
        return start(Options.of(dataDir, ephemeral));
    }

    /**
     * Starts the server for a data folder, or connects to the one this JVM already runs there.
     *
     * @throws EmbeddedDatabaseException when it cannot, saying why in one line
     */
    public static synchronized EmbeddedDatabase start(Options options) {
        Path dir = options.dataDir().toAbsolutePath().normalize();
        Optional<EmbeddedDatabase> running = runningInThisJvm(dir);
        if (running.isPresent()) {
            return running.get();
        }
        long started = System.nanoTime();
        long deadline = started + options.startLimit().toNanos();
        Folders.create(dir, "data folder", "PREFLIGHT_DATA_DIR");
        FolderLock lock = FolderLock.take(dir);
        try {
            PostgresBinaries binaries = PostgresBinaries.in(options.cacheDir().toAbsolutePath().normalize(), deadline);
            Path cluster = dir.resolve(CLUSTER);
            PostgresServer server = new PostgresServer(binaries, cluster, dir.resolve(SERVER_LOG));
            if (exists(dir)) {
                checkVersion(cluster, binaries);
                stopOrphan(cluster);
            } else {
                create(dir, server, deadline);
            }
            Credentials credentials = credentials(dir).withAppPassword(dir.resolve(CREDENTIALS));
            int port = server.start(deadline);
            try {
                ensureRoleAndDatabase(port, credentials);
            } catch (RuntimeException e) {
                server.stop();
                throw e;
            }
            try {
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    System.setProperty(runningKey(dir), STOPPED);
                    server.stop();
                    lock.release();
                    if (options.ephemeral()) {
                        Folders.delete(dir);
                    }
                }, STOP_THREAD));
            } catch (IllegalStateException shuttingDown) {
                server.stop();
                throw stopping(dir);
            }
            System.setProperty(runningKey(dir), String.valueOf(port));
            EmbeddedDatabase database = new EmbeddedDatabase(port, credentials, server);
            LOG.infof("Embedded PostgreSQL %s ready on port %d in %d ms; data folder %s", binaries.version(), port,
                    Duration.ofNanos(System.nanoTime() - started).toMillis(), dir);
            return database;
        } catch (IOException e) {
            lock.release();
            throw Folders.failure(e, dir, "data folder", "PREFLIGHT_DATA_DIR");
        } catch (RuntimeException e) {
            lock.release();
            throw e;
        }
    }

    /**
     * The server another Preflight process runs on the folder, or else the one this process runs
     * or starts there: what a backup taken while Preflight runs needs.
     */
    public static synchronized EmbeddedDatabase attach(Options options) {
        Path dir = options.dataDir().toAbsolutePath().normalize();
        if (System.getProperty(runningKey(dir)) == null && exists(dir) && FolderLock.heldElsewhere(dir)) {
            int port = postmasterPort(dir.resolve(CLUSTER)).orElseThrow(() -> new EmbeddedDatabaseException(
                    "The Preflight process using " + dir + " has no database server running."));
            return new EmbeddedDatabase(port, credentials(dir), null);
        }
        return start(options);
    }

    /** Whether the folder holds a cluster, running or not. */
    public static boolean exists(Path dataDir) {
        return Files.exists(dataDir.resolve(CLUSTER).resolve("PG_VERSION"));
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/" + DATABASE;
    }

    /** The role that owns the schema: migrations, backups and restores connect as it. */
    public String username() {
        return USER;
    }

    public String password() {
        return credentials.password();
    }

    /** The role the application serves requests as: rows, not the schema. */
    public String appUsername() {
        return APP_USER;
    }

    public String appPassword() {
        return credentials.appPassword();
    }

    public int port() {
        return port;
    }

    /** Stops the server this process started (as a database outage would); {@link #restart()} brings it back. */
    public void stop() {
        server.stop();
    }

    /** Starts the server again on the same port after {@link #stop()}. */
    public void restart() {
        if (!server.start(port, System.nanoTime() + DEFAULT_START_LIMIT.toNanos())) {
            throw new EmbeddedDatabaseException("Port " + port + " was taken while the embedded PostgreSQL was stopped.");
        }
    }

    /**
     * A new cluster, made whole in a temporary folder and then renamed into place: the superuser's
     * password set by {@code initdb}, password authentication over loopback only, the credentials
     * stored first. Temporary folders of an earlier, interrupted start are removed.
     */
    private static void create(Path dir, PostgresServer server, long deadline) throws IOException {
        LOG.infof("Creating the database in %s (first start only)", dir);
        try (Stream<Path> children = Files.list(dir)) {
            children.filter(p -> p.getFileName().toString().startsWith(NEW_CLUSTER)).forEach(Folders::delete);
        }
        Path fresh = dir.resolve(NEW_CLUSTER + UUID.randomUUID());
        Path passwordFile = dir.resolve(fresh.getFileName() + ".pw");
        Credentials credentials = Credentials.generate();
        try {
            Folders.createPrivateFile(passwordFile);
            Files.writeString(passwordFile, credentials.superuserPassword() + "\n", StandardCharsets.UTF_8);
            server.initdb(fresh, passwordFile, deadline);
            Files.writeString(fresh.resolve("pg_hba.conf"), """
                    # Written by Preflight: password authentication over the loopback interface only.
                    host all all 127.0.0.1/32 scram-sha-256
                    host all all ::1/128 scram-sha-256
                    """, StandardCharsets.UTF_8);
            credentials.write(dir.resolve(CREDENTIALS));
            Files.move(fresh, dir.resolve(CLUSTER), StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(passwordFile);
            if (Files.exists(fresh)) {
                Folders.delete(fresh);
            }
        }
    }

    /**
     * The owner's role and database, made on the first start (again, if that start was cut short),
     * and the application's role, made on the first start of a version that has it; its password is
     * set on every start from the credentials file.
     */
    private static void ensureRoleAndDatabase(int port, Credentials credentials) {
        String url = "jdbc:postgresql://localhost:" + port + "/postgres";
        try (Connection c = DriverManager.getConnection(url, SUPERUSER, credentials.superuserPassword());
                Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + USER + "'")) {
                if (!rs.next()) {
                    s.execute("CREATE ROLE " + USER + " LOGIN NOSUPERUSER PASSWORD " + literal(credentials.password()));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                if (!rs.next()) {
                    s.execute("CREATE DATABASE " + DATABASE + " OWNER " + USER + " ENCODING 'UTF8'");
                }
            }
            boolean appRole;
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + APP_USER + "'")) {
                appRole = rs.next();
            }
            s.execute((appRole ? "ALTER" : "CREATE") + " ROLE " + APP_USER
                    + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD " + literal(credentials.appPassword()));
        } catch (SQLException e) {
            throw new EmbeddedDatabaseException("The embedded PostgreSQL refused Preflight's stored credentials ("
                    + e.getMessage() + "). If " + CREDENTIALS + " was changed or lost, move the data folder away and start"
                    + " again.", e);
        }
    }

    /** A value as an SQL string literal: the credentials file may have been edited by hand. */
    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /** A cluster of another PostgreSQL major version cannot be served by these programs. */
    private static void checkVersion(Path cluster, PostgresBinaries binaries) throws IOException {
        int made = Integer.parseInt(Files.readString(cluster.resolve("PG_VERSION"), StandardCharsets.UTF_8).trim());
        int runs = binaries.majorVersion();
        if (made > runs) {
            throw new EmbeddedDatabaseException("The database in " + cluster + " was made by PostgreSQL " + made
                    + ", newer than the PostgreSQL " + runs + " this Preflight runs. Run the Preflight version that made it,"
                    + " or set PREFLIGHT_DATA_DIR to another folder.");
        }
        if (made < runs) {
            throw new EmbeddedDatabaseException("The database in " + cluster + " was made by PostgreSQL " + made
                    + ", older than the PostgreSQL " + runs + " this Preflight runs. Back it up with the Preflight version"
                    + " that made it and restore the backup into a new data folder.");
        }
    }

    /**
     * The server this JVM started earlier for the folder. It is recorded in a system property, which
     * outlives the class loaders of dev-mode reloads; the folder's lock cannot tell, since closing any
     * channel on the lock file would release the lock the server's owner holds.
     */
    private static Optional<EmbeddedDatabase> runningInThisJvm(Path dir) {
        String port = System.getProperty(runningKey(dir));
        if (port == null) {
            return Optional.empty();
        }
        if (port.equals(STOPPED)) {
            throw stopping(dir);
        }
        return Optional.of(new EmbeddedDatabase(Integer.parseInt(port), credentials(dir), null));
    }

    /**
     * The port of the folder's server while this JVM runs it, or {@value #STOPPED} once the JVM has
     * stopped it on its way out. Outside the {@code preflight.*} names, which Quarkus checks against
     * its configuration on every start.
     */
    private static String runningKey(Path dir) {
        return "dev.preflight.embedded-database.running:" + dir;
    }

    private static EmbeddedDatabaseException stopping(Path dir) {
        return new EmbeddedDatabaseException("Preflight is stopping; the embedded PostgreSQL in " + dir
                + " is not started again.");
    }

    private static Credentials credentials(Path dir) {
        try {
            return Credentials.read(dir.resolve(CREDENTIALS)).orElseThrow(() -> new EmbeddedDatabaseException(
                    "The credentials file " + dir.resolve(CREDENTIALS) + " is missing. If the data folder holds nothing"
                            + " you need, move it away and start again."));
        } catch (IOException e) {
            throw Folders.failure(e, dir, "data folder", "PREFLIGHT_DATA_DIR");
        }
    }

    /** A postmaster still running on the folder although no process holds its lock: its owner was killed. */
    private static void stopOrphan(Path cluster) throws IOException {
        Path pidFile = cluster.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        Optional<ProcessHandle> orphan = lines.isEmpty() ? Optional.empty()
                : parseLong(lines.get(0)).flatMap(ProcessHandle::of).filter(p -> servesCluster(p, cluster));
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
            throw new EmbeddedDatabaseException("Interrupted while stopping the PostgreSQL server left running on " + cluster, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new EmbeddedDatabaseException("The PostgreSQL server left running on " + cluster + " (pid "
                    + postmaster.pid() + ") did not stop within " + ORPHAN_STOP_TIMEOUT.toSeconds() + " s. Stop it, then"
                    + " start Preflight again.", e);
        }
    }

    /**
     * Whether the process is a PostgreSQL server: its program is {@code postgres} (also when that file
     * was since replaced, as a repaired cache does) or it was started on this cluster.
     */
    private static boolean servesCluster(ProcessHandle process, Path cluster) {
        ProcessHandle.Info info = process.info();
        boolean postgres = info.command().map(c -> c.matches(".*postgres( \\(deleted\\))?")).orElse(false);
        boolean onCluster = info.arguments().map(args -> List.of(args).contains(cluster.toString())).orElse(false);
        return postgres || onCluster;
    }

    private static Optional<Integer> postmasterPort(Path cluster) {
        try {
            Path pidFile = cluster.resolve("postmaster.pid");
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            return lines.size() > 3 ? parseLong(lines.get(3)).map(Long::intValue) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<Long> parseLong(String text) {
        try {
            return Optional.of(Long.parseLong(text.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * The lock the process serving a data folder holds while it runs; the system releases it when
     * that process ends, however it ends.
     */
    private record FolderLock(FileChannel channel, FileLock lock) {

        static FolderLock take(Path dir) {
            try {
                FileChannel channel = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock();
                if (lock != null) {
                    return new FolderLock(channel, lock);
                }
                closeQuietly(channel);
            } catch (OverlappingFileLockException heldHere) {
                // Another class loader of this JVM serves the folder. Its channel stays open: closing
                // this one would release that loader's lock.
            } catch (IOException e) {
                throw Folders.failure(e, dir, "data folder", "PREFLIGHT_DATA_DIR");
            }
            throw new EmbeddedDatabaseException("The data folder " + dir + " is in use by another Preflight process."
                    + " Stop it, or set PREFLIGHT_DATA_DIR to another folder.");
        }

        /** Whether another process holds the folder's lock (never asked about this process's own). */
        static boolean heldElsewhere(Path dir) {
            Path file = dir.resolve(LOCK);
            if (!Files.exists(file)) {
                return false;
            }
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                FileLock lock = channel.tryLock();
                if (lock == null) {
                    return true;
                }
                lock.release();
                return false;
            } catch (OverlappingFileLockException heldHere) {
                return true;
            } catch (IOException e) {
                throw Folders.failure(e, dir, "data folder", "PREFLIGHT_DATA_DIR");
            }
        }

        void release() {
            try {
                lock.release();
            } catch (IOException e) {
                LOG.debugf("Could not release the lock on the data folder: %s", e.getMessage());
            }
            closeQuietly(channel);
        }

        private static void closeQuietly(FileChannel channel) {
            if (channel == null) {
                return;
            }
            try {
                channel.close();
            } catch (IOException e) {
                LOG.debugf("Could not close the data folder's lock file: %s", e.getMessage());
            }
        }
    }

    /**
     * Generated passwords of the superuser, the owner's role and the application's role, kept in a
     * file only its owner can read.
     */
    private record Credentials(String superuserPassword, String password, String appPassword) {

        static Credentials generate() {
            return new Credentials(randomSecret(), randomSecret(), randomSecret());
        }

        /** These credentials, with a password for the application's role added to the file if it has none yet. */
        Credentials withAppPassword(Path file) throws IOException {
            if (appPassword != null) {
                return this;
            }
            Credentials completed = new Credentials(superuserPassword, password, randomSecret());
            completed.write(file);
            return completed;
        }

        static Optional<Credentials> read(Path file) throws IOException {
            if (!Files.exists(file)) {
                return Optional.empty();
            }
            Properties properties = new Properties();
            try (InputStream in = Files.newInputStream(file)) {
                properties.load(in);
            }
            return Optional.of(new Credentials(properties.getProperty("superuser.password"), properties.getProperty("password"),
                    properties.getProperty("app.password")));
        }

        void write(Path file) throws IOException {
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(temp);
            Folders.createPrivateFile(temp);
            Properties properties = new Properties();
            properties.setProperty("user", USER);
            properties.setProperty("password", password);
            properties.setProperty("superuser.password", superuserPassword);
            properties.setProperty("app.user", APP_USER);
            properties.setProperty("app.password", appPassword);
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
