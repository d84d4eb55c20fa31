package dev.preflight.backup;

import java.time.Instant;
import java.util.List;

/**
 * The first thing a backup says about itself: what wrote it, the schema version its rows belong
 * to, and for every table its columns, row count and the SHA-256 of its data, so that a restore can
 * refuse a damaged or foreign file before it touches a database.
 */
public record BackupManifest(String format, int formatVersion, Instant createdAt, String schemaVersion,
        String serverVersion, List<Table> tables, List<SequenceValue> sequences) {

    public static final String FORMAT = "preflight-backup";
    public static final int FORMAT_VERSION = 1;
    public static final String ENTRY = "manifest.json";

    /** One table's rows, as PostgreSQL's COPY text format, in the archive entry {@code file}. */
    public record Table(String name, List<String> columns, long rows, String file, String sha256) {
    }

    /** Where a sequence stood when the backup was taken. */
    public record SequenceValue(String name, long lastValue, boolean called) {
    }

    public long rows() {
        return tables.stream().mapToLong(Table::rows).sum();
    }
}
