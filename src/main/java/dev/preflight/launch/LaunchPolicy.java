package dev.preflight.launch;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.preflight.platform.db.VersionedEntity;

/**
 * How a go is agreed for the launches of one tier: how many distinct approvers must agree, and
 * whether an item's sign-off must come from someone other than the person who marked it done.
 */
@Entity
@Table(name = "launch_policy")
public class LaunchPolicy extends VersionedEntity {

    @Id
    public int tier;

    @Column(name = "go_deciders", nullable = false)
    public int goDeciders = 1;

    @Column(name = "four_eyes", nullable = false)
    public boolean fourEyes;

    /** The policy of the tier (every tier has one). */
    public static LaunchPolicy of(int tier) {
        LaunchPolicy policy = findById(tier);
        if (policy == null) {
            throw new IllegalStateException("No launch policy for tier " + tier);
        }
        return policy;
    }
}
