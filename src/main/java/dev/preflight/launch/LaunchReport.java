package dev.preflight.launch;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import dev.preflight.platform.text.Markdown;

/**
 * The go-live report of a launch as Markdown, for the review meeting and the record: readiness per
 * section, the decision, the waivers in force, every sign-off with its approver and time, and the
 * items still open. People's text is kept on one line and its Markdown punctuation escaped, so a
 * title or a note cannot restructure the report.
 */
final class LaunchReport {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private LaunchReport() {
    }

    static String markdown(LaunchViews.Detail launch) {
        StringBuilder md = new StringBuilder();
        Readiness readiness = launch.readiness();
        md.append("# Go-live report: ").append(text(launch.name())).append("\n\n");
        md.append("* Service: ").append(text(launch.serviceName())).append(" (tier ").append(launch.tier()).append(")\n");
        md.append("* Environment: ").append(text(launch.environment())).append("\n");
        md.append("* Target date: ").append(launch.targetDate()).append("\n");
        md.append("* State: ").append(launch.state().label()).append("\n");
        md.append("* Checklist: ").append(text(launch.templateName())).append(", version ")
                .append(launch.templateVersion()).append("\n");
        md.append("* Readiness: ").append(readiness.percent()).append("% of required items resolved (")
                .append(readiness.resolved()).append(" of ").append(readiness.required()).append(")\n\n");

        md.append("## Decision\n\n");
        LaunchViews.Decision decision = launch.decision();
        if (decision == null) {
            md.append("No go / no-go recorded yet.\n\n");
        } else {
            md.append("**").append(decision.decision().label()).append("** by ").append(text(decision.decidedBy()))
                    .append(" on ").append(time(decision.decidedAt())).append("\n\n");
            md.append("Rationale: ").append(text(decision.rationale())).append("\n\n");
            if (decision.conditions() != null) {
                md.append("Conditions: ").append(text(decision.conditions())).append("\n\n");
            }
        }

        md.append("## Sections\n\n");
        for (Readiness.SectionProgress section : readiness.sections()) {
            md.append("* ").append(text(section.title())).append(": ").append(section.resolved()).append(" of ")
                    .append(section.required()).append(" required resolved (").append(section.percent()).append("%)\n");
        }

        md.append("\n## Waivers in force\n\n");
        list(md, readiness.waivers().stream().map(w -> text(w.title()) + ": " + text(w.reason()) + "; risk owner "
                + text(w.riskOwner()) + "; compensating control " + text(w.compensatingControl()) + "; expires "
                + w.expiresOn() + "; waived by " + text(w.waivedBy())).toList(), "None.");

        md.append("\n## Sign-offs\n\n");
        list(md, launch.items().stream().filter(i -> i.signedOffBy() != null)
                .map(i -> text(i.title()) + ": " + text(i.signedOffBy()) + " on " + time(i.signedOffAt())).toList(),
                "None.");

        md.append("\n## Open items\n\n");
        list(md, launch.items().stream().filter(i -> !i.resolved())
                .map(i -> text(i.title()) + " (" + i.severity() + ", " + i.condition().label()
                        + (i.assigneeName() == null ? "" : ", " + text(i.assigneeName()))
                        + (i.dueDate() == null ? "" : ", due " + i.dueDate()) + ")").toList(),
                "None: every item is resolved.");
        return md.toString();
    }

    private static void list(StringBuilder md, List<String> lines, String none) {
        if (lines.isEmpty()) {
            md.append(none).append("\n");
        }
        lines.forEach(line -> md.append("* ").append(line).append("\n"));
    }

    private static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    private static String text(String value) {
        return Markdown.inline(value);
    }
}
