package dev.preflight.demo;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import javax.sql.DataSource;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.StartupEvent;

import dev.preflight.dashboard.RecoveryPosture;
import dev.preflight.launch.LaunchSummaries;
import dev.preflight.platform.PreflightConfig;
import dev.preflight.platform.db.Exclusive;
import dev.preflight.platform.db.Sql;
import dev.preflight.template.TemplateContent;
import dev.preflight.template.TemplateDocument;
import dev.preflight.template.TemplateLibrary;

/**
 * Fills an empty Preflight with a sample that looks lived in: teams and people, services of every
 * tier and lifecycle with recovery targets, drills and runbooks (some lacking), launches in every
 * state with items in every status, their history, and the weeks of trend behind the board. Runs
 * at start-up when {@code preflight.demo.size} is set ({@code small}, or the benchmark's {@code m}
 * and {@code l}), and only on a catalog without services: it never touches data of anyone's. What
 * it makes is drawn from a fixed seed, so two runs make the same data. Everything is written in one
 * transaction; readiness, posture and trends are then counted by the same code as for real data.
 */
@ApplicationScoped
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class);
    private static final String WORK = "demo-data";

    private final Optional<String> size;
    private final long seed;
    private final DataSource dataSource;
    private final TemplateLibrary templates;
    private final LaunchSummaries summaries;
    private final RecoveryPosture posture;
    private final Exclusive exclusive;
    private final ObjectMapper json;

    public DemoData(PreflightConfig config, DataSource dataSource, TemplateLibrary templates, LaunchSummaries summaries,
            RecoveryPosture posture, Exclusive exclusive, ObjectMapper json) {
        this.size = config.demo().size().filter(s -> !s.isBlank());
        this.seed = config.demo().seed();
        this.dataSource = dataSource;
        this.templates = templates;
        this.summaries = summaries;
        this.posture = posture;
        this.exclusive = exclusive;
        this.json = json;
    }

    /** After the built-in templates are loaded and the board's rows are kept. */
    void start(@Observes @Priority(Interceptor.Priority.APPLICATION + 900) StartupEvent event) {
        if (size.isEmpty()) {
            return;
        }
        DemoSize chosen = DemoSize.parse(size.get());
        exclusive.run(WORK, () -> {
            if (hasServices()) {
                LOG.warnf("preflight.demo.size is set, but this Preflight already has services: no demo data was made");
                return;
            }
            generate(chosen);
        });
    }

    /** Large data sets take longer than the statement time limit: this transaction is not held to it. */
    private static void withoutStatementTimeout(Connection c) throws SQLException {
        try (Statement statement = c.createStatement()) {
            statement.execute("SET LOCAL statement_timeout = 0");
        }
    }

    private boolean hasServices() {
        try (Connection c = dataSource.getConnection()) {
            return Sql.first(c, "SELECT 1 FROM service", r -> true) != null;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not look at the catalog before making demo data", e);
        }
    }

    /**
     * Makes the data set and counts what the board shows of it. The tables' statistics are gathered
     * between the two: without them the planner reads every item to find one launch's.
     */
    public void generate(DemoSize chosen) {
        long started = System.nanoTime();
        List<DemoWriter.Checklist> checklists = checklists(chosen);
        DemoWriter.Counts counts;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                withoutStatementTimeout(c);
                counts = new DemoWriter(c, chosen, checklists, new Random(seed), seed, json, LocalDate.now(),
                        Instant.now(), ZoneId.systemDefault()).write();
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
            withoutStatementTimeout(c);
            try (Statement analyze = c.createStatement()) {
                analyze.execute("ANALYZE");
            }
            c.commit();
            c.setAutoCommit(true);
        } catch (SQLException e) {
            throw new IllegalStateException("The demo data could not be written; nothing was kept", e);
        }
        long written = System.nanoTime();
        summaries.backfill();
        posture.refresh(Integer.MAX_VALUE);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            withoutStatementTimeout(c);
            DemoWriter.history(c, LocalDate.now());
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("The demo trends could not be written", e);
        }
        LOG.infof("Made demo data '%s': %d teams, %d services, %d people, %d launches, %d items, %d history events, "
                + "%d drills, %d runbooks in %.1f s (counting the board took %.1f s more)", chosen.name(), counts.teams(),
                counts.services(), counts.users(), counts.launches(), counts.items(), counts.events(), counts.drills(),
                counts.runbooks(), (written - started) / 1e9, (System.nanoTime() - written) / 1e9);
    }

    /** The checklists launches are opened from: the built-ins, or one combined from them. */
    private List<DemoWriter.Checklist> checklists(DemoSize chosen) {
        List<String> builtins = List.of("launch-readiness", "shipping-ai-assisted-code", "release-it-production-readiness",
                "glasswork-production-readiness", "acton-service-production-checklist");
        if (chosen.builtins()) {
            return builtins.stream().map(slug -> checklist(slug, templates.latest(slug).number())).toList();
        }
        List<TemplateContent.Section> sections = new ArrayList<>();
        int items = 0;
        for (String slug : builtins) {
            String prefix = String.valueOf(slug.charAt(0)) + slug.charAt(slug.indexOf('-') + 1);
            for (TemplateContent.Section section : templates.latest(slug).content().sections()) {
                List<TemplateContent.Item> kept = new ArrayList<>();
                for (TemplateContent.Item item : section.items()) {
                    if (items < DemoSize.COMBINED_ITEMS) {
                        kept.add(new TemplateContent.Item(prefix + "." + item.key(), item.title(), item.guidance(),
                                item.severity(), item.role(), item.evidence(), item.recurrenceDays(), List.of(1, 2, 3),
                                item.satisfiedBy()));
                        items++;
                    }
                }
                if (!kept.isEmpty()) {
                    sections.add(new TemplateContent.Section(prefix + "-" + section.key(), section.title(),
                            section.signOffGroup(), kept));
                }
            }
        }
        TemplateDocument document = TemplateDocument.of("demo-full-review", "Full launch review (demo)",
                "The sections of every built-in checklist, " + DemoSize.COMBINED_ITEMS + " items in all: the "
                        + "checklist the demo and benchmark launches run on.",
                null, new TemplateContent(sections, Map.of()));
        int number = templates.importGenerated(document).number();
        return List.of(checklist("demo-full-review", number));
    }

    private DemoWriter.Checklist checklist(String slug, int number) {
        try (Connection c = dataSource.getConnection()) {
            return Sql.first(c, """
                    SELECT v.id, t.id AS template_id, v.content::text FROM template_version v
                    JOIN template t ON t.id = v.template_id WHERE t.slug = ? AND v.number = ?""",
                    r -> new DemoWriter.Checklist(slug, r.getLong("id"), r.getLong("template_id"),
                            parse(r.getString("content"))), slug, number);
        } catch (SQLException e) {
            throw new IllegalStateException("The checklist '" + slug + "' could not be read", e);
        }
    }

    private TemplateContent parse(String content) {
        try {
            return json.readValue(content, TemplateContent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A checklist could not be read", e);
        }
    }
}
