package dev.preflight.service;

import java.io.IOException;
import java.nio.file.Files;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import dev.preflight.platform.problems.ProblemType;
import dev.preflight.platform.security.Roles;
import dev.preflight.platform.web.Pages;

/**
 * Import services from Backstage catalog files: paste or upload, see what would change, then
 * apply. The text goes back and forth with the forms, so nothing is kept between the steps.
 */
@Path("/catalog/import")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.ADMIN)
public class CatalogImportPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(String text, CatalogImport.Result result, String error);
    }

    private final CatalogImport imports;

    public CatalogImportPages(CatalogImport imports) {
        this.imports = imports;
    }

    @GET
    public TemplateInstance form() {
        return Templates.form("", null, null);
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response submit(@RestForm String text, @RestForm("file") FileUpload file, @RestForm String action)
            throws IOException {
        String content = file != null && file.size() > 0 ? Files.readString(file.uploadedFile()) : text;
        boolean apply = "apply".equals(action);
        return Pages.submit(() -> Response.ok(Templates.form(content, imports.run(content, apply), null)).build(),
                e -> Templates.form(content == null ? "" : content, null, e.errors().isEmpty() ? e.getMessage()
                        : e.errors().get(0).message()), ProblemType.INVALID_INPUT);
    }
}
