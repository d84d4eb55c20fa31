package dev.preflight.template;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.panache.common.Sort;

import dev.preflight.audit.AuditLog;
import dev.preflight.identity.Access;
import dev.preflight.platform.Actor;
import dev.preflight.platform.api.InputValidator;
import dev.preflight.platform.api.Slugs;
import dev.preflight.platform.api.Versions;
import dev.preflight.platform.problems.ProblemException;
import dev.preflight.platform.security.Role;
import dev.preflight.platform.text.Hashes;

/**
 * The template library: reading templates and their versions, importing files, editing and
 * publishing drafts, cloning, and comparing versions. Everyone signed in reads; admins change.
 * Every change is audited.
 */
@ApplicationScoped
public class TemplateLibrary {

    private final Access access;
    private final AuditLog audit;
    private final Actor.Source actors;
    private final ObjectMapper json;
    private final RunbookOutline runbooks;

    public TemplateLibrary(Access access, AuditLog audit, Actor.Source actors, ObjectMapper json,
            RunbookOutline runbooks) {
        this.runbooks = runbooks;
        this.access = access;
        this.audit = audit;
        this.actors = actors;
        this.json = json;
    }

    /** Every template by name, built-in ones first, with the size of its latest published version. */
    public List<TemplateViews.Summary> list() {
        Map<Long, Object[]> latest = new HashMap<>();
        Map<Long, Integer> drafts = new HashMap<>();
        List<Object[]> rows = TemplateVersion.getEntityManager().createQuery(
                "select v.template.id, v.number, v.status, v.sectionCount, v.itemCount from TemplateVersion v",
                Object[].class).getResultList();
        for (Object[] row : rows) {
            Long template = (Long) row[0];
            if (row[2] == TemplateVersion.Status.DRAFT) {
                drafts.put(template, (Integer) row[1]);
            } else if (!latest.containsKey(template) || (Integer) latest.get(template)[1] < (Integer) row[1]) {
                latest.put(template, row);
            }
        }
        return Template.<Template> listAll(Sort.descending("builtin").and("name")).stream().map(t -> {
            Object[] v = latest.get(t.id);
            return new TemplateViews.Summary(t.slug, t.name, t.description, t.builtin, t.source,
                    v == null ? null : (Integer) v[1], v == null ? 0 : (Integer) v[3], v == null ? 0 : (Integer) v[4],
                    drafts.get(t.id));
        }).toList();
    }

    public TemplateViews.Detail get(String slug) {
        Template template = template(slug);
        String clonedFrom = template.clonedFrom == null ? null
                : Template.<Template> findByIdOptional(template.clonedFrom).map(t -> t.slug).orElse(null);
        return new TemplateViews.Detail(template.slug, template.name, template.description, template.builtin,
                template.source, clonedFrom,
                TemplateVersion.of(template).stream().map(TemplateViews.VersionSummary::of).toList());
    }

    /** What the lint finds in a version. */
    public TemplateViews.Lint lint(String slug, int number) {
        return TemplateViews.Lint.of(slug, number, TemplateLint.check(versionEntity(template(slug), number).content, runbooks));
    }

    /** What the lint finds in a checklist. */
    public List<TemplateLint.Finding> lint(TemplateContent content) {
        return TemplateLint.check(content, runbooks);
    }

    public TemplateViews.Version version(String slug, int number) {
        return TemplateViews.Version.of(versionEntity(template(slug), number));
    }

    /** The latest published version; 404 when the template has none yet. */
    public TemplateViews.Version latest(String slug) {
        Template template = template(slug);
        return TemplateVersion.latestPublished(template).map(TemplateViews.Version::of)
                .orElseThrow(() -> ProblemException.notFound("The template '" + slug + "' has no published version yet."));
    }

    /** The open draft, if any. */
    public Optional<TemplateViews.Version> draft(String slug) {
        return TemplateVersion.draft(template(slug)).map(TemplateViews.Version::of);
    }

    /** A version as a file, for export. */
    public TemplateDocument document(String slug, int number) {
        Template template = template(slug);
        TemplateVersion version = versionEntity(template, number);
        return TemplateDocument.of(template.slug, template.name, emptyToNull(template.description), template.source,
                version.content);
    }

    /**
     * Makes a file the draft of its template (creating the template when its slug is new) and
     * publishes it when asked. A file identical to the latest published version changes nothing.
     */
    @Transactional
    public TemplateViews.Imported importDocument(TemplateDocument document, boolean publish) {
        access.require(Role.ADMIN);
        return importAndPublish(document, publish);
    }

