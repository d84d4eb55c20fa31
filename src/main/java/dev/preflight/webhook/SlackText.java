package dev.preflight.webhook;

import java.util.Map;

/**
 * The one-line message a Slack incoming webhook shows for a delivery. People's text is escaped the
 * way Slack asks (&amp;, &lt;, &gt;), so a name cannot turn into a link or a mention.
 */
final class SlackText {

    private SlackText() {
    }

    static String of(String event, Map<String, Object> data) {
        if (data.get("summary") instanceof String summary) {
            return escape(summary) + link(data);
        }
        Map<?, ?> launch = data.get("launch") instanceof Map<?, ?> m ? m : Map.of();
        Map<?, ?> service = data.get("service") instanceof Map<?, ?> m ? m : Map.of();
        Map<?, ?> item = data.get("item") instanceof Map<?, ?> m ? m : null;
        String subject = escape(String.valueOf(launch.get("name"))) + " (" + escape(String.valueOf(service.get("name")))
                + ")";
        String who = escape(String.valueOf(data.get("actor")));
        String comment = data.get("comment") instanceof String c && !c.isBlank() ? ": " + escape(c) : "";
        String text = switch (event) {
            case "decision_made" -> subject + ": " + escape(String.valueOf(data.get("to"))).replace('_', '-')
                    + " decided by " + who + comment;
            case "sign_off_needed" -> subject + ": " + escape(String.valueOf(item == null ? "" : item.get("title")))
                    + " waits for an approver's sign-off (done by " + who + ")";
            default -> subject + ": " + escape(String.valueOf(item == null ? "the launch" : item.get("title"))) + " "
                    + escape(String.valueOf(data.get("action"))).replace('_', ' ') + " by " + who + comment;
        };
        return text + link(item != null ? item : launch);
    }

    private static String link(Map<?, ?> data) {
        return data.get("link") instanceof String link && link.startsWith("http") ? " <" + link + "|open>" : "";
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
