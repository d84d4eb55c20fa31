package dev.preflight.check;

/**
 * One expectation of a check and how it went.
 *
 * @param what     what was looked at: "status", "Strict-Transport-Security", "connection"
 * @param expected what it should have been
 * @param seen     what it was
 * @param ok       whether what was seen is what was expected
 */
public record Observation(String what, String expected, String seen, boolean ok) {
}
