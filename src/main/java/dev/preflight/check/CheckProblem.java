package dev.preflight.check;

/**
 * What is wrong with one setting of a check's configuration.
 *
 * @param field   where the setting is inside the configuration: {@code url}, {@code expect.min},
 *                {@code headers.Strict-Transport-Security}
 * @param message what is wrong, in plain words: "must be an http:// or https:// URL"
 */
public record CheckProblem(String field, String message) {
}
