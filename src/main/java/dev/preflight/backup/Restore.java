package dev.preflight.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.postgresql.ds.PGSimpleDataSource;

import dev.preflight.platform.text.Hashes;

/**
 * Puts a backup into an empty database: checks the whole archive first, builds the schema the
 * backup was taken at with this build's migrations, then loads every table in one transaction
 * with Preflight's own triggers off (the rows already hold what the triggers would have made,
 * the audit chain included). When anything fails, the database is left empty again. Starting
 * Preflight afterwards applies any newer migrations, as after an upgrade.
 */
public final class Restore {

    /** A backup that cannot go into this database; nothing was changed. */
    public static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }

        Refused(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Where the rows go. */
    public record Target(String jdbcUrl, String username, String password) {

        DataSource dataSource() {
            PGSimpleDataSource dataSource = new PGSimpleDataSource();
            dataSource.setURL(jdbcUrl);
            dataSource.setUser(username);
            dataSource.setPassword(password);
            return dataSource;
        }
    }

    private Restore() {
    }

    /** Reads the manifest and checks every table's data against it, without a database. */
    public static BackupManifest check(Path archive) throws IOException {
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            BackupManifest manifest = manifest(zip);
            for (BackupManifest.Table table : manifest.tables()) {
                ZipEntry entry = zip.getEntry(table.file());
                if (entry == null) {
                    throw new Refused("the backup lacks the rows of table " + table.name() + " (" + table.file() + ")");
                }
                MessageDigest digest = Hashes.sha256();
                try (InputStream in = new DigestInputStream(zip.getInputStream(entry), digest)) {
                    in.transferTo(OutputStream.nullOutputStream());
                }
                if (!HexFormat.of().formatHex(digest.digest()).equals(table.sha256())) {
                    throw new Refused("the rows of table " + table.name() + " do not match the backup's manifest: "
                            + "the file was changed or damaged");
                }
            }
            return manifest;
        } catch (ZipException e) {
            throw new Refused("not a Preflight backup (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Restores the archive into the target, which must hold nothing yet. The target is asked for
     * only once the archive is checked, so that a bad file starts no database.
     */
    public static BackupManifest into(Supplier<Target> targets, Path archive, Consumer<String> progress)
            throws IOException, SQLException {
        BackupManifest manifest = check(archive);
        progress.accept(String.format("Backup checked: %d tables, %,d rows, schema version %s, taken %s",
                manifest.tables().size(), manifest.rows(), manifest.schemaVersion(), manifest.createdAt()));
        Target target = targets.get();
        try (Connection c = connect(target)) {
            List<String> present = Schema.objects(c);
            if (!present.isEmpty()) {
                throw new Refused("the database is not empty (it holds " + String.join(", ",
                        present.subList(0, Math.min(5, present.size()))) + (present.size() > 5 ? ", …" : "")
                        + "); restore into a new database or an empty data folder");
            }
        }
        MigrationVersion newest = newest(target);
        if (MigrationVersion.fromVersion(manifest.schemaVersion()).compareTo(newest) > 0) {
            throw new Refused("the backup was taken by a newer Preflight (schema version " + manifest.schemaVersion()
                    + "; this one knows versions up to " + newest + "); restore it with that version or newer");
        }
        Flyway flyway = flyway(target).target(MigrationVersion.fromVersion(manifest.schemaVersion())).load();
        try {
            flyway.migrate();
            progress.accept("Schema built up to version " + manifest.schemaVersion());
            try (Connection c = connect(target); ZipFile zip = new ZipFile(archive.toFile())) {
                load(c, zip, manifest, progress);
            }
        } catch (IOException | SQLException | RuntimeException e) {
            try {
                flyway.clean();
            } catch (RuntimeException cleaning) {
                e.addSuppressed(cleaning);
                progress.accept("The database could not be emptied again (" + cleaning.getMessage()
                        + "); drop and recreate it before another try");
            }
            throw e;
        }
        return manifest;
    }

    private static void load(Connection c, ZipFile zip, BackupManifest manifest, Consumer<String> progress)
            throws IOException, SQLException {
        c.setAutoCommit(false);
        Schema.fixSessionFormats(c);
        Map<String, BackupManifest.Table> byName = manifest.tables().stream()
                .collect(Collectors.toMap(BackupManifest.Table::name, Function.identity()));
        List<String> tables = Schema.tablesInLoadOrder(c);
        if (!byName.keySet().equals(Set.copyOf(tables))) {
            throw new Refused("the backup's tables " + byName.keySet() + " are not those of schema version "
                    + manifest.schemaVersion() + " " + tables);
        }
        try (Statement s = c.createStatement()) {
            for (String table : tables) {
                s.execute("ALTER TABLE " + Schema.quote(table) + " DISABLE TRIGGER USER");
            }
            s.execute("TRUNCATE " + Schema.quotedList(tables));
        }
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        for (String name : tables) {
            BackupManifest.Table table = byName.get(name);
            if (!table.columns().equals(Schema.columns(c, name))) {
                throw new Refused("the columns of table " + name + " in the backup " + table.columns()
                        + " differ from schema version " + manifest.schemaVersion());
            }
            long rows;
            try (InputStream in = zip.getInputStream(zip.getEntry(table.file()))) {
                rows = copy.copyIn("COPY " + Schema.quote(name) + " (" + Schema.quotedList(table.columns())
                        + ") FROM STDIN", in);
            }
            if (rows != table.rows()) {
                throw new Refused("table " + name + " loaded " + rows + " rows, the manifest says " + table.rows());
            }
            progress.accept(String.format("  %-28s %,12d rows", name, rows));
        }
        try (PreparedStatement s = c.prepareStatement("SELECT setval(?::regclass, ?, ?)")) {
            for (BackupManifest.SequenceValue sequence : manifest.sequences()) {
                s.setString(1, Schema.quote(sequence.name()));
                s.setLong(2, sequence.lastValue());
                s.setBoolean(3, sequence.called());
                s.execute();
            }
        }
        try (Statement s = c.createStatement()) {
            for (String table : tables) {
                s.execute("ALTER TABLE " + Schema.quote(table) + " ENABLE TRIGGER USER");
            }
            s.execute("ANALYZE " + Schema.quotedList(tables));
        }
        c.commit();
    }

    private static BackupManifest manifest(ZipFile zip) throws IOException {
        ZipEntry entry = zip.getEntry(BackupManifest.ENTRY);
        if (entry == null) {
            throw new Refused("not a Preflight backup: it has no " + BackupManifest.ENTRY);
        }
        BackupManifest manifest;
        try (InputStream in = zip.getInputStream(entry)) {
            manifest = Backup.JSON.readValue(in, BackupManifest.class);
        } catch (IOException e) {
            throw new Refused("the backup's manifest cannot be read: " + e.getMessage(), e);
        }
        if (!BackupManifest.FORMAT.equals(manifest.format())) {
            throw new Refused("not a Preflight backup (format " + manifest.format() + ")");
        }
        if (manifest.formatVersion() != BackupManifest.FORMAT_VERSION) {
            throw new Refused("backup format " + manifest.formatVersion() + " is not one this Preflight reads ("
                    + BackupManifest.FORMAT_VERSION + ")");
        }
        if (manifest.schemaVersion() == null || manifest.tables() == null || manifest.sequences() == null
                || manifest.tables().stream().anyMatch(t -> t.name() == null || t.file() == null || t.columns() == null
                        || t.sha256() == null)
                || manifest.sequences().stream().anyMatch(q -> q.name() == null)) {
            throw new Refused("the backup's manifest is incomplete");
        }
        return manifest;
    }

    private static FluentConfiguration flyway(Target target) {
        return Flyway.configure(Restore.class.getClassLoader())
                .dataSource(target.dataSource())
                .locations("classpath:db/migration")
                .cleanDisabled(false);
    }

    /** The newest migration this build has (asked without a target, which Flyway would insist exists). */
    private static MigrationVersion newest(Target target) {
        MigrationVersion newest = MigrationVersion.EMPTY;
        for (MigrationInfo migration : flyway(target).load().info().all()) {
            if (migration.getVersion() != null && migration.getVersion().compareTo(newest) > 0) {
                newest = migration.getVersion();
            }
        }
        return newest;
    }

    private static Connection connect(Target target) throws SQLException {
        return target.dataSource().getConnection();
    }
}
