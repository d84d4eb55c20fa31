package dev.preflight.platform.db;

/**
 * The embedded PostgreSQL cannot be started, for a reason its message gives in one line together
 * with what to do about it (a folder Preflight may not write, a full disk, a newer database).
 */
public final class EmbeddedDatabaseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    EmbeddedDatabaseException(String message) {
        super(message);
    }

    EmbeddedDatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
