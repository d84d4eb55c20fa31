package dev.preflight.identity;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Table;

import dev.preflight.platform.db.BaseEntity;

/** The owners of one area (security, operations, data protection...) whose sign-off items can ask for. */
@Entity
@Table(name = "signoff_group")
public class SignOffGroup extends BaseEntity {

    @Column(nullable = false, unique = true)
    public String key;

    @Column(nullable = false)
    public String name;

    @ManyToMany
    @JoinTable(name = "signoff_group_member", joinColumns = @JoinColumn(name = "group_id"),
            inverseJoinColumns = @JoinColumn(name = "user_id"))
    public Set<User> members = new HashSet<>();

    public static Optional<SignOffGroup> findByKey(String key) {
        return find("key", key).firstResultOptional();
    }
}
