package dev.preflight.launch;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateExtension;

import dev.preflight.platform.text.Markdown;

/** Template extensions for the launch pages: what an item offers, its guidance, an event's details. */
@TemplateExtension
final class LaunchDisplay {

    private LaunchDisplay() {
    }

    /** What the caller may do to the item: the actions its controls offer. */
    static Set<ItemAction> actions(LaunchViews.Item item, LaunchRights rights) {
        return ItemAction.allowed(item, rights);
    }

    /** What the item's tick box does for the caller, null when it only shows the item's condition. */
    static ItemAction tick(LaunchViews.Item item, LaunchRights rights) {
        return ItemAction.tick(item, rights);
    }

    /** The item's guidance as safe HTML. */
    static RawString guidanceHtml(LaunchViews.Item item) {
        return new RawString(Markdown.toSafeHtml(item.guidance()));
    }

    /** An event's details as text: "assignee: ana → ben; reason: disks". */
    static String detailsText(LaunchViews.Event event) {
        if (event.details() == null) {
            return "";
        }
        return event.details().entrySet().stream().map(e -> e.getKey() + ": " + valueText(e.getValue()))
                .collect(Collectors.joining("; "));
    }

    private static String valueText(Object value) {
        if (value instanceof Map<?, ?> map) {
            if (map.containsKey("from") || map.containsKey("to")) {
                return Objects.requireNonNullElse(map.get("from"), "—") + " → "
                        + Objects.requireNonNullElse(map.get("to"), "—");
            }
            return map.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                    .collect(Collectors.joining(", "));
        }
        return String.valueOf(value);
    }
}
