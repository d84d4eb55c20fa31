package dev.preflight.backup;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import javax.sql.DataSource;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.preflight.audit.AuditLog;
import dev.preflight.platform.Roles;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * A backup over HTTP, for backup jobs that hold an admin token but no shell on Preflight's host.
 * Every download is in the audit log: a backup holds everything, password hashes included.
 */
@Path("/api/v1/backup")
@Tag(name = "Backup", description = "Everything Preflight keeps, as one file for the restore command")
public class BackupResource {

    static final String MEDIA_TYPE = "application/zip";

    private final DataSource dataSource;
    private final AuditLog audit;

    public BackupResource(DataSource dataSource, AuditLog audit) {
        this.dataSource = dataSource;
        this.audit = audit;
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Produces(MEDIA_TYPE)
    @Operation(summary = "Download a backup", description = "Every table in one consistent snapshot, taken while "
            + "Preflight serves on, as a ZIP archive that `java -jar quarkus-run.jar restore FILE` puts into an empty "
            + "database. The manifest comes last, so a download cut short is refused by the restore. The file holds "
            + "password and token hashes and webhook secrets: keep it as private as the database.")
    public Response download() {
        QuarkusTransaction.requiringNew().run(() -> audit.record("backup.download", "database", null, null, null));
        StreamingOutput body = out -> {
            try (Connection c = dataSource.getConnection()) {
                Backup.write(c, out);
            } catch (SQLException e) {
                throw new IOException("the backup stopped: " + e.getMessage(), e);
            }
        };
        String name = "preflight-" + BackupCommand.timestamp(LocalDateTime.now(ZoneOffset.UTC)) + ".backup";
        return Response.ok(body, MEDIA_TYPE).header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name
                + "\"").header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }
}
