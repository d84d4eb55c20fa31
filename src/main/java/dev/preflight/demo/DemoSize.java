package dev.preflight.demo;

import java.util.Locale;

/**
 * How much demo data to make. {@code small} is a sample to look around in; {@code m} and
 * {@code l} are the benchmark's data sets; a number is that many services, scaled like {@code m}.
 *
 * @param teams            teams (each with three engineers)
 * @param services         services, spread over the teams
 * @param running          launches not yet launched or cancelled, one per service at most
 * @param finished         launched or cancelled launches
 * @param eventsPerLaunch  history events per launch, on average
 * @param builtins         whether launches use the built-in checklists (else one combined 150-item checklist)
 */
public record DemoSize(String name, int teams, int services, int running, int finished, int eventsPerLaunch,
        boolean builtins) {

    /** Items of the combined checklist the benchmark's launches use. */
    public static final int COMBINED_ITEMS = 150;

    public static DemoSize parse(String value) {
        String size = value.trim().toLowerCase(Locale.ROOT);
        return switch (size) {
            case "small" -> new DemoSize("small", 6, 30, 24, 6, 0, true);
            case "m" -> scaled("m", 1_000);
            case "l" -> scaled("l", 10_000);
            default -> {
                int services;
                try {
                    services = Integer.parseInt(size);
                } catch (NumberFormatException e) {
                    services = 0;
                }
                if (services < 10 || services > 100_000) {
                    throw new IllegalStateException("preflight.demo.size must be small, m, l or a number of services "
                            + "from 10 to 100000, not '" + value + "'");
                }
                yield scaled(size, services);
            }
        };
    }

    /** Ten services a team, a running launch per service, a tenth as many finished, 500 events a launch. */
    private static DemoSize scaled(String name, int services) {
        return new DemoSize(name, Math.max(1, services / 10), services, services, services / 10, 500, false);
    }
}
