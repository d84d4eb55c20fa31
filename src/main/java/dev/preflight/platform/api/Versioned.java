package dev.preflight.platform.api;

/**
 * An answer about one record that can be edited: its {@code version} goes out as the ETag, for the
 * client to send back in {@code If-Match} (see {@link Versions}). The API description gives every
 * answer with a {@code version} property the ETag header.
 */
public interface Versioned {

    long version();
}
