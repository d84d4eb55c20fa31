package dev.preflight.backup;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import dev.preflight.platform.text.Hashes;

/**
 * Writes everything Preflight keeps in its database to one ZIP archive: each table's rows as
 * PostgreSQL's COPY text, where each sequence stood, and a manifest. All tables are read in one
 * read-only snapshot, so a backup taken while Preflight serves requests is consistent: every
 * sign-off with its history and audit event, or none of them. Needs only a JDBC connection, no
 * {@code pg_dump}, so it works for the embedded database too.
 */
public final class Backup {

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private Backup() {
    }

    /**
     * Writes the archive to {@code out}, which is left open. The connection is used for one
     * transaction and handed back as it came (its settings change for that transaction only).
     */
    public static BackupManifest write(Connection c, OutputStream out) throws SQLException, IOException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            try (Statement s = c.createStatement()) {
                s.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            }
            Schema.fixSessionFormats(c);
            Instant snapshot = snapshotTime(c);
            String version = Schema.version(c).orElseThrow(() -> new IllegalStateException(
                    "the database holds no Preflight schema (no migrations were applied to it)"));
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            ZipOutputStream zip = new ZipOutputStream(unclosable(out));
            List<BackupManifest.Table> tables = new ArrayList<>();
            for (String table : Schema.tablesInLoadOrder(c)) {
                List<String> columns = Schema.columns(c, table);
                String file = "data/" + table + ".copy";
                zip.putNextEntry(new ZipEntry(file));
                MessageDigest digest = Hashes.sha256();
                long rows = copy.copyOut("COPY " + Schema.quote(table) + " (" + Schema.quotedList(columns)
                        + ") TO STDOUT", new DigestOutputStream(zip, digest));
                zip.closeEntry();
                tables.add(new BackupManifest.Table(table, columns, rows, file,
                        HexFormat.of().formatHex(digest.digest())));
            }
            BackupManifest manifest = new BackupManifest(BackupManifest.FORMAT, BackupManifest.FORMAT_VERSION,
                    snapshot, version, serverVersion(c), tables, sequences(c));
            zip.putNextEntry(new ZipEntry(BackupManifest.ENTRY));
            zip.write(JSON.writeValueAsBytes(manifest));
            zip.closeEntry();
            zip.finish();
            zip.close();
            c.commit();
            return manifest;
        } finally {
            if (!c.isClosed()) {
                c.rollback();
                c.setAutoCommit(autoCommit);
            }
        }
    }

    private static List<BackupManifest.SequenceValue> sequences(Connection c) throws SQLException {
        List<BackupManifest.SequenceValue> values = new ArrayList<>();
        for (String sequence : Schema.sequences(c)) {
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                    "SELECT last_value, is_called FROM " + Schema.quote(sequence))) {
                r.next();
                values.add(new BackupManifest.SequenceValue(sequence, r.getLong(1), r.getBoolean(2)));
            }
        }
        return values;
    }

    private static Instant snapshotTime(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT now()")) {
            r.next();
            return r.getObject(1, OffsetDateTime.class).toInstant();
        }
    }

    private static String serverVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SHOW server_version")) {
            r.next();
            return r.getString(1);
        }
    }

    private static OutputStream unclosable(OutputStream out) {
        return new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }
}
