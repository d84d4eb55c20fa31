package dev.preflight.launch;

import io.quarkus.qute.TemplateEnum;

import dev.preflight.platform.text.Keyed;

/** What someone last recorded for an item. What it counts as now is its {@link ItemCondition}. */
@TemplateEnum
public enum ItemStatus implements Keyed {
    OPEN,
    DONE,
    NOT_APPLICABLE,
    BLOCKED,
    WAIVED;

    @Override
    public String toString() {
        return key();
    }

}
