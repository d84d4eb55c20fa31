package dev.preflight.platform;

/**
 * Who did something, as the audit log records it: the user (id and name) and the channel
 * ({@code web}, {@code api}, {@code token:<name>}), or the system or an anonymous client.
 */
public record Actor(Long id, String name, String channel) {

    public static final Actor SYSTEM = new Actor(null, "system", "system");
    public static final Actor ANONYMOUS = new Actor(null, "anonymous", "web");

    /** The actor of the request being served; implemented by the identity feature. */
    public interface Source {
        Actor current();
    }
}
