package dev.preflight.identity;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;

import dev.preflight.audit.AuditLog;
import dev.preflight.platform.api.InputValidator;
import dev.preflight.platform.api.Page;
import dev.preflight.platform.api.Versions;
import dev.preflight.platform.problems.ProblemException;
import dev.preflight.platform.security.Role;
import dev.preflight.platform.text.Text;
import dev.preflight.team.Team;
import dev.preflight.team.TeamDirectory;

/** Users and their teams, as admins manage them. Every change is audited. */
@ApplicationScoped
public class UserDirectory {

    private final InputValidator validator;
    private final Passwords passwords;
    private final Sessions sessions;
    private final TeamDirectory teams;
    private final AuditLog audit;
    private final Access access;
    private final SignIn signIn;

    public UserDirectory(InputValidator validator, Passwords passwords, Sessions sessions, TeamDirectory teams,
            AuditLog audit, Access access, SignIn signIn) {
        this.signIn = signIn;
        this.validator = validator;
        this.passwords = passwords;
        this.sessions = sessions;
        this.teams = teams;
        this.audit = audit;
        this.access = access;
    }

    public Page<UserView> list(Page.Request request) {
        PanacheQuery<User> query = User.findAll(Sort.by("username"));
        return new Page<>(query.page(request.page() - 1, request.size()).list().stream().map(UserView::of).toList(),
                request.page(), request.size(), query.count());
    }

    public UserView get(String username) {
        return UserView.of(find(username));
    }

    /** The user entity of a user name, for features that act for a user (their tokens). */
    public User find(String username) {
        return User.findByUsername(username)
                .orElseThrow(() -> ProblemException.notFound("There is no user '" + username + "'."));
    }

    public List<UserView> members(Team team) {
        return User.<User> list("select u from User u join u.teams t where t = ?1 order by u.username", team).stream()
                .map(UserView::of).toList();
    }

    @Transactional
    public UserView.WithPassword create(UserInput input) {
        access.require(Role.ADMIN);
        InputValidator.Errors errors = validator.check(input);
        if (input.username() == null || input.username().isBlank()) {
            errors.add("username", "is required");
        }
        NewPassword password = NewPassword.of(input.password(), errors);
        Set<Team> memberOf = teams(input.teams(), errors);
        errors.throwIfAny();
        if (User.findByUsername(input.username()).isPresent()) {
            throw ProblemException.conflict("A user named '" + input.username() + "' already exists.");
        }
        User user = new User();
        user.username = input.username();
        apply(user, input, memberOf);
        user.passwordHash = passwords.hash(password.value());
        user.persistAndFlush();
        audit.record("user.create", "user", user.username, null, UserView.of(user));
        return new UserView.WithPassword(UserView.of(user), password.generated());
    }

    @Transactional
    public UserView update(String username, UserInput input, Long expectedVersion) {
        Caller admin = access.require(Role.ADMIN);
        User user = find(username);
        InputValidator.Errors errors = validator.check(input);
        if (input.username() != null && !input.username().equals(username)) {
            errors.add("username", "cannot be changed");
        }
        if (input.password() != null) {
            errors.add("password", "is changed through the password reset, not here");
        }
        Set<Team> memberOf = teams(input.teams(), errors);
        errors.throwIfAny();
        Versions.check("The user", user.version, expectedVersion);
        boolean staysAdmin = input.role() == Role.ADMIN && !Boolean.FALSE.equals(input.enabled());
        if (user.role == Role.ADMIN && user.enabled && !staysAdmin && otherEnabledAdmins(user) == 0) {
            throw ProblemException.conflict("'" + username + "' is the last enabled admin; make someone else admin first.");
        }
        UserView before = UserView.of(user);
        apply(user, input, memberOf);
        User.flush();
        if (!user.enabled) {
            sessions.endAll(user);
        }
        audit.record(admin.userId() == user.id ? "user.update-self" : "user.update", "user", username, before,
                UserView.of(user));
        return UserView.of(user);
    }

