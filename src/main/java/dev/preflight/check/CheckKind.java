package dev.preflight.check;

import java.util.List;

/**
 * One kind of check: the settings it takes, what it says it looks at, and how it runs.
 *
 * @param <P> what a run needs, read from a configuration
 */
interface CheckKind<P> {

    /** Its key in configurations: "http". */
    String key();

    /** The names of its settings, in the order they are described. */
    List<String> settings();

    /**
     * Reads a configuration into what a run needs. Problems go to the reader; the plan is used only
     * when there are none.
     */
    P read(ConfigReader config);

    /** One line saying what the check looks at, placeholders as written. */
    String describe(P plan);

    /** Runs the check; a check that cannot be made throws {@link NotRun}. */
    Findings run(P plan, Run run);

    /**
     * What a run asked and saw.
     *
     * @param asked        in words: "GET https://shop.example.com/ (redirects not followed)"
     * @param observations each expectation
     */
    record Findings(String asked, List<Observation> observations) {
    }
}
