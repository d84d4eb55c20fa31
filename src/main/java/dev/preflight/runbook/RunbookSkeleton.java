package dev.preflight.runbook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.preflight.template.RunbookOutline;

/**
 * What a runbook must cover, after the launch checklist's runbook template: a service overview
 * (purpose, dependencies, owner), access (URLs, logs, metrics), common issues (symptoms, diagnosis,
 * resolution) and maintenance procedures. A part counts when it has text of its own under a "###"
 * heading, a bullet label ("- Owner: ...", "- **Owner**: ...") or an inline label ("Diagnosis:"
 * with the text on the lines below), so a runbook written in the document's own template is
 * complete. A new runbook starts from this skeleton, which also offers rollback and escalation
 * sections; the completeness check names every required part that is missing or holds only its
 * prompt, and how to add it.
 */
public final class RunbookSkeleton {

    /** A required section (a "##" heading whose title contains {@code word}) and its required parts. */
    private record Required(String title, String word, List<Part> parts) {
    }

    /** A required part of a section, and the label words that name it. */
    private record Part(String title, List<String> words) {
    }

    private static final List<Required> REQUIRED = List.of(
            new Required("Service overview", "overview", List.of(new Part("Purpose", List.of("purpose", "what it does")),
                    new Part("Dependencies", List.of("dependencies", "depends on")),
                    new Part("Owner", List.of("owner", "owners", "contact", "owning team")))),
            new Required("Access", "access", List.of(new Part("URLs", List.of("url", "urls", "links", "endpoints")),
                    new Part("Logs", List.of("logs", "logging")),
                    new Part("Metrics", List.of("metrics", "dashboard", "dashboards")))),
            new Required("Common issues", "issues", List.of(new Part("Symptoms", List.of("symptoms", "symptom")),
                    new Part("Diagnosis", List.of("diagnosis", "diagnose")),
                    new Part("Resolution", List.of("resolution", "fix", "fixes")))),
            new Required("Maintenance procedures", "maintenance", List.of()));
    /** Sections the skeleton offers beyond the required ones. */
    private static final List<String> OFFERED = List.of("Rollback", "Escalation");
    private static final Map<String, String> PROMPTS = prompts();
    private static final Pattern LABEL = Pattern.compile(
            "^\\s*(?:[-*+]\\s+|\\d+[.)]\\s+)?(?:\\*\\*|__)?([A-Za-z][A-Za-z /&'-]{0,40}?)(?:\\*\\*|__)?\\s*:(?:\\*\\*|__)?\\s*(.*)$");
    /** Runbooks checked lately: the same text always lacks the same parts, and launch pages ask often. */
    private static final Cache<String, List<String>> CHECKED = Caffeine.newBuilder().maximumWeight(8_000_000)
            .<String, List<String>>weigher((text, missing) -> text.length()).build();

    private RunbookSkeleton() {
    }

    /** The Markdown a new runbook starts from, titled with the service's name. */
    public static String skeleton(String serviceName) {
        StringBuilder text = new StringBuilder("# Runbook: ").append(serviceName).append("\n");
        for (Required section : REQUIRED) {
            text.append("\n## ").append(section.title()).append("\n");
            if (section.parts().isEmpty()) {
                text.append("\n").append(PROMPTS.get(section.title())).append("\n");
            }
            for (Part part : section.parts()) {
                text.append("\n### ").append(part.title()).append("\n\n").append(PROMPTS.get(part.title())).append("\n");
            }
        }
        for (String offered : OFFERED) {
            text.append("\n## ").append(offered).append("\n\n").append(PROMPTS.get(offered)).append("\n");
        }
        return text.toString();
    }

    /**
     * The required parts missing from the Markdown or empty in it (holding nothing but their
     * prompt), named "Section" or "Section › Part".
     */
    public static List<String> missing(String markdown) {
        return CHECKED.get(markdown, RunbookSkeleton::check);
    }

    /** The outline the check holds runbooks to, for the template lint. */
    @ApplicationScoped
    static class Outline implements RunbookOutline {

        @Override
        public Map<String, List<String>> required() {
            Map<String, List<String>> required = new LinkedHashMap<>();
            REQUIRED.forEach(r -> required.put(r.title(), r.parts().stream().map(Part::title).toList()));
            return required;
        }

        @Override
        public List<String> offered() {
            return OFFERED;
        }
    }

    /** How to add a missing part, for pages: "a '### Owner' heading or a line starting 'Owner:', under '## Service overview'". */
    public static String howToAdd(String missing) {
        int at = missing.indexOf(" › ");
        if (at < 0) {
            return "a '## " + missing + "' section with text of its own";
        }
        String part = missing.substring(at + 3);
        return "a '### " + part + "' heading or a line starting '" + part + ":', under '## " + missing.substring(0, at) + "'";
    }