    /** Sets a new password (generated when none is given) and ends the user's sessions. */
    @Transactional
    public UserView.WithPassword resetPassword(String username, String newPassword) {
        access.require(Role.ADMIN);
        User user = find(username);
        InputValidator.Errors errors = new InputValidator.Errors();
        NewPassword password = NewPassword.of(newPassword, errors);
        errors.throwIfAny();
        user.passwordHash = passwords.hash(password.value());
        sessions.endAll(user);
        audit.record("user.password-reset", "user", username, null, null);
        return new UserView.WithPassword(UserView.of(user), password.generated());
    }

    /** A signed-in local user changes their own password, proving the current one. */
    @Transactional
    public void changeOwnPassword(String currentPassword, String newPassword, String address) {
        Caller caller = access.require(Role.VIEWER);
        User user = User.<User> findByIdOptional(caller.userId()).orElseThrow();
        signIn.refuseWhileHeldBack(user.username, address);
        InputValidator.Errors errors = new InputValidator.Errors();
        if (user.passwordHash == null || !passwords.matches(currentPassword, user.passwordHash)) {
            signIn.wrongPassword(user.username, address);
            errors.add("currentPassword", "is not your current password");
        }
        Passwords.validate("newPassword", newPassword, errors);
        errors.throwIfAny();
        user.passwordHash = passwords.hash(newPassword);
        int ended = sessions.endAllBut(user, caller.sessionKey());
        audit.record("user.password-change", "user", user.username, null, Map.of("otherSessionsEnded", ended));
    }

    /** Puts a user in a team (admins only); returns the members afterwards. */
    @Transactional
    public List<UserView> addMember(String teamSlug, String username) {
        return changeMembership(teamSlug, username, true);
    }

    /** Takes a user out of a team (admins only); returns the members afterwards. */
    @Transactional
    public List<UserView> removeMember(String teamSlug, String username) {
        return changeMembership(teamSlug, username, false);
    }

    private List<UserView> changeMembership(String teamSlug, String username, boolean member) {
        access.require(Role.ADMIN);
        Team team = team(teamSlug);
        User user = find(username);
        boolean changed = member ? user.teams.add(team) : user.teams.remove(team);
        if (changed) {
            audit.record(member ? "team.member-add" : "team.member-remove", "team", team.slug,
                    member ? null : username, member ? username : null);
        }
        User.flush();
        return members(team);
    }

    public Team team(String slug) {
        return teams.lookup(slug).orElseThrow(() -> Team.notFound(slug));
    }

    private Set<Team> teams(List<String> slugs, InputValidator.Errors errors) {
        Set<Team> found = new HashSet<>();
        for (String slug : slugs == null ? List.<String> of() : slugs) {
            Optional<Team> team = teams.lookup(slug);
            if (team.isPresent()) {
                found.add(team.get());
            } else {
                errors.add("teams", Team.missing(slug));
            }
        }
        return found;
    }

    private static void apply(User user, UserInput input, Set<Team> memberOf) {
        user.displayName = input.displayName().trim();
        user.email = Text.blankToNull(input.email());
        user.role = input.role();
        user.enabled = !Boolean.FALSE.equals(input.enabled());
        user.teams.clear();
        user.teams.addAll(memberOf);
    }

    private static long otherEnabledAdmins(User user) {
        return User.count("role = ?1 and enabled = true and id <> ?2", Role.ADMIN, user.id);
    }

    /** The password an admin gave, checked against the rules, or a generated one to show once. */
    private record NewPassword(String value, String generated) {

        static NewPassword of(String given, InputValidator.Errors errors) {
            if (given == null || given.isEmpty()) {
                String generated = Passwords.generate();
                return new NewPassword(generated, generated);
            }
            Passwords.validate("password", given, errors);
            return new NewPassword(given, null);
        }
    }
}
