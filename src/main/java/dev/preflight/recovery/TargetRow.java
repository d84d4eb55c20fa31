package dev.preflight.recovery;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.MultivaluedMap;

import dev.preflight.platform.api.InputValidator;

/**
 * One row of the targets form, as typed: rows are numbered ({@code rto.0}, {@code rto.1}...), a
 * blank row is ignored, a row marked {@code remove} is dropped. {@code errors} holds the row's
 * refused fields after a failed save.
 */
public record TargetRow(String dataStore, String rto, String rpo, String backupEvery, String retentionDays,
        boolean pointInTime, boolean separateLocation, Map<String, String> errors) {

    static final int MAX_ROWS = 50;

    static TargetRow of(RecoveryViews.Target target) {
        return new TargetRow(target.dataStore(), target.rto(), target.rpo(), target.backupEvery(),
                target.retentionDays() == null ? null : String.valueOf(target.retentionDays()), target.pointInTime(),
                target.separateLocation(), Map.of());
    }

    static TargetRow blank() {
        return new TargetRow("", "", "", "", "", false, true, Map.of());
    }

    /** The rows of a posted form, in order, with the blank and removed ones left out. */
    static List<TargetRow> read(MultivaluedMap<String, String> form) {
        List<TargetRow> rows = new ArrayList<>();
        for (int i = 0; i < MAX_ROWS && form.containsKey("rto." + i); i++) {
            TargetRow row = new TargetRow(value(form, "dataStore." + i), value(form, "rto." + i),
                    value(form, "rpo." + i), value(form, "backupEvery." + i), value(form, "retentionDays." + i),
                    form.containsKey("pointInTime." + i), form.containsKey("separateLocation." + i), Map.of());
            boolean blank = row.dataStore().isBlank() && row.rto().isBlank() && row.rpo().isBlank();
            if (!blank && !form.containsKey("remove." + i)) {
                rows.add(row);
            }
        }
        return rows;
    }

    /** The input this row means; a retention that is not a whole number is refused at its field. */
    TargetInput toInput(int index, InputValidator.Errors errors) {
        Integer retention = null;
        if (!retentionDays.isBlank()) {
            try {
                retention = Integer.valueOf(retentionDays.trim());
            } catch (NumberFormatException e) {
                errors.add("targets[" + index + "].retentionDays", "must be a whole number of days");
            }
        }
        return new TargetInput(dataStore, rto, rpo, backupEvery, retention, pointInTime, separateLocation);
    }

    /** The same row with the errors of its index. */
    TargetRow withErrors(int index, Map<String, String> all) {
        String prefix = "targets[" + index + "].";
        Map<String, String> own = new LinkedHashMap<>();
        all.forEach((field, message) -> {
            if (field.startsWith(prefix)) {
                own.put(field.substring(prefix.length()), message);
            }
        });
        return new TargetRow(dataStore, rto, rpo, backupEvery, retentionDays, pointInTime, separateLocation, own);
    }

    private static String value(MultivaluedMap<String, String> form, String name) {
        String value = form.getFirst(name);
        return value == null ? "" : value;
    }
}
