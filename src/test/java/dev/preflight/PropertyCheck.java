package dev.preflight;

import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A property checked on many generated samples. The seed is fixed unless the system property
 * {@code dev.preflight.test.seed} gives another one ({@code ./mvnw verify -Dseed=...}), or
 * {@code random} for a new one each run (printed, so that a failure can be replayed).
 */
public final class PropertyCheck {

    static final long DEFAULT_SEED = 20_261_122L;

    private PropertyCheck() {
    }

    public static <T> void forAll(int samples, Function<Random, T> generator, Consumer<T> property) {
        long seed = seed();
        Random random = new Random(seed);
        for (int i = 0; i < samples; i++) {
            T sample = generator.apply(random);
            try {
                property.accept(sample);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("Property failed on sample " + i + " of seed " + seed
                        + " (replay with -Dseed=" + seed + "): " + sample, e);
            }
        }
        System.out.printf("Property held for %d samples (seed %d)%n", samples, seed);
    }

    /** The seed of this run: fixed, given with -Dseed=, or drawn anew with -Dseed=random. */
    public static long seed() {
        String configured = System.getProperty("dev.preflight.test.seed", "");
        if (configured.isBlank()) {
            return DEFAULT_SEED;
        }
        return configured.equals("random") ? new Random().nextLong() : Long.parseLong(configured);
    }
}
