package dev.preflight.recovery;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * One recovery target as a client sends it, durations in human form ("4 h", "15 min").
 *
 * @param dataStore        leave empty for the whole service; else the store's name, such as "orders DB"
 * @param rto              recovery time objective, such as "4 h"
 * @param rpo              recovery point objective, such as "1 h" ("0 min" for none at all)
 * @param backupEvery      how often backups are taken, such as "24 h"; empty when there are none
 * @param retentionDays    how many days backups are kept
 * @param pointInTime      whether point-in-time recovery is on
 * @param separateLocation whether backups are kept apart from what they protect
 */
public record TargetInput(
        @Size(max = 100, message = "must be at most 100 characters") String dataStore,
        @NotBlank(message = "is required, such as \"4 h\"") @Size(max = 40, message = "must be a duration such as \"4 h\"") String rto,
        @NotBlank(message = "is required, such as \"1 h\"") @Size(max = 40, message = "must be a duration such as \"1 h\"") String rpo,
        @Size(max = 40, message = "must be a duration such as \"24 h\"") String backupEvery,
        @Min(value = 1, message = "must be 1 or more") @Max(value = 3650, message = "must be at most 3650 (10 years)") Integer retentionDays,
        Boolean pointInTime,
        Boolean separateLocation) {
}
