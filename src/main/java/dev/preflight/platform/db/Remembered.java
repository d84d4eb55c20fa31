package dev.preflight.platform.db;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * A value read from the database and kept in memory for as long as the database has announced no
 * change to the rules it comes from ({@link LiveFeed}), and at most {@link #MAX_AGE}: a change on
 * this instance is seen when it commits, one on another instance when its announcement arrives
 * (milliseconds later). While the announcements cannot be heard, every call reads afresh. The
 * value must not change once read (immutable collections, no entities).
 */
public final class Remembered<T> {

    /** The longest a value is kept, announcement or not. */
    static final Duration MAX_AGE = Duration.ofSeconds(10);

    private record Kept<T>(T value, long generation, long readAt) {
    }

    private final LiveFeed feed;
    private final Supplier<T> read;
    private volatile Kept<T> kept;

    public Remembered(LiveFeed feed, Supplier<T> read) {
        this.feed = feed;
        this.read = read;
    }

    /** The kept value, or the value read now when the rules changed, it is too old or none is kept. */
    public T get() {
        long generation = feed.rulesGeneration();
        long now = System.nanoTime();
        Kept<T> current = kept;
        if (current != null && generation >= 0 && current.generation() == generation
                && now - current.readAt() < MAX_AGE.toNanos()) {
            return current.value();
        }
        T value = read.get();
        if (generation >= 0) {
            kept = new Kept<>(value, generation, now);
        }
        return value;
    }
}
