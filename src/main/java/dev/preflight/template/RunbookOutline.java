package dev.preflight.template;

import java.util.List;
import java.util.Map;

/**
 * What the runbook check asks of a runbook, told by the runbooks feature: the template lint holds an
 * item that a runbook satisfies to the same outline.
 */
public interface RunbookOutline {

    /** Each required section's title and the titles of its required parts, in order. */
    Map<String, List<String>> required();

    /** Sections a runbook may have that the check does not ask for. */
    List<String> offered();
}
