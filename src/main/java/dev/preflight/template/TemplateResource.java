package dev.preflight.template;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.preflight.platform.api.ApiInput;
import dev.preflight.platform.api.InputValidator;
import dev.preflight.platform.api.Versions;
import dev.preflight.platform.problems.ProblemException;
import dev.preflight.platform.security.Roles;

@Path("/api/v1/templates")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Templates", description = "Checklist templates, their versions, and templates as code (YAML, Markdown)")
public class TemplateResource {

    static final String YAML = "application/yaml";
    static final String MARKDOWN = "text/markdown";

    private final TemplateLibrary library;

    public TemplateResource(TemplateLibrary library) {
        this.library = library;
    }

    /** A new template's slug and name, both optional (derived from the original). */
    public record CloneInput(String slug, String name) {
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "List templates", description = "Built-in templates first, then custom ones, by name.")
    public List<TemplateViews.Summary> list() {
        return library.list();
    }

    @GET
    @Path("{slug}")
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "Get a template and its versions")
    public TemplateViews.Detail get(@PathParam("slug") String slug) {
        return library.get(slug);
    }

    @GET
    @Path("{slug}/versions/{number}")
    @RolesAllowed(Roles.VIEWER)
    @APIResponse(responseCode = "200", description = "The version's checklist",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TemplateViews.Version.class)))
    @Operation(summary = "Get one version's checklist")
    public Response version(@PathParam("slug") String slug, @PathParam("number") int number) {
        return Versions.ok(library.version(slug, number));
    }

    @GET
    @Path("{slug}/versions/{number}/lint")
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "Lint one version", description = "What a reviewer would flag, each finding with its item "
            + "and rule: blocker_without_evidence, severity_differs, duplicate, after_launch_wording, no_cadence, "
            + "runbook_guidance. Findings the template accepts in its facts (lintExceptions) carry acceptedBecause.")
    public TemplateViews.Lint lint(@PathParam("slug") String slug, @PathParam("number") int number) {
        return library.lint(slug, number);
    }

    @GET
    @Path("{slug}/versions/{number}/export")
    @Produces({ YAML, MARKDOWN })
    @RolesAllowed(Roles.VIEWER)
    @APIResponse(responseCode = "200", description = "The version as a file", content = {
            @Content(mediaType = YAML, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = MARKDOWN, schema = @Schema(type = SchemaType.STRING)) })
    @Operation(summary = "Export a version", description = "As YAML (full fidelity, re-importable) or as a Markdown "
            + "checklist: by the format parameter, else by the Accept header; YAML by default.")
    public Response export(@PathParam("slug") String slug, @PathParam("number") int number,
            @Parameter(description = "yaml or markdown") @QueryParam("format") String format,
            @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        TemplateDocument document = library.document(slug, number);
        boolean markdown = format != null ? switch (format) {
            case "markdown", "md" -> true;
            case "yaml", "yml" -> false;
            default -> throw ProblemException.invalid("format", "must be yaml or markdown");
        } : accept != null && accept.contains(MARKDOWN) && !accept.contains(YAML);
        String name = slug + "-v" + number + (markdown ? ".md" : ".yaml");
        return Response.ok(markdown ? MarkdownChecklist.write(document) : TemplateYaml.write(document))
                .type((markdown ? MARKDOWN : YAML) + ";charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"").build();
    }

    @POST
    @Path("import")
    @Consumes({ YAML, "application/x-yaml", "text/yaml", MARKDOWN, MediaType.TEXT_PLAIN })
    @RolesAllowed(Roles.ADMIN)
    @APIResponse(responseCode = "201", description = "Imported as a new draft (published when asked)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TemplateViews.Imported.class)))
    @APIResponse(responseCode = "200", description = "The file equals the latest published version; nothing changed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TemplateViews.Imported.class)))
    @Operation(summary = "Import a template file", description = "YAML in Preflight's template format, or a Markdown "
            + "checklist (headings become sections, bullets items). It becomes the template's draft, published at "
            + "once with publish=true. Every problem is reported with its line; nothing is half-imported.")
    public Response importTemplate(String body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @Parameter(description = "yaml or markdown; by default from the Content-Type") @QueryParam("format") String format,
            @Parameter(description = "Markdown only: the template's slug (default: from the name)") @QueryParam("slug") String slug,
            @Parameter(description = "Markdown only: the template's name (default: the first heading)") @QueryParam("name") String name,
            @QueryParam("publish") @DefaultValue("false") boolean publish) {
        TemplateDocument document = TemplateFiles.read(ApiInput.required(body), TemplateFiles.format(format, contentType),
                slug, name);
        TemplateViews.Imported imported = library.importDocument(document, publish);
        return Response.status(imported.changed() ? 201 : 200)
                .location(URI.create("/api/v1/templates/" + imported.template() + "/versions/" + imported.number()))
                .entity(imported).build();
    }

    @GET
    @Path("{slug}/draft")
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "Get the open draft", description = "404 when the template has no draft.")
    public Response draft(@PathParam("slug") String slug) {
        TemplateViews.Version draft = library.draft(slug)
                .orElseThrow(() -> ProblemException.notFound("The template '" + slug + "' has no draft."));
        return Versions.ok(draft);
    }

    @PUT
    @Path("{slug}/draft")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Replace the draft's checklist", description = "Opens a draft from the latest version when "
            + "there is none. Send the checklist (sections, facts), or the draft as GET gave it (its checklist under "
            + "content). Send the ETag of the draft you read in If-Match to be told of concurrent edits.")
    public Response saveDraft(@PathParam("slug") String slug, DraftInput input,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        TemplateViews.Version draft = library.saveDraft(slug, ApiInput.required(input).checklist(),
                Versions.expected(ifMatch, null));
        return Versions.ok(draft);
    }

    @DELETE
    @Path("{slug}/draft")
    @RolesAllowed(Roles.ADMIN)
    @APIResponse(responseCode = "204", description = "Discarded")
    @Operation(summary = "Discard the draft")
    public Response discard(@PathParam("slug") String slug) {
        library.discardDraft(slug);
        return Response.noContent().build();
    }

    @POST
    @Path("{slug}/versions/{number}/publish")
    @RolesAllowed(Roles.ADMIN)
    @APIResponse(responseCode = "200", description = "Published",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TemplateViews.Version.class)))
    @Operation(summary = "Publish a draft", description = "A published version never changes again.")
    public Response publish(@PathParam("slug") String slug, @PathParam("number") int number) {
        return Versions.ok(library.publish(slug, number));
    }

    @POST
    @Path("{slug}/clone")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @APIResponse(responseCode = "201", description = "The new template",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TemplateViews.Detail.class)))
    @Operation(summary = "Clone a template", description = "A new custom template whose version 1 is the latest "
            + "published version of this one.")
    public Response cloneTemplate(@PathParam("slug") String slug, CloneInput input) {
        CloneInput body = input == null ? new CloneInput(null, null) : input;
        TemplateViews.Detail clone = library.cloneTemplate(slug, body.slug(), body.name());
        return Response.created(URI.create("/api/v1/templates/" + clone.slug())).entity(clone).build();
    }

    @GET
    @Path("{slug}/diff")
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "Compare two versions", description = "Items added, removed and changed field by field, "
            + "followed by their keys. Compare with another template's version by naming it in toTemplate.")
    public TemplateDiff diff(@PathParam("slug") String slug, @QueryParam("from") Integer from,
            @QueryParam("to") Integer to, @QueryParam("toTemplate") String toTemplate) {
        InputValidator.Errors errors = new InputValidator.Errors();
        if (from == null) {
            errors.add("from", "is required: the version to compare from");
        }
        if (to == null) {
            errors.add("to", "is required: the version to compare to");
        }
        errors.throwIfAny();
        return library.diff(slug, from, toTemplate, to);
    }
}
