package dev.preflight.identity;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import io.quarkus.panache.common.Sort;

import dev.preflight.audit.AuditLog;
import dev.preflight.platform.api.InputValidator;
import dev.preflight.platform.api.Slugs;
import dev.preflight.platform.api.Versioned;
import dev.preflight.platform.api.Versions;
import dev.preflight.platform.db.LiveFeed;
import dev.preflight.platform.db.Remembered;
import dev.preflight.platform.problems.ProblemException;
import dev.preflight.platform.security.Role;

/**
 * The sign-off groups: who owns which area's sign-off. Everyone signed in reads them; admins define
 * them and their members. An item asking for a group that is not defined is signed by any approver.
 * Every item change asks who belongs to which group, so the answer is kept in memory until the
 * groups change ({@link Remembered}).
 */
@ApplicationScoped
public class SignOffGroups {

    /** A group as the API and the pages show it. */
    public record View(String key, String name, List<String> members, long version) implements Versioned {

        static View of(SignOffGroup group) {
            return new View(group.key, group.name, group.members.stream().map(u -> u.username).sorted().toList(),
                    group.version);
        }
    }

    /** What an admin sends to define a group: its name and its members' user names (the whole list). */
    public record Input(@NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters") String name,
            @Size(max = 500, message = "must list at most 500 people") List<String> members) {
    }

    /** Every group's name by key, and the keys of each member's groups. */
    private record Directory(Map<String, String> names, Map<Long, Set<String>> groupsOf) {
    }

    private final Access access;
    private final InputValidator validator;
    private final AuditLog audit;
    private final LiveFeed feed;
    private final Remembered<Directory> directory;

    public SignOffGroups(Access access, InputValidator validator, AuditLog audit, LiveFeed feed) {
        this.access = access;
        this.validator = validator;
        this.audit = audit;
        this.feed = feed;
        this.directory = new Remembered<>(feed, SignOffGroups::read);
    }

    /** Every group by name. */
    @Transactional
    public List<View> list() {
        return SignOffGroup.<SignOffGroup>listAll(Sort.ascending("name")).stream().map(View::of).toList();
    }

    @Transactional
    public View get(String key) {
        return View.of(find(key));
    }

    /** The defined groups' names by key. */
    @Transactional
    public Map<String, String> names() {
        return directory.get().names();
    }

    /** The keys of the groups the user belongs to. */
    @Transactional
    public Set<String> of(long userId) {
        return directory.get().groupsOf().getOrDefault(userId, Set.of());
    }

    private static Directory read() {
        Map<String, String> names = new LinkedHashMap<>();
        SignOffGroup.<SignOffGroup>listAll(Sort.ascending("key")).forEach(g -> names.put(g.key, g.name));
        Map<Long, Set<String>> groupsOf = new HashMap<>();
        SignOffGroup.getEntityManager()
                .createQuery("select m.id, g.key from SignOffGroup g join g.members m", Object[].class)
                .getResultList()
                .forEach(row -> groupsOf.computeIfAbsent((Long) row[0], id -> new HashSet<>()).add((String) row[1]));
        Map<Long, Set<String>> kept = new HashMap<>();
        groupsOf.forEach((user, keys) -> kept.put(user, Set.copyOf(keys)));
        return new Directory(Collections.unmodifiableMap(names), Map.copyOf(kept));
    }

    /** Defines the group (making it when the key is new) with exactly the members named. */
    @Transactional
    public View save(String key, Input input, Long expectedVersion) {
        access.require(Role.ADMIN);
        InputValidator.Errors errors = validator.check(input);
        if (!Slugs.isValid(key)) {
            errors.add("key", "must be lower-case letters, digits and single hyphens, at most 64 characters");
        }
        List<User> members = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String username : input.members() == null ? List.<String> of() : input.members()) {
            String name = username == null ? "" : username.trim();
            User.findByUsername(name).ifPresentOrElse(members::add, () -> unknown.add(name));
        }
        if (!unknown.isEmpty()) {
            errors.add("members", "there is no user " + unknown.stream().map(u -> "'" + u + "'")
                    .collect(Collectors.joining(", ")));
        }
        errors.throwIfAny();
        SignOffGroup group = SignOffGroup.findByKey(key).orElse(null);
        View before = group == null ? null : View.of(group);
        if (group == null) {
            if (expectedVersion != null) {
                throw ProblemException.notFound("There is no sign-off group '" + key + "'.");
            }
            group = new SignOffGroup();
            group.key = key;
        } else {
            Versions.check("The sign-off group", group.version, expectedVersion);
        }
        group.name = input.name().trim();
        group.members.clear();
        group.members.addAll(members);
        group.persistAndFlush();
        feed.rulesChangeOnCommit();
        View after = View.of(group);
        audit.record(before == null ? "signoff_group.create" : "signoff_group.update", "signoff_group", key, before,
                after);
        return after;
    }

    @Transactional
    public void delete(String key, Long expectedVersion) {
        access.require(Role.ADMIN);
        SignOffGroup group = find(key);
        Versions.check("The sign-off group", group.version, expectedVersion);
        View before = View.of(group);
        group.delete();
        feed.rulesChangeOnCommit();
        audit.record("signoff_group.delete", "signoff_group", key, before, null);
    }

    private static SignOffGroup find(String key) {
        return SignOffGroup.findByKey(key)
                .orElseThrow(() -> ProblemException.notFound("There is no sign-off group '" + key + "'."));
    }
}
