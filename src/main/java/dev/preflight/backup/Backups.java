package dev.preflight.backup;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.Semaphore;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import io.quarkus.narayana.jta.QuarkusTransaction;

import dev.preflight.audit.AuditLog;
import dev.preflight.platform.problems.ProblemException;

/**
 * A backup as an HTTP download, for the API and the admin page alike. Every download is in the
 * audit log: a backup holds everything, password hashes included.
 */
@ApplicationScoped
public class Backups {

    static final String MEDIA_TYPE = "application/zip";

    private final DataSource dataSource;
    private final AuditLog audit;
    private final Semaphore running = new Semaphore(1);

    public Backups(DataSource dataSource, AuditLog audit) {
        this.dataSource = dataSource;
        this.audit = audit;
    }

    /**
     * Records the download, then streams the archive; the manifest comes last, so a download cut
     * short is refused by the restore. One at a time: each holds a connection of the pool and an
     * open snapshot for as long as its client reads.
     */
    public Response download() {
        if (!running.tryAcquire()) {
            throw ProblemException.tooManyRequests("A backup is being taken already; try again when it is done.",
                    Duration.ofSeconds(30));
        }
        StreamingOutput body;
        try {
            QuarkusTransaction.requiringNew().run(() -> audit.record("backup.download", "database", null, null, null));
            body = out -> {
                try (Connection c = dataSource.getConnection()) {
                    Backup.write(c, out);
                } catch (SQLException e) {
                    throw new IOException("the backup stopped: " + e.getMessage(), e);
                } finally {
                    running.release();
                }
            };
        } catch (RuntimeException e) {
            running.release();
            throw e;
        }
        String name = "preflight-" + BackupCommand.timestamp(LocalDateTime.now(ZoneOffset.UTC)) + ".backup";
        return Response.ok(body, MEDIA_TYPE).header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name
                + "\"").header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }
}
