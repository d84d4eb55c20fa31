package dev.preflight.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.oidc.IdTokenCredential;
import io.quarkus.oidc.SecurityEvent;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;

import dev.preflight.audit.AuditLog;
import dev.preflight.platform.Actor;
import dev.preflight.platform.PreflightConfig;
import dev.preflight.platform.security.Role;
import dev.preflight.team.TeamDirectory;

/**
 * People and service accounts of the OpenID Connect provider become Preflight users on their first
 * request (identified by issuer and subject). Their role follows the provider's roles when it sends
 * any of Preflight's, their teams follow the teams claim when one is configured and present;
 * otherwise admins set both on the admin pages.
 */
@ApplicationScoped
public class OidcUsers implements SecurityIdentityAugmentor {

    private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

    private final PreflightConfig config;
    private final TeamDirectory teams;
    private final AuditLog audit;
    private final ManagedExecutor executor;

    public OidcUsers(PreflightConfig config, TeamDirectory teams, AuditLog audit, ManagedExecutor executor) {
        this.config = config;
        this.teams = teams;
        this.audit = audit;
        this.executor = executor;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || identity.getAttribute(Caller.ATTRIBUTE) != null
                || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return Uni.createFrom().item(identity);
        }
        boolean browser = identity.getCredential(IdTokenCredential.class) != null;
        Set<String> providerRoles = identity.getRoles();
        return context.runBlocking(() -> Callers.identity(provision(jwt, providerRoles, browser)));
    }

    private Caller provision(JsonWebToken jwt, Set<String> providerRoles, boolean browser) {
        return QuarkusTransaction.requiringNew().call(() -> {
            String issuer = jwt.getIssuer();
            String subject = jwt.getSubject();
            Optional<User> existing = User.findByOidc(issuer, subject);
            User user = existing.orElseGet(User::new);
            if (existing.isEmpty()) {
                user.oidcIssuer = issuer;
                user.oidcSubject = subject;
                user.username = freeUsername(usernameOf(jwt), issuer, subject);
            } else if (!user.enabled) {
                throw new AuthenticationFailedException("The Preflight account of this user is disabled");
            }
            user.displayName = Optional.ofNullable(jwt.<String> getClaim("name")).filter(n -> !n.isBlank())
                    .orElse(user.username);
            user.email = jwt.getClaim("email");
            mappedRole(providerRoles).ifPresent(role -> user.role = role);
            teamsFromClaim(jwt).ifPresent(slugs -> {
                user.teams.clear();
                slugs.forEach(slug -> teams.lookup(slug).ifPresent(user.teams::add));
            });
            Instant now = Instant.now();
            if (user.lastLoginAt == null || user.lastLoginAt.plus(TOUCH_INTERVAL).isBefore(now)) {
                user.lastLoginAt = now;
            }
            if (existing.isEmpty()) {
                user.persistAndFlush();
                audit.record(Actor.SYSTEM, "user.provision", "user", user.username, null, UserView.of(user));
            }
            String sessionKey = browser ? Optional.ofNullable(jwt.<String> getClaim("sid")).orElse(subject) : null;
            return Callers.of(user, browser ? Caller.Via.WEB : Caller.Via.API, null, true, sessionKey);
        });
    }

    /** Sign-ins and sign-outs at the provider, for the audit log. */
    void onSecurityEvent(@Observes SecurityEvent event) {
        String action = switch (event.getEventType()) {
            case OIDC_LOGIN -> "auth.login.success";
            case OIDC_LOGOUT_RP_INITIATED -> "auth.logout";
            default -> null;
        };
        SecurityIdentity identity = event.getSecurityIdentity();
        if (action == null || identity == null || identity.isAnonymous()) {
            return;
        }
        String name = identity.getPrincipal().getName();
        executor.runAsync(() -> audit.recordAttempt(new Actor(null, name, "web"), action, "user", name));
    }

    private Optional<Role> mappedRole(Set<String> providerRoles) {
        PreflightConfig.Oidc names = config.auth().oidc();
        if (providerRoles.contains(names.adminRole())) {
            return Optional.of(Role.ADMIN);
        }
        if (providerRoles.contains(names.approverRole())) {
            return Optional.of(Role.APPROVER);
        }
        if (providerRoles.contains(names.engineerRole())) {
            return Optional.of(Role.ENGINEER);
        }
        if (providerRoles.contains(names.viewerRole())) {
            return Optional.of(Role.VIEWER);
        }
        return Optional.empty();
    }

    private Optional<List<String>> teamsFromClaim(JsonWebToken jwt) {
        return config.auth().oidc().teamsClaim().map(jwt::getClaim).map(claim -> {
            Collection<?> values = claim instanceof Collection<?> c ? c : List.of(claim);
            return values.stream().map(v -> v.toString().replace("\"", "").replaceFirst("^/", "")).toList();
        });
    }

    private static String usernameOf(JsonWebToken jwt) {
        String preferred = Optional.ofNullable(jwt.<String> getClaim("preferred_username")).orElse(jwt.getSubject());
        String clean = preferred.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._@-]", "-").replaceAll("^[^a-z0-9]+", "");
        clean = clean.isEmpty() ? "user" : clean;
        return clean.length() > 90 ? clean.substring(0, 90) : clean;
    }

    private static String freeUsername(String wanted, String issuer, String subject) {
        if (User.findByUsername(wanted).isEmpty()) {
            return wanted;
        }
        return wanted + "-" + Secrets.sha256(issuer + " " + subject).substring(0, 8);
    }
}
