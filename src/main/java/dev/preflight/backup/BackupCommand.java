package dev.preflight.backup;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

import io.smallrye.config.DotEnvConfigSourceProvider;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

import dev.preflight.platform.db.EmbeddedDatabase;
import dev.preflight.platform.db.EmbeddedDatabaseDriver;
import dev.preflight.platform.db.EmbeddedDatabaseException;
import dev.preflight.platform.db.Migrations;

/**
 * {@code backup [FILE]} and {@code restore FILE} from the command line, for the database
 * Preflight is configured with: the embedded one in the data folder (also while Preflight runs on
 * it), or the server {@code QUARKUS_DATASOURCE_JDBC_URL} names. Reads the same configuration as
 * Preflight, without starting it.
 */
public final class BackupCommand {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int REFUSED = 2;

    private static final String USAGE = """
            Usage:
              java -jar quarkus-run.jar backup [FILE]   write a backup (default: preflight-<UTC time>.backup)
              java -jar quarkus-run.jar restore FILE    restore a backup into an empty database
            The database is the one Preflight is configured with: the embedded one in PREFLIGHT_DATA_DIR
            (default ~/.preflight), or QUARKUS_DATASOURCE_JDBC_URL, reached as the role that owns its schema:
            PREFLIGHT_DATABASE_MIGRATION_USER and _PASSWORD when set, else QUARKUS_DATASOURCE_USERNAME and
            QUARKUS_DATASOURCE_PASSWORD.""";

    private final SmallRyeConfig config;
    private final PrintStream out;
    private final PrintStream err;

    BackupCommand(SmallRyeConfig config, PrintStream out, PrintStream err) {
        this.config = config;
        this.out = out;
        this.err = err;
    }

    /** Whether the first argument names one of these commands. */
    public static boolean handles(String command) {
        return "backup".equals(command) || "restore".equals(command);
    }

    /** Runs the command the arguments name; returns the process's exit code. */
    public static int run(String... args) {
        try {
            return new BackupCommand(configuration(), System.out, System.err).execute(args);
        } catch (IOException e) {
            System.err.println("Could not read Preflight's configuration: " + e.getMessage());
            return FAILED;
        }
    }

    int execute(String... args) {
        try {
            if ("backup".equals(args[0]) && args.length <= 2) {
                return backup(args.length == 2 ? Path.of(args[1]) : Path.of(defaultName()));
            }
            if ("restore".equals(args[0]) && args.length == 2) {
                return restore(Path.of(args[1]));
            }
            err.println(USAGE);
            return REFUSED;
        } catch (Restore.Refused e) {
            err.println(("restore".equals(args[0]) ? "Not restored: " : "No backup written: ") + e.getMessage());
            return REFUSED;
        } catch (IOException | SQLException | RuntimeException e) {
            err.println(args[0] + " failed: " + e.getMessage());
            return FAILED;
        }
    }

    private int backup(Path file) throws IOException, SQLException {
        Path target = file.toAbsolutePath();
        if (Files.exists(target)) {
            err.println("No backup written: " + target + " exists already; name a new file");
            return REFUSED;
        }
        Path temp = target.resolveSibling(target.getFileName() + ".partial");
        long started = System.nanoTime();
        BackupManifest manifest;
        Files.deleteIfExists(temp);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        try (Connection c = target(true).dataSource().getConnection(); OutputStream stream = Files.newOutputStream(temp)) {
            manifest = Backup.write(c, stream);
        } catch (IOException | SQLException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target);
        }
        out.printf("Backup written to %s: %d tables, %,d rows, %,d bytes in %d ms (schema version %s)%n", target,
                manifest.tables().size(), manifest.rows(), Files.size(target),
                Duration.ofNanos(System.nanoTime() - started).toMillis(), manifest.schemaVersion());
        out.println("It holds password and token hashes and webhook secrets: keep it as private as the database.");
        return OK;
    }

    private int restore(Path file) throws IOException, SQLException {
        if (!Files.isRegularFile(file)) {
            err.println("Not restored: " + file.toAbsolutePath() + " is not a file");
            return REFUSED;
        }
        long started = System.nanoTime();
        BackupManifest manifest = Restore.into(() -> target(false), file, out::println);
        out.printf("Restored %,d rows into %d tables in %d ms. Start Preflight on this database to use them.%n",
                manifest.rows(), manifest.tables().size(), Duration.ofNanos(System.nanoTime() - started).toMillis());
        return OK;
    }

    /**
     * The configured database, as the role that owns its schema; the embedded one is reached where it
     * runs, or started for the command.
     */
    private Restore.Target target(boolean attach) {
        String url = config.getValue("quarkus.datasource.jdbc.url", String.class);
        if (!url.startsWith(EmbeddedDatabaseDriver.URL)) {
            out.println("Database: " + (url.contains("?") ? url.substring(0, url.indexOf('?')) : url));
            Migrations.Role owner = Migrations.owner(config);
            return new Restore.Target(url, owner.user(), owner.password());
        }
        EmbeddedDatabase.Options options = EmbeddedDatabase.Options.from(config);
        Path dataDir = options.dataDir();
        out.println("Database: the embedded one in " + dataDir.toAbsolutePath());
        if (attach && !EmbeddedDatabase.exists(dataDir)) {
            throw new Restore.Refused("there is no embedded database in " + dataDir.toAbsolutePath()
                    + "; set PREFLIGHT_DATA_DIR to the data folder Preflight uses");
        }
        EmbeddedDatabase database;
        try {
            database = attach ? EmbeddedDatabase.attach(options) : EmbeddedDatabase.start(options);
        } catch (EmbeddedDatabaseException e) {
            if (!e.getMessage().contains("in use by another Preflight process")) {
                throw e;
            }
            throw new Restore.Refused(e.getMessage() + " Stop Preflight before restoring.", e);
        }
        return new Restore.Target(database.jdbcUrl(), database.username(), database.password());
    }

    private static String defaultName() {
        return "preflight-" + timestamp(LocalDateTime.now(ZoneOffset.UTC)) + ".backup";
    }

    /** The time in a backup's default file name. */
    static String timestamp(LocalDateTime utc) {
        return utc.format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    }

    /**
     * Preflight's own configuration, from the sources Quarkus reads at run time: system properties,
     * environment, {@code .env} and {@code config/application.properties} in the working folder, then
     * the packaged application.properties, in the profile {@code QUARKUS_PROFILE} names (prod unless).
     */
    private static SmallRyeConfig configuration() throws IOException {
        ClassLoader loader = BackupCommand.class.getClassLoader();
        URL properties = loader.getResource("application.properties");
        if (properties == null) {
            throw new IOException("application.properties is not on the class path");
        }
        SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder().addDefaultSources().addDefaultInterceptors()
                .withProfile(Optional.ofNullable(System.getenv("QUARKUS_PROFILE")).orElse("prod"))
                .withSources(new PropertiesConfigSource(properties, 250))
                .withSources(DotEnvConfigSourceProvider.dotEnvSources(loader));
        Path local = Path.of("config", "application.properties");
        if (Files.isRegularFile(local)) {
            builder.withSources(new PropertiesConfigSource(local.toUri().toURL(), 260));
        }
        return builder.build();
    }
}
