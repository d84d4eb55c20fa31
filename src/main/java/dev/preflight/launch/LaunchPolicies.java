package dev.preflight.launch;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import io.quarkus.panache.common.Sort;

import dev.preflight.audit.AuditLog;
import dev.preflight.identity.Access;
import dev.preflight.platform.api.InputValidator;
import dev.preflight.platform.api.Versioned;
import dev.preflight.platform.api.Versions;
import dev.preflight.platform.db.LiveFeed;
import dev.preflight.platform.db.Remembered;
import dev.preflight.platform.problems.ProblemException;
import dev.preflight.platform.security.Role;

/**
 * The launch policy of each tier: read by everyone, set by admins. Every item change reads its
 * tier's policy, so the policies are kept in memory until one changes ({@link Remembered}).
 */
@ApplicationScoped
public class LaunchPolicies {

    /** A tier's policy as the API and the pages show it. */
    public record View(int tier, int goDeciders, boolean fourEyes, long version) implements Versioned {

        static View of(LaunchPolicy policy) {
            return new View(policy.tier, policy.goDeciders, policy.fourEyes, policy.version);
        }
    }

    /** What an admin sends to set a tier's policy. */
    public record Input(
            @NotNull(message = "is required: how many distinct approvers must agree to a go, 1 to 5") @Min(value = 1, message = "must be 1 to 5") @Max(value = 5, message = "must be 1 to 5") Integer goDeciders,
            @NotNull(message = "is required: true when the person who marked an item done may not also sign it off") Boolean fourEyes) {
    }

    private final Access access;
    private final InputValidator validator;
    private final AuditLog audit;
    private final LiveFeed feed;
    private final Remembered<Map<Integer, View>> byTier;

    public LaunchPolicies(Access access, InputValidator validator, AuditLog audit, LiveFeed feed) {
        this.access = access;
        this.validator = validator;
        this.audit = audit;
        this.feed = feed;
        this.byTier = new Remembered<>(feed, () -> LaunchPolicy.<LaunchPolicy>listAll().stream()
                .collect(Collectors.toUnmodifiableMap(p -> p.tier, View::of)));
    }

    /** The policy of the tier (every tier has one). */
    @Transactional
    public View of(int tier) {
        View policy = byTier.get().get(tier);
        if (policy == null) {
            throw new IllegalStateException("No launch policy for tier " + tier);
        }
        return policy;
    }

    @Transactional
    public List<View> list() {
        return LaunchPolicy.<LaunchPolicy>listAll(Sort.ascending("tier")).stream().map(View::of).toList();
    }

    @Transactional
    public View set(int tier, Input input, Long expectedVersion) {
        access.require(Role.ADMIN);
        if (tier < 1 || tier > 3) {
            throw ProblemException.notFound("There is no tier " + tier + "; tiers are 1, 2 and 3.");
        }
        validator.check(input).throwIfAny();
        LaunchPolicy policy = LaunchPolicy.of(tier);
        Versions.check("The launch policy", policy.version, expectedVersion);
        View before = View.of(policy);
        policy.goDeciders = input.goDeciders();
        policy.fourEyes = input.fourEyes();
        LaunchPolicy.flush();
        feed.rulesChangeOnCommit();
        View after = View.of(policy);
        audit.record("launch_policy.update", "launch_policy", String.valueOf(tier), before, after);
        return after;
    }
}
