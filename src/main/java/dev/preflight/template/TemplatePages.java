package dev.preflight.template;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateGlobal;
import io.quarkus.qute.TemplateInstance;

import dev.preflight.platform.problems.Problem;
import dev.preflight.platform.problems.ProblemException;
import dev.preflight.platform.problems.ProblemType;
import dev.preflight.platform.security.Roles;
import dev.preflight.platform.text.Markdown;
import dev.preflight.platform.text.Text;
import dev.preflight.platform.web.FormErrors;
import dev.preflight.platform.web.Pages;

/**
 * Template pages: the library, a template's checklist, its versions and their differences, import
 * (paste or upload), and the draft editor for admins. Everything works as plain forms.
 */
@Path("/templates")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.VIEWER)
public class TemplatePages {

    @TemplateGlobal
    static final List<Severity> severities = List.of(Severity.values());

    @TemplateGlobal
    static final List<SignOff> signOffs = List.of(SignOff.values());

    @TemplateGlobal
    static final List<Evidence> evidences = List.of(Evidence.values());

    @TemplateGlobal
    static final List<SatisfiedBy> satisfiers = List.of(SatisfiedBy.values());

    @TemplateGlobal
    static final List<Phase> phases = List.of(Phase.values());

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance library(List<TemplateViews.Summary> templates, String notice);

        static native TemplateInstance detail(TemplateViews.Detail template, TemplateViews.Version version,
                List<TemplateLint.Finding> findings, String notice);

        static native TemplateInstance versions(TemplateViews.Detail template, List<TemplateViews.Summary> others);

        static native TemplateInstance diff(TemplateViews.Detail template, TemplateDiff diff);

        static native TemplateInstance importForm(String content, String format, String slug, String name,
                List<Problem.FieldError> errors);

        static native TemplateInstance draft(TemplateViews.Detail template, TemplateViews.Version draft,
                List<TemplateLint.Finding> findings, Map<String, String> errors, String notice);

        static native TemplateInstance confirmDiscard(TemplateViews.Detail template, TemplateViews.Version draft);

