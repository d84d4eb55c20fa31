package dev.preflight.service;

import java.time.LocalDate;

/** A service's runbook as its page summarises it; provided by the runbook feature. */
public interface ServiceRunbook {

    /**
     * @param saved           whether a runbook was ever saved
     * @param missingSections how many required sections are missing or empty
     * @param lastExercised   the day it was last exercised (a drill, a game day, or set by hand), or null
     * @param revision        the number of its current revision (0 before the first save)
     */
    record Summary(boolean saved, int missingSections, LocalDate lastExercised, int revision) {
    }

    Summary summary(String serviceSlug);
}
