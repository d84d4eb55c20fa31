package dev.preflight.platform.db;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

import com.sun.security.auth.module.UnixSystem;

/**
 * PostgreSQL's own programs run on one cluster: {@code initdb} to make it, {@code pg_ctl} to start
 * and stop its server, each bounded by the caller's deadline and writing to the cluster's log. Once
 * started, the server writes its own log into the cluster's {@code log/} folder, one file per
 * weekday, each emptied when its day comes round again: a week's worth, never more.
 * <p>
 * PostgreSQL refuses to run as root. Run by root, the programs run in a user namespace of their
 * own ({@code unshare -U}), where they are an ordinary user and still own the files root made.
 */
final class PostgresServer {

    private static final Logger LOG = Logger.getLogger(PostgresServer.class);
    private static final int PORT_TRIES = 10;
    private static final Duration STOP_LIMIT = Duration.ofSeconds(60);

    private final PostgresBinaries binaries;
    private final Path cluster;
    private final Path log;

    PostgresServer(PostgresBinaries binaries, Path cluster, Path log) {
        this.binaries = binaries;
        this.cluster = cluster;
        this.log = log;
    }

    /** Makes a new cluster in {@code folder} whose superuser's password is in {@code passwordFile}. */
    void initdb(Path folder, Path passwordFile, long deadline) {
        long from = logSize();
        int exit = run(deadline, "initdb", "-D", folder.toString(), "-U", EmbeddedDatabase.SUPERUSER,
                "--pwfile=" + passwordFile, "-A", "scram-sha-256", "-E", "UTF8", "--locale=C");
        if (exit != 0) {
            throw failure("could not create the database", from);
        }
    }

    /** Starts the server on a free loopback port and returns it; tries other ports when one is taken meanwhile. */
    int start(long deadline) {
        for (int attempt = 0; attempt < PORT_TRIES; attempt++) {
            int port = freePort();
            if (start(port, deadline)) {
                return port;
            }
        }
        throw new EmbeddedDatabaseException("The embedded PostgreSQL found no free port on the loopback interface in "
                + PORT_TRIES + " tries. Free some ports (or stop other servers) and start Preflight again.");
    }

    /** Starts the server on the given port; false when the port was taken. */
    boolean start(int port, long deadline) {
        long from = logSize();
        long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(deadline - System.nanoTime()));
        String options = String.join(" ", "-p", String.valueOf(port), "-c", "listen_addresses=localhost",
                "-c", "unix_socket_directories=''", "-c", "fsync=on", "-c", "synchronous_commit=on",
                "-c", "full_page_writes=on", "-c", "max_connections=100", "-c", "timezone=UTC",
                "-c", "logging_collector=on", "-c", "log_filename=postgresql-%a.log", "-c", "log_rotation_age=1d",
                "-c", "log_rotation_size=0", "-c", "log_truncate_on_rotation=on");
        int exit = run(deadline, "pg_ctl", "-D", cluster.toString(), "-l", log.toString(), "-o", options, "-w",
                "-t", String.valueOf(seconds), "start");
        if (exit == 0) {
            return true;
        }
        String said = logSince(from);
        if (said.contains("Address already in use")) {
            LOG.debugf("Port %d was taken meanwhile; trying another", port);
            stop();
            return false;
        }
        if (said.contains("server did not start in time")) {
            stop();
            throw timeLimit();
        }
        throw failure("did not start", from);
    }

    /** Stops the server, letting running statements end (fast shutdown), if it runs. */
    void stop() {
        if (!Files.exists(cluster.resolve("postmaster.pid"))) {
            return;
        }
        int exit = run(System.nanoTime() + STOP_LIMIT.toNanos(), "pg_ctl", "-D", cluster.toString(), "stop", "-m", "fast",
                "-w", "-t", String.valueOf(STOP_LIMIT.toSeconds()));
        if (exit != 0) {
            LOG.warnf("Could not stop the embedded PostgreSQL cleanly; its log is %s", log);
        }
    }

    static EmbeddedDatabaseException timeLimit() {
        return new EmbeddedDatabaseException("The embedded PostgreSQL did not start within the start limit. Give it"
                + " longer with PREFLIGHT_DATABASE_START_TIMEOUT (such as 10m) on a slow or busy machine.");
    }

    private int run(long deadline, String program, String... args) {
        List<String> command = new ArrayList<>(Namespace.prefix());
        command.add(binaries.program(program).toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("LC_ALL", "C");
        try {
            Process process = builder.start();
            if (!process.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                process.destroyForcibly();
                throw timeLimit();
            }
            return process.exitValue();
        } catch (IOException e) {
            throw Folders.failure(e, log.getParent(), "data folder", "PREFLIGHT_DATA_DIR");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbeddedDatabaseException("Interrupted while running " + program, e);
        }
    }

    /** The first line of what a program wrote to the log that says what went wrong. */
    private EmbeddedDatabaseException failure(String what, long from) {
        String said = logSince(from);
        String reason = said.lines().filter(line -> line.contains("FATAL") || line.contains("error:")
                || line.contains("ERROR") || line.contains("No space left") || line.contains("Permission denied"))
                .findFirst().orElse("see its log")
                .replaceFirst("^.*?(FATAL|ERROR|error):\\s*", "");
        if (reason.contains("No space left") || reason.contains("Permission denied")) {
            return Folders.failure(reason, log.getParent(), "data folder", "PREFLIGHT_DATA_DIR", null);
        }
        return new EmbeddedDatabaseException("The embedded PostgreSQL " + what + ": " + reason + ". Its log is " + log + ".");
    }

    private long logSize() {
        try {
            return Files.exists(log) ? Files.size(log) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private String logSince(long from) {
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long length = file.length();
            if (length <= from) {
                return "";
            }
            byte[] bytes = new byte[(int) Math.min(length - from, 1 << 20)];
            file.seek(from);
            file.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new EmbeddedDatabaseException("The embedded PostgreSQL found no free port on the loopback interface: "
                    + e.getMessage() + ".", e);
        }
    }

    /** How PostgreSQL's programs are run by this process's user. */
    private static final class Namespace {

        private static List<String> prefix;

        static synchronized List<String> prefix() {
            if (prefix == null) {
                prefix = probe();
            }
            return prefix;
        }

        private static List<String> probe() {
            if (System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("windows")
                    || new UnixSystem().getUid() != 0) {
                return List.of();
            }
            try {
                Process probe = new ProcessBuilder("unshare", "-U", "true").redirectErrorStream(true).start();
                probe.getInputStream().readAllBytes();
                if (probe.waitFor() == 0) {
                    return List.of("unshare", "-U");
                }
            } catch (IOException e) {
                LOG.debugf("unshare is not available: %s", e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new EmbeddedDatabaseException("PostgreSQL does not run as root, and this machine cannot give it a user"
                    + " namespace (unshare -U). Run Preflight as an ordinary user.");
        }
    }
}