        static native TemplateInstance item(TemplateViews.Detail template, TemplateViews.Version draft, String key,
                DraftEditor.ItemForm form, Map<String, String> errors);
    }

    private final TemplateLibrary library;

    public TemplatePages(TemplateLibrary library) {
        this.library = library;
    }

    @GET
    public TemplateInstance library(@QueryParam("notice") String notice) {
        return Templates.library(library.list(), Pages.notice(notice));
    }

    @GET
    @Path("{slug}")
    public TemplateInstance detail(@PathParam("slug") String slug, @QueryParam("version") Integer number,
            @QueryParam("notice") String notice) {
        TemplateViews.Detail template = library.get(slug);
        TemplateViews.Version version = number != null ? library.version(slug, number)
                : template.versions().stream().anyMatch(v -> v.status() == TemplateVersion.Status.PUBLISHED)
                        ? library.latest(slug) : library.draft(slug).orElse(null);
        return Templates.detail(template, version, version == null ? List.of() : library.lint(version.content()),
                Pages.notice(notice));
    }

    @GET
    @Path("{slug}/versions")
    public TemplateInstance versions(@PathParam("slug") String slug) {
        return Templates.versions(library.get(slug), library.list());
    }

    @GET
    @Path("{slug}/diff")
    public TemplateInstance diff(@PathParam("slug") String slug, @QueryParam("from") Integer from,
            @QueryParam("to") Integer to, @QueryParam("toTemplate") String toTemplate) {
        if (from == null || to == null) {
            throw ProblemException.invalid(from == null ? "from" : "to", "choose the two versions to compare");
        }
        return Templates.diff(library.get(slug), library.diff(slug, from, toTemplate, to));
    }

    @GET
    @Path("import")
    @RolesAllowed(Roles.ADMIN)
    public TemplateInstance importForm() {
        return Templates.importForm("", "", "", "", List.of());
    }

    @POST
    @Path("import")
    @RolesAllowed(Roles.ADMIN)
    @Consumes({ MediaType.MULTIPART_FORM_DATA, MediaType.APPLICATION_FORM_URLENCODED })
    public Response importTemplate(@RestForm String content, @RestForm("file") FileUpload file,
            @RestForm String format, @RestForm String slug, @RestForm String name, @RestForm String publish)
            throws IOException {
        String text = file != null && file.size() > 0 ? Files.readString(file.uploadedFile()) : content;
        String chosen = format == null || format.isBlank() ? guessFormat(file, text) : format;
        return Pages.submit(() -> {
            TemplateDocument document = TemplateFiles.read(text == null ? "" : text,
                    TemplateFiles.format(chosen, null), Text.blankToNull(slug), Text.blankToNull(name));
            TemplateViews.Imported imported = library.importDocument(document, "on".equals(publish));
            return Pages.seeOther("/templates/" + imported.template() + "?notice="
                    + (imported.changed() ? "created" : "unchanged"));
        }, e -> Templates.importForm(text, chosen, slug, name, e.errors().isEmpty()
                ? List.of(new Problem.FieldError("document", e.getMessage())) : e.errors()),
                ProblemType.INVALID_INPUT, ProblemType.CONFLICT);
    }

    @POST
    @Path("{slug}/clone")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response cloneTemplate(@PathParam("slug") String slug, @RestForm("cloneSlug") String cloneSlug,
            @RestForm("cloneName") String cloneName) {
        TemplateViews.Detail clone = library.cloneTemplate(slug, Text.blankToNull(cloneSlug), Text.blankToNull(cloneName));
        return Pages.seeOther("/templates/" + clone.slug() + "?notice=created");
    }

    @GET
    @Path("{slug}/draft")
    @RolesAllowed(Roles.ADMIN)
    public TemplateInstance draft(@PathParam("slug") String slug, @QueryParam("notice") String notice) {
        TemplateViews.Version draft = library.openDraft(slug);
        return Templates.draft(library.get(slug), draft, library.lint(draft.content()), FormErrors.none(),
                Pages.notice(notice));
    }

    @POST
    @Path("{slug}/draft/sections")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addSection(@PathParam("slug") String slug, @RestForm String sectionTitle, @RestForm Long version) {
        return edit(slug, version, content -> DraftEditor.addSection(content, sectionTitle));
    }

    @POST
    @Path("{slug}/draft/sections/{key}")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changeSection(@PathParam("slug") String slug, @PathParam("key") String key,
            @RestForm String action, @RestForm String sectionTitle, @RestForm Long version) {
        return edit(slug, version, content -> switch (action == null ? "" : action) {
            case "rename" -> DraftEditor.renameSection(content, key, sectionTitle);
            case "up" -> DraftEditor.moveSection(content, key, -1);
            case "down" -> DraftEditor.moveSection(content, key, 1);
            case "remove" -> DraftEditor.removeSection(content, key);
            default -> throw ProblemException.invalid("action", "must be rename, up, down or remove");
        });
    }

    @POST
    @Path("{slug}/draft/items")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addItem(@PathParam("slug") String slug, @RestForm String section, @RestForm String title,
            @RestForm Long version) {
        DraftEditor.ItemForm form = DraftEditor.ItemForm.blank(section);
        return edit(slug, version, content -> DraftEditor.addItem(content, form.titled(title)));
    }

    @GET
    @Path("{slug}/draft/items/{key}")
    @RolesAllowed(Roles.ADMIN)
    public TemplateInstance itemForm(@PathParam("slug") String slug, @PathParam("key") String key) {
        TemplateViews.Version draft = library.openDraft(slug);
        TemplateContent.Item item = draft.content().item(key)
                .orElseThrow(() -> ProblemException.notFound("The draft has no item '" + key + "'."));
        return Templates.item(library.get(slug), draft, key,
                DraftEditor.ItemForm.of(DraftEditor.sectionOf(draft.content(), key).key(), item), FormErrors.none());
    }

    @POST
    @Path("{slug}/draft/items/{key}")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changeItem(@PathParam("slug") String slug, @PathParam("key") String key, @RestForm String action,
            @RestForm String section, @RestForm String title, @RestForm String guidance, @RestForm String severity,
            @RestForm String role, @RestForm String signOffGroup, @RestForm String evidence,
            @RestForm String recurrenceDays, @RestForm List<String> tiers, @RestForm String satisfiedBy,
            @RestForm String phase, @RestForm String window, @RestForm List<String> runsOn, @RestForm String storesData,
            @RestForm String publicFacing, @RestForm String personalData, @RestForm String check,
            @RestForm Long version) {
        DraftEditor.ItemForm form = new DraftEditor.ItemForm(section, title, guidance, phase, window, severity, role,
                signOffGroup, evidence, recurrenceDays, tiers, runsOn, storesData, publicFacing, personalData,
                satisfiedBy, check);
        if ("save".equals(action)) {
            return edit(slug, version, content -> DraftEditor.updateItem(content, key, form),
                    errors -> Templates.item(library.get(slug), library.openDraft(slug), key, form, errors));
        }
        return edit(slug, version, content -> switch (action == null ? "" : action) {
            case "up" -> DraftEditor.moveItem(content, key, -1);
            case "down" -> DraftEditor.moveItem(content, key, 1);
            case "remove" -> DraftEditor.removeItem(content, key);
            default -> throw ProblemException.invalid("action", "must be save, up, down or remove");
        });
    }

    @POST
    @Path("{slug}/draft/publish")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response publish(@PathParam("slug") String slug, @RestForm int number) {
        return Pages.submit(() -> {
            library.publish(slug, number);
            return Pages.seeOther("/templates/" + slug + "?notice=updated");
        }, e -> draftPage(slug, FormErrors.of(e, "draft")),
                ProblemType.INVALID_INPUT, ProblemType.CONFLICT);
    }

    /** Discarding a draft loses every edit made in it, so the page asks first. */
    @GET
    @Path("{slug}/draft/discard")
    @RolesAllowed(Roles.ADMIN)
    public TemplateInstance confirmDiscard(@PathParam("slug") String slug) {
        return Templates.confirmDiscard(library.get(slug), library.openDraft(slug));
    }

    @POST
    @Path("{slug}/draft/discard")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response discard(@PathParam("slug") String slug) {
        library.discardDraft(slug);
        return Pages.seeOther("/templates/" + slug + "?notice=deleted");
    }

    /** Applies one editor operation to the draft and returns to the editor, or shows the editor's errors. */
    private Response edit(String slug, Long version, UnaryOperator<TemplateContent> change) {
        return edit(slug, version, change,
                errors -> draftPage(slug, errors));
    }

    /**
     * Applies one editor operation to the draft and returns to the editor; when it is refused, answers
     * with the page that made the request, showing the errors beside what was typed.
     */
    private Response edit(String slug, Long version, UnaryOperator<TemplateContent> change,
            Function<Map<String, String>, TemplateInstance> refused) {
        TemplateViews.Version draft = library.openDraft(slug);
        return Pages.submit(() -> {
            library.saveDraft(slug, change.apply(draft.content()), version);
            return Pages.seeOther("/templates/" + slug + "/draft?notice=updated");
        }, e -> refused.apply(FormErrors.of(e, "draft")), ProblemType.INVALID_INPUT, ProblemType.STALE_VERSION);
    }

    private static String guessFormat(FileUpload file, String text) {
        String name = file == null || file.fileName() == null ? "" : file.fileName().toLowerCase(Locale.ROOT);
        if (name.endsWith(".md") || name.endsWith(".markdown")) {
            return "markdown";
        }
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            return "yaml";
        }
        return text != null && text.contains("format: " + TemplateDocument.FORMAT) ? "yaml" : "markdown";
    }

    private TemplateInstance draftPage(String slug, Map<String, String> errors) {
        TemplateViews.Version draft = library.openDraft(slug);
        return Templates.draft(library.get(slug), draft, library.lint(draft.content()), errors, null);
    }

    /** Template extensions for the checklist pages. */
    @TemplateExtension
    static class Display {

        /** The item's guidance as safe HTML. */
        static RawString guidanceHtml(TemplateContent.Item item) {
            return new RawString(Markdown.toSafeHtml(item.guidance()));
        }

        /** The version's structured facts as YAML text, or empty. */
        static String factsText(TemplateContent content) {
            return content.facts().isEmpty() ? "" : TemplateYaml.writeValue(content.facts());
        }

        /** When the item is done, in words: "after launch, within 7 days"; empty before go-live. */
        static String phaseText(TemplateContent.Item item) {
            return item.phase() == Phase.BEFORE_GO_LIVE ? "" : item.phase().describe(item.window());
        }

        /** How many of the findings the template does not accept. */
        static long lintOpen(List<TemplateLint.Finding> findings) {
            return TemplateLint.open(findings);
        }

        /** How many of the findings the template accepts. */
        static long lintAccepted(List<TemplateLint.Finding> findings) {
            return findings.size() - TemplateLint.open(findings);
        }

        static String tiersText(TemplateContent.Item item) {
            return item.tiers().stream().map(String::valueOf).reduce((a, b) -> a + ", " + b).orElse("");
        }

        /** The number of the open draft, or null. */
        static Integer draftNumber(TemplateViews.Detail detail) {
            return detail.versions().stream().filter(v -> v.status() == TemplateVersion.Status.DRAFT)
                    .map(TemplateViews.VersionSummary::number).findFirst().orElse(null);
        }
    }
}
