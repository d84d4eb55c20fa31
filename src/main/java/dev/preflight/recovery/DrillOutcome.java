package dev.preflight.recovery;

import dev.preflight.platform.text.Keyed;


/** How a drill went, as the people running it judged it. */
public enum DrillOutcome implements Keyed {
    SUCCESS,
    PARTIAL,
    FAILED;

    @Override
    public String toString() {
        return key();
    }
}
