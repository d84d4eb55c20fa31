package dev.preflight.check;

import java.time.Instant;
import java.util.List;

import dev.preflight.platform.text.Keyed;

/**
 * What one run of a check found.
 *
 * @param verdict      passed when every observation is as expected, failed when one is not, not run
 *                     when the check could not be made (its single observation says why)
 * @param asked        what was asked, in words: "GET https://shop.example.com/ (redirects not followed)"
 * @param observations each expectation, with what was expected and what was seen
 * @param at           when the run started
 * @param tookMillis   how long it took
 */
public record CheckOutcome(Verdict verdict, String asked, List<Observation> observations, Instant at, long tookMillis) {

    /** How a run went. */
    public enum Verdict implements Keyed {
        PASSED, FAILED, NOT_RUN
    }

    public CheckOutcome {
        observations = observations == null ? List.of() : List.copyOf(observations);
    }

    /**
     * One line for pages: "passed: 6 of 6 as expected", "failed: Strict-Transport-Security expected
     * max-age=31536000; includeSubDomains, saw (missing)", "not run: the service records no base URL".
     */
    public String summary() {
        List<Observation> failed = observations.stream().filter(o -> !o.ok()).toList();
        return switch (verdict) {
            case PASSED -> "passed: " + observations.size() + " of " + observations.size() + " as expected";
            case FAILED -> failed.isEmpty() ? "failed" : "failed: " + failed.get(0).what() + " expected "
                    + failed.get(0).expected() + ", saw " + failed.get(0).seen()
                    + (failed.size() > 1 ? " (and " + (failed.size() - 1) + " more)" : "");
            case NOT_RUN -> "not run: " + (observations.isEmpty() ? "no reason was given" : observations.get(0).seen());
        };
    }
}
