package dev.preflight.template;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

import dev.preflight.platform.text.Hashes;

/**
 * Loads the templates Preflight ships (files under {@code checklists/}) at start-up. Loading is
 * idempotent: an unchanged file changes nothing, a changed file publishes a new version and never
 * rewrites an old one. An advisory lock keeps several instances from loading at once.
 */
@ApplicationScoped
public class BuiltinTemplates {

    /** The shipped templates, one per source document. */
    static final List<String> FILES = List.of(
            "glasswork-production-readiness.yaml",
            "launch-readiness.yaml",
            "release-it-production-readiness.yaml",
            "shipping-ai-assisted-code.yaml",
            "acton-service-production-checklist.yaml");

    private static final Logger LOG = Logger.getLogger(BuiltinTemplates.class);
    private static final long LOCK_KEY = 0x7465_6d70_6c61_7465L;

    private final TemplateLibrary library;
    private final EntityManager em;

    public BuiltinTemplates(TemplateLibrary library, EntityManager em) {
        this.library = library;
        this.em = em;
    }

    void load(@Observes StartupEvent event) {
        for (String file : FILES) {
            String text = read(file);
            TemplateDocument document = TemplateYaml.read(text);
            String hash = Hashes.sha256(TemplateYaml.write(document));
            boolean changed = QuarkusTransaction.requiringNew().call(() -> {
                em.createNativeQuery("SELECT pg_advisory_xact_lock(:key)").setParameter("key", LOCK_KEY)
                        .getSingleResult();
                return library.loadBuiltin(document, hash);
            });
            if (changed) {
                LOG.infof("Loaded the built-in template '%s' (%d items)", document.slug(), document.content().itemCount());
            }
        }
    }

    /** A shipped file's text. */
    static String read(String file) {
        try (InputStream in = BuiltinTemplates.class.getResourceAsStream("/checklists/" + file)) {
            if (in == null) {
                throw new IllegalStateException("The built-in template file checklists/" + file + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
