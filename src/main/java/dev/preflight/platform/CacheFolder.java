package dev.preflight.platform;

import java.nio.file.Path;
import java.util.Optional;

/** The folder for what Preflight can make again when it is lost: unpacked programs, fetched repositories. */
public final class CacheFolder {

    private CacheFolder() {
    }

    /** {@code preflight.cache-dir} when it is set, else {@code $XDG_CACHE_HOME/preflight}, else {@code ~/.cache/preflight}. */
    public static Path of(Optional<String> configured) {
        return configured.filter(s -> !s.isBlank()).map(Path::of).orElseGet(() -> {
            String xdg = System.getenv("XDG_CACHE_HOME");
            Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
            return base.resolve("preflight");
        });
    }
}