    private static List<String> check(String markdown) {
        Map<String, List<String>> sections = sections(markdown);
        List<String> missing = new ArrayList<>();
        for (Required required : REQUIRED) {
            List<String> lines = sections.entrySet().stream().filter(e -> e.getKey().contains(required.word()))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
            if (lines == null) {
                missing.add(required.title());
                continue;
            }
            if (required.parts().isEmpty()) {
                if (empty(String.join("\n", lines), PROMPTS.get(required.title()))) {
                    missing.add(required.title());
                }
                continue;
            }
            Map<String, String> labelled = labelled(lines);
            for (Part part : required.parts()) {
                boolean filled = labelled.entrySet().stream().anyMatch(e -> names(e.getKey(), part)
                        && !empty(e.getValue(), PROMPTS.get(part.title())));
                if (!filled) {
                    missing.add(required.title() + " › " + part.title());
                }
            }
        }
        return List.copyOf(missing);
    }

    /** The lines under each "##" heading, by normalised title; fenced code is left out. */
    private static Map<String, List<String>> sections(String markdown) {
        Map<String, List<String>> sections = new LinkedHashMap<>();
        List<String> current = null;
        boolean fenced = false;
        for (String line : markdown.split("\\R", -1)) {
            String trimmed = line.trim();
            if (trimmed.startsWith("```") || trimmed.startsWith("~~~")) {
                fenced = !fenced;
                continue;
            }
            if (fenced) {
                continue;
            }
            if (trimmed.startsWith("## ")) {
                current = sections.computeIfAbsent(normalised(trimmed.substring(3)), k -> new ArrayList<>());
            } else if (trimmed.startsWith("# ")) {
                current = null;
            } else if (current != null) {
                current.add(line);
            }
        }
        return sections;
    }

    /**
     * The text of each label in a section: a "###" heading's text runs to the next heading; a
     * label line's text is the rest of its line and the lines below it up to the next heading or
     * line labelled with a part ("Diagnosis:"); other labelled lines ("- If new deployment: roll
     * back") are text.
     */
    private static Map<String, String> labelled(List<String> lines) {
        Map<String, StringBuilder> texts = new LinkedHashMap<>();
        StringBuilder heading = null;
        StringBuilder label = null;
        int n = 0;
        for (String line : lines) {
            String trimmed = line.trim();
            Matcher m = LABEL.matcher(line);
            if (trimmed.startsWith("#")) {
                String title = trimmed.replaceFirst("^#+\\s*", "");
                heading = texts.computeIfAbsent(n++ + "|" + normalised(title.replaceFirst(":.*$", "")), k -> new StringBuilder());
                label = null;
                if (title.contains(":")) {
                    heading.append(title.substring(title.indexOf(':') + 1)).append('\n');
                }
            } else if (m.matches() && namesAPart(normalised(m.group(1)))) {
                label = texts.computeIfAbsent(n++ + "|" + normalised(m.group(1)), k -> new StringBuilder());
                label.append(m.group(2)).append('\n');
                if (heading != null) {
                    heading.append(line).append('\n');
                }
            } else {
                if (label != null) {
                    label.append(line).append('\n');
                }
                if (heading != null) {
                    heading.append(line).append('\n');
                }
            }
        }
        Map<String, String> result = new LinkedHashMap<>();
        texts.forEach((k, v) -> result.put(k.substring(k.indexOf('|') + 1), v.toString()));
        return result;
    }

    private static boolean namesAPart(String label) {
        return REQUIRED.stream().flatMap(r -> r.parts().stream()).anyMatch(p -> names(label, p));
    }

    /** Whether a label names the part: one of its words is the label, or a word of it. */
    private static boolean names(String label, Part part) {
        List<String> words = List.of(label.split("[^a-z0-9]+"));
        return part.words().stream().anyMatch(w -> label.equals(w) || (w.contains(" ") ? label.contains(w) : words.contains(w)));
    }

    private static boolean empty(String body, String prompt) {
        String text = body.replace(prompt, "").trim();
        return text.isEmpty();
    }

    private static String normalised(String title) {
        return title.trim().replaceAll("[#\\s]+$", "").replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static Map<String, String> prompts() {
        Map<String, String> prompts = new LinkedHashMap<>();
        prompts.put("Purpose", "_What the service does, and for whom._");
        prompts.put("Dependencies", "_What it needs to run: databases, queues, other services, third parties._");
        prompts.put("Owner", "_The owning team and how to reach it._");
        prompts.put("URLs", "_Where it runs: production, staging, admin consoles._");
        prompts.put("Logs", "_Where its logs are and how to search them._");
        prompts.put("Metrics", "_Its dashboards and the numbers that matter._");
        prompts.put("Symptoms", "_What people or alerts notice when it goes wrong._");
        prompts.put("Diagnosis", "_How to find the cause: commands, queries, dashboards._");
        prompts.put("Resolution", "_What fixes each known issue, step by step._");
        prompts.put("Maintenance procedures", "_Routine work: restarts, scaling, certificate renewal, restores._");
        prompts.put("Rollback", "_How to roll a release back, and how to tell it worked._");
        prompts.put("Escalation", "_Who to call when the steps above do not help, in order._");
        return prompts;
    }
}
