package dev.preflight.runbook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * What a runbook must cover, after the documents' runbook template: a service overview (purpose,
 * dependencies, owner), access (URLs, logs, metrics), common issues (symptoms, diagnosis,
 * resolution) and maintenance procedures, plus rollback and escalation. A new runbook starts from
 * this skeleton; the completeness check names every required section that is missing or still
 * holds only its prompt.
 */
public final class RunbookSkeleton {

    /** Each required section (a "##" heading), its required subsections ("###"), and its prompt. */
    private static final Map<String, List<String>> SECTIONS = sections();
    private static final Map<String, String> PROMPTS = prompts();
    /** Runbooks checked lately: the same text always lacks the same sections, and launch pages ask often. */
    private static final Cache<String, List<String>> CHECKED = Caffeine.newBuilder().maximumWeight(8_000_000)
            .<String, List<String>>weigher((text, missing) -> text.length()).build();

    private RunbookSkeleton() {
    }

    /** The Markdown a new runbook starts from, titled with the service's name. */
    public static String skeleton(String serviceName) {
        StringBuilder text = new StringBuilder("# Runbook: ").append(serviceName).append("\n");
        SECTIONS.forEach((section, subsections) -> {
            text.append("\n## ").append(section).append("\n");
            if (subsections.isEmpty()) {
                text.append("\n").append(PROMPTS.get(section)).append("\n");
            }
            for (String subsection : subsections) {
                text.append("\n### ").append(subsection).append("\n\n").append(PROMPTS.get(subsection)).append("\n");
            }
        });
        return text.toString();
    }

    /**
     * The required sections missing from the Markdown or empty in it (holding nothing but their
     * prompt), named "Section" or "Section › Subsection".
     */
    public static List<String> missing(String markdown) {
        return CHECKED.get(markdown, RunbookSkeleton::check);
    }

    private static List<String> check(String markdown) {
        Map<String, String> bodies = bodies(markdown);
        List<String> missing = new ArrayList<>();
        SECTIONS.forEach((section, subsections) -> {
            String key = normalised(section);
            if (!bodies.containsKey(key)) {
                missing.add(section);
                return;
            }
            if (subsections.isEmpty()) {
                if (empty(bodies.get(key), PROMPTS.get(section))) {
                    missing.add(section);
                }
                return;
            }
            for (String subsection : subsections) {
                String body = bodies.get(key + "/" + normalised(subsection));
                if (body == null || empty(body, PROMPTS.get(subsection))) {
                    missing.add(section + " › " + subsection);
                }
            }
        });
        return List.copyOf(missing);
    }

    /** The text under each "##" heading and each "###" heading (as "section/subsection"), by normalised title. */
    private static Map<String, String> bodies(String markdown) {
        Map<String, StringBuilder> bodies = new LinkedHashMap<>();
        String section = null;
        String current = null;
        boolean fenced = false;
        for (String line : markdown.split("\\R", -1)) {
            String trimmed = line.trim();
            if (trimmed.startsWith("```") || trimmed.startsWith("~~~")) {
                fenced = !fenced;
            }
            if (!fenced && trimmed.startsWith("## ") ) {
                section = normalised(trimmed.substring(3));
                current = section;
                bodies.putIfAbsent(current, new StringBuilder());
            } else if (!fenced && trimmed.startsWith("### ") && section != null) {
                current = section + "/" + normalised(trimmed.substring(4));
                bodies.putIfAbsent(current, new StringBuilder());
            } else if (!fenced && trimmed.startsWith("# ")) {
                section = null;
                current = null;
            } else if (current != null) {
                bodies.get(current).append(line).append('\n');
                if (current.contains("/")) {
                    bodies.get(section).append(line).append('\n');
                }
            }
        }
        Map<String, String> result = new LinkedHashMap<>();
        bodies.forEach((k, v) -> result.put(k, v.toString()));
        return result;
    }

    private static boolean empty(String body, String prompt) {
        String text = body.replace(prompt, "").trim();
        return text.isEmpty();
    }

    private static String normalised(String title) {
        return title.trim().replaceAll("[#\\s]+$", "").replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static Map<String, List<String>> sections() {
        Map<String, List<String>> sections = new LinkedHashMap<>();
        sections.put("Service overview", List.of("Purpose", "Dependencies", "Owner"));
        sections.put("Access", List.of("URLs", "Logs", "Metrics"));
        sections.put("Common issues", List.of("Symptoms", "Diagnosis", "Resolution"));
        sections.put("Maintenance procedures", List.of());
        sections.put("Rollback", List.of());
        sections.put("Escalation", List.of());
        return sections;
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
