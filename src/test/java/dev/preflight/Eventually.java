package dev.preflight;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Waits for something another thread or process does (a delivery sent, a scheduled run), asking
 * again every 50 ms, and fails the test when it has not happened within the limit.
 */
public final class Eventually {

    private static final Duration LIMIT = Duration.ofSeconds(20);
    private static final long PAUSE_NANOS = Duration.ofMillis(50).toNanos();

    private Eventually() {
    }

    public static void until(BooleanSupplier condition) {
        until(LIMIT, condition);
    }

    /** The pause between two questions, for a client that retries while something is down. */
    public static void pause() {
        LockSupport.parkNanos(PAUSE_NANOS);
    }

    public static void until(Duration limit, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Still not so after " + limit.toSeconds() + " s");
            }
            LockSupport.parkNanos(PAUSE_NANOS);
        }
    }
}
