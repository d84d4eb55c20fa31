package dev.preflight.launch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.MultivaluedMap;

import dev.preflight.platform.problems.Problem;
import dev.preflight.platform.problems.ProblemException;
import dev.preflight.platform.text.Keyed;
import dev.preflight.platform.text.Text;

/**
 * The launch page's one form, which every item row and the selection bar post to when the page
 * runs without JavaScript (with it, a row's tick goes to the item's own address). It carries the
 * button pressed ({@code do}) and whatever was typed on the rows: {@code link.<key>} and
 * {@code note.<key>} for evidence, {@code pick} for the selected items and the selection bar's
 * shared fields.
 * <ul>
 * <li>{@code <action> <key> <version>}: a row's tick or sign-off (done, reopen, sign_off);</li>
 * <li>{@code typed}: Enter in an evidence field, which marks done every item whose evidence was typed;</li>
 * <li>{@code picked <action>}: the selected items done, not applicable or assigned, all or none.</li>
 * </ul>
 */
record ChecklistForm(String key, ItemChange change, Map<String, ItemChange> changes) {

    static final String LINK = "link.";
    static final String NOTE = "note.";

    /** A refusal of one of the form's changes, named by its item. */
    public record ItemError(String key, String title, String field, String message) {
    }

    static ChecklistForm of(MultivaluedMap<String, String> form, String me) {
        String pressed = Text.blankToNull(form.getFirst("do"));
        if (pressed == null) {
            throw ProblemException.invalid("action", "is required: press one of the item's buttons");
        }
        String[] parts = pressed.trim().split(" ");
        if (parts.length == 3) {
            ItemAction action = Keyed.byKey(ItemAction.class, parts[0])
                    .filter(a -> a == ItemAction.DONE || a == ItemAction.REOPEN || a == ItemAction.SIGN_OFF)
                    .orElseThrow(() -> ProblemException.invalid("action", "must be done, reopen or sign_off"));
            Long version = parseVersion(parts[2]);
            String key = parts[1];
            ItemChange change = switch (action) {
                case DONE -> new ItemChange(ItemStatus.DONE, Text.blankToNull(form.getFirst(LINK + key)),
                        Text.blankToNull(form.getFirst(NOTE + key)), null, null, null, null, null, null, version);
                case SIGN_OFF -> new ItemChange(null, null, null, null, true, null, null, null, null, version);
                default -> new ItemChange(ItemStatus.OPEN, null, null, null, null, null, null, null, null, version);
            };
            return new ChecklistForm(key, change, null);
        }
        Map<String, ItemChange> changes = new LinkedHashMap<>();
        if ("typed".equals(pressed)) {
            form.forEach((name, values) -> {
                String typed = values.isEmpty() ? null : Text.blankToNull(values.get(0));
                if (typed != null && name.startsWith(LINK)) {
                    changes.put(name.substring(LINK.length()), done(typed, null));
                } else if (typed != null && name.startsWith(NOTE)) {
                    changes.put(name.substring(NOTE.length()), done(null, typed));
                }
            });
            if (changes.isEmpty()) {
                throw ProblemException.invalid("evidenceLink", "is required: type an item's evidence, then press Enter");
            }
            return new ChecklistForm(null, null, changes);
        }
        if (parts.length != 2 || !"picked".equals(parts[0])) {
            throw ProblemException.invalid("action", "must be one of the buttons of the launch page");
        }
        List<String> picked = form.getOrDefault("pick", List.of());
        if (picked.isEmpty()) {
            throw ProblemException.invalid("pick", "is required: select the items to change first");
        }
        ItemChange change = switch (parts[1]) {
            case "done" -> done(Text.blankToNull(form.getFirst("pickedLink")), Text.blankToNull(form.getFirst("pickedNote")));
            case "not_applicable" -> new ItemChange(ItemStatus.NOT_APPLICABLE, null, null,
                    form.getFirst("pickedReason") == null ? "" : form.getFirst("pickedReason"), null, null, null, null,
                    null, null);
            case "assign" -> new ItemChange(null, null, null, null, null, null, assignee(form.getFirst("pickedAssignee"), me),
                    null, null, null);
            default -> throw ProblemException.invalid("action", "must be done, not_applicable or assign");
        };
        picked.forEach(k -> changes.put(k, change));
        return new ChecklistForm(null, null, changes);
    }

    /** The item whose row button was pressed, or null for Enter and the selection bar. */
    static String pressedKey(MultivaluedMap<String, String> form) {
        String[] parts = String.valueOf(form.getFirst("do")).trim().split(" ");
        return parts.length == 3 ? parts[1] : null;
    }

    /** The item a page answering this form should show first. */
    String firstKey() {
        return key != null ? key : changes.keySet().iterator().next();
    }

    /** The refusal of this form's changes as the launch page lists them: each under its item's name. */
    static List<ItemError> errors(ProblemException e, String key, LaunchViews.Detail launch) {
        List<ItemError> errors = new ArrayList<>();
        List<Problem.FieldError> fields = e.errors().isEmpty() ? List.of(new Problem.FieldError("action", e.getMessage(), null))
                : e.errors();
        for (Problem.FieldError error : fields) {
            String itemKey = key;
            String field = error.field();
            if (field.startsWith("items.")) {
                String rest = field.substring("items.".length());
                itemKey = launch.items().stream().map(LaunchViews.Item::key).filter(rest::startsWith)
                        .max((a, b) -> a.length() - b.length()).orElse(rest);
                field = rest.length() > itemKey.length() ? rest.substring(itemKey.length() + 1) : "action";
            }
            String shown = itemKey;
            String title = launch.items().stream().filter(i -> i.key().equals(shown)).map(LaunchViews.Item::title)
                    .findFirst().orElse(null);
            errors.add(new ItemError(title == null ? null : itemKey, title, field, error.message()));
        }
        return errors;
    }

    private static ItemChange done(String link, String note) {
        return new ItemChange(ItemStatus.DONE, link, note, null, null, null, null, null, null, null);
    }

    private static String assignee(String typed, String me) {
        String chosen = typed == null ? "" : typed.trim();
        return "me".equalsIgnoreCase(chosen) ? me : chosen;
    }

    private static Long parseVersion(String text) {
        try {
            return Long.valueOf(text);
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("version", "must be a whole number");
        }
    }
}
