package dev.preflight.backup;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.preflight.platform.security.Roles;

/** A backup over HTTP, for backup jobs that hold an admin token but no shell on Preflight's host. */
@Path("/api/v1/backup")
@Tag(name = "Backup", description = "Everything Preflight keeps, as one file for the restore command")
public class BackupResource {

    private final Backups backups;

    public BackupResource(Backups backups) {
        this.backups = backups;
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Produces(Backups.MEDIA_TYPE)
    @Operation(summary = "Download a backup", description = "Every table in one consistent snapshot, taken while "
            + "Preflight serves on, as a ZIP archive that `java -jar quarkus-run.jar restore FILE` puts into an empty "
            + "database. The manifest comes last, so a download cut short is refused by the restore. The file holds "
            + "password and token hashes and webhook secrets: keep it as private as the database. Each download is "
            + "recorded in the audit log (action backup.download); a token needs the write scope. One backup at a "
            + "time: another request meanwhile gets 429.")
    public Response download() {
        return backups.download();
    }
}