    /**
     * Imports and publishes a template Preflight made itself (the demo data's checklist), as the
     * system; nobody's request reaches this.
     */
    @Transactional
    public TemplateViews.Imported importGenerated(TemplateDocument document) {
        return importAndPublish(document, true);
    }

    private TemplateViews.Imported importAndPublish(TemplateDocument document, boolean publish) {
        Optional<Template> existing = Template.findBySlug(document.slug());
        if (existing.isPresent() && existing.get().builtin) {
            throw ProblemException.conflict("'" + document.slug() + "' is a built-in template; it changes only with "
                    + "Preflight. Import the file under another slug, or clone the template.");
        }
        Template template = existing.orElseGet(() -> create(document.slug(), document.name()));
        TemplateDocument.Source before = template.source;
        template.name = document.name();
        template.description = document.description() == null ? "" : document.description();
        template.source = sourceOf(document);
        TemplateContent content = document.content();
        Optional<TemplateVersion> latest = TemplateVersion.latestPublished(template);
        Optional<TemplateVersion> draft = TemplateVersion.draft(template);
        if (latest.isPresent() && draft.isEmpty() && latest.get().contentHash.equals(hash(content))) {
            return new TemplateViews.Imported(template.slug, latest.get().number, latest.get().status, false,
                    lint(content));
        }
        TemplateVersion version = draft.orElseGet(() -> newVersion(template));
        setContent(version, content);
        version.persistAndFlush();
        audit.record(existing.isPresent() ? "template.import" : "template.create", "template", template.slug,
                before == null ? null : Map.of("source", before), Map.of("version", version.number));
        if (publish) {
            publish(template, version);
        }
        return new TemplateViews.Imported(template.slug, version.number, version.status, true, lint(content));
    }

    /** Replaces the draft's checklist (opening a draft from the latest version when there is none). */
    @Transactional
    public TemplateViews.Version saveDraft(String slug, TemplateContent content, Long expectedVersion) {
        access.require(Role.ADMIN);
        Template template = editable(slug);
        InputValidator.Errors errors = new InputValidator.Errors();
        TemplateRules.checkDraft(TemplateDocument.of(template.slug, template.name, null, null, content), errors::add);
        errors.throwIfAny();
        TemplateVersion draft = openDraft(template);
        Versions.check("The draft", draft.version, expectedVersion);
        setContent(draft, content);
        draft.persistAndFlush();
        audit.record("template.draft-save", "template", template.slug, null, Map.of("version", draft.number));
        return TemplateViews.Version.of(draft);
    }

    /** The open draft of an editable template, opened from the latest published version when there is none. */
    @Transactional
    public TemplateViews.Version openDraft(String slug) {
        access.require(Role.ADMIN);
        return TemplateViews.Version.of(openDraft(editable(slug)));
    }

    @Transactional
    public TemplateViews.Version publish(String slug, int number) {
        access.require(Role.ADMIN);
        Template template = template(slug);
        TemplateVersion version = versionEntity(template, number);
        if (version.status != TemplateVersion.Status.DRAFT) {
            throw ProblemException.conflict("Version " + number + " of '" + slug + "' is already published.");
        }
        publish(template, version);
        return TemplateViews.Version.of(version);
    }

    @Transactional
    public void discardDraft(String slug) {
        access.require(Role.ADMIN);
        Template template = template(slug);
        TemplateVersion draft = TemplateVersion.draft(template)
                .orElseThrow(() -> ProblemException.notFound("The template '" + slug + "' has no draft."));
        int number = draft.number;
        draft.delete();
        audit.record("template.discard", "template", slug, Map.of("version", number), null);
    }

    /** A new custom template starting from the latest published version of another. */
    @Transactional
    public TemplateViews.Detail cloneTemplate(String slug, String newSlug, String newName) {
        access.require(Role.ADMIN);
        Template original = template(slug);
        TemplateVersion latest = TemplateVersion.latestPublished(original)
                .orElseThrow(() -> ProblemException.conflict("'" + slug + "' has no published version to clone."));
        InputValidator.Errors errors = new InputValidator.Errors();
        String name = newName == null || newName.isBlank() ? original.name + " (copy)" : newName.trim();
        String cloneSlug = Slugs.chosenOrDerived(newSlug, name, errors);
        if (name.length() > TemplateRules.MAX_NAME) {
            errors.add("name", "must be at most " + TemplateRules.MAX_NAME + " characters");
        }
        errors.throwIfAny();
        if (Template.findBySlug(cloneSlug).isPresent()) {
            throw ProblemException.conflict("A template with the slug '" + cloneSlug + "' already exists.");
        }
        Template clone = create(cloneSlug, name);
        clone.description = original.description;
        clone.source = original.source;
        clone.clonedFrom = original.id;
        TemplateVersion first = newVersion(clone);
        setContent(first, latest.content);
        first.persist();
        publish(clone, first);
        audit.record("template.clone", "template", clone.slug, null, Map.of("from", slug + "@" + latest.number));
        return get(clone.slug);
    }

    /** What changed from one version to another, of this template or of another one. */
    public TemplateDiff diff(String slug, int from, String otherSlug, int to) {
        Template left = template(slug);
        Template right = otherSlug == null || otherSlug.isBlank() ? left : template(otherSlug);
        return TemplateDiff.between(left.slug + "@" + from, versionEntity(left, from).content,
                right.slug + "@" + to, versionEntity(right, to).content);
    }

    /** Creates or updates a built-in template from its shipped file; returns whether anything changed. */
    @Transactional
    boolean loadBuiltin(TemplateDocument document, String fileHash) {
        Template template = Template.findBySlug(document.slug()).orElse(null);
        if (template != null && fileHash.equals(template.builtinHash)) {
            return false;
        }
        if (template == null) {
            template = create(document.slug(), document.name());
        }
        template.builtin = true;
        template.name = document.name();
        template.description = document.description() == null ? "" : document.description();
        template.source = sourceOf(document);
        template.builtinHash = fileHash;
        Optional<TemplateVersion> latest = TemplateVersion.latestPublished(template);
        if (latest.isEmpty() || !latest.get().contentHash.equals(hash(document.content()))) {
            TemplateVersion.draft(template).ifPresent(TemplateVersion::delete);
            TemplateVersion version = newVersion(template);
            setContent(version, document.content());
            version.persist();
            publish(template, version);
        }
        return true;
    }

    private Template create(String slug, String name) {
        Template template = new Template();
        template.slug = slug;
        template.name = name;
        template.source = sourceOf(TemplateDocument.of(slug, name, null, null, new TemplateContent(List.of(), Map.of())));
        template.persist();
        return template;
    }

    private TemplateVersion openDraft(Template template) {
        return TemplateVersion.draft(template).orElseGet(() -> {
            TemplateVersion draft = newVersion(template);
            setContent(draft, TemplateVersion.latestPublished(template).map(v -> v.content)
                    .orElse(new TemplateContent(List.of(), Map.of())));
            draft.persistAndFlush();
            return draft;
        });
    }

    private TemplateVersion newVersion(Template template) {
        int next = TemplateVersion.of(template).stream().map(v -> v.number).max(Comparator.naturalOrder()).orElse(0) + 1;
        TemplateVersion version = new TemplateVersion();
        version.template = template;
        version.number = next;
        version.status = TemplateVersion.Status.DRAFT;
        version.createdBy = actors.current().name();
        return version;
    }

    private void setContent(TemplateVersion version, TemplateContent content) {
        version.content = content;
        version.contentHash = hash(content);
        version.sectionCount = content.sections().size();
        version.itemCount = content.itemCount();
    }

    private void publish(Template template, TemplateVersion version) {
        InputValidator.Errors errors = new InputValidator.Errors();
        TemplateRules.check(TemplateDocument.of(template.slug, template.name, null, null, version.content), errors::add);
        errors.throwIfAny();
        TemplateVersion.latestPublished(template).filter(v -> v.contentHash.equals(version.contentHash))
                .ifPresent(same -> {
                    throw ProblemException.conflict("The draft is the same as version " + same.number
                            + "; discard it instead.");
                });
        version.status = TemplateVersion.Status.PUBLISHED;
        version.publishedAt = Instant.now();
        version.publishedBy = actors.current().name();
        version.persistAndFlush();
        audit.record("template.publish", "template", template.slug, null,
                Map.of("version", version.number, "items", version.itemCount));
    }

    private Template editable(String slug) {
        Template template = template(slug);
        if (template.builtin) {
            throw ProblemException.conflict("'" + slug + "' is a built-in template; clone it to make your own version.");
        }
        return template;
    }

    private Template template(String slug) {
        return Template.findBySlug(slug)
                .orElseThrow(() -> ProblemException.notFound("There is no template '" + slug + "'."));
    }

    private static TemplateVersion versionEntity(Template template, int number) {
        return TemplateVersion.find(template, number).orElseThrow(() -> ProblemException.notFound(
                "The template '" + template.slug + "' has no version " + number + "."));
    }

    private String hash(TemplateContent content) {
        try {
            return Hashes.sha256(json.writeValueAsString(content));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A checklist could not be written as JSON", e);
        }
    }

    private static TemplateDocument.Source sourceOf(TemplateDocument document) {
        return document.source() == null ? new TemplateDocument.Source("Custom", null, null) : document.source();
    }

    private static String emptyToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
