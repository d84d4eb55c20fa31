package dev.preflight.identity;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Sort;

import dev.preflight.audit.AuditLog;
import dev.preflight.platform.PreflightConfig;
import dev.preflight.platform.api.InputValidator;
import dev.preflight.platform.problems.ProblemException;

/**
 * API tokens: {@code pf_} and 256 random bits, stored only as SHA-256, shown once. A token acts as
 * its owner, narrowed to its scopes; a disabled owner's tokens stop working with the owner.
 */
@ApplicationScoped
public class ApiTokens {

    public static final String PREFIX = "pf_";
    /** What a token looks like: the prefix and at least 128 bits in URL-safe Base64. */
    static final Pattern SHAPE = Pattern.compile("pf_[A-Za-z0-9_-]{22,128}");

    private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);
    private static final Set<String> SCOPES = Set.of("read", "write");

    /** The last day a token may be valid, whatever the configuration: dates must stay four-digit years. */
    private static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 30);

    private final InputValidator validator;
    private final AuditLog audit;
    private final CallerLookup lookup;
    private final Optional<Integer> maxDays;

    public ApiTokens(InputValidator validator, AuditLog audit, CallerLookup lookup, PreflightConfig config) {
        this.validator = validator;
        this.audit = audit;
        this.lookup = lookup;
        this.maxDays = config.auth().tokenMaxDays().filter(days -> days > 0);
    }

    /** The longest a token may last here, in days, when an administrator set it. */
    public Optional<Integer> maxDays() {
        return maxDays;
    }

    @Transactional
    public TokenView.Created create(User owner, TokenInput input) {
        InputValidator.Errors errors = validator.check(input);
        List<String> scopes = input.scopes() == null || input.scopes().isEmpty() ? List.of("read") : input.scopes();
        if (!SCOPES.containsAll(scopes) || !scopes.contains("read")) {
            errors.add("scopes", "must be [\"read\"] or [\"read\", \"write\"]");
        }
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        if (input.expiresOn() == null) {
            maxDays.ifPresent(days -> errors.add("expiresOn", "is required: tokens last at most " + days
                    + " days here"));
        } else if (!input.expiresOn().isAfter(today)) {
            errors.add("expiresOn", "must be a day after today");
        } else if (maxDays.isPresent() && input.expiresOn().isAfter(today.plusDays(maxDays.get()))) {
            errors.add("expiresOn", "must be at most " + maxDays.get() + " days from today ("
                    + today.plusDays(maxDays.get()) + "), the longest a token may last here");
        } else if (input.expiresOn().isAfter(LAST_DAY)) {
            errors.add("expiresOn", "must be " + LAST_DAY + " or earlier");
        }
        if (input.name() != null && ApiToken.count("user = ?1 and name = ?2", owner, input.name().trim()) > 0) {
            errors.add("name", "is already the name of one of your tokens");
        }
        errors.throwIfAny();
        String secret = PREFIX + Secrets.random();
        ApiToken token = register(owner, input.name().trim(), secret, scopes.contains("write"),
                input.expiresOn() == null ? null : input.expiresOn().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
        audit.record("token.create", "api_token", String.valueOf(token.id), null, TokenView.of(token, Instant.now()));
        return new TokenView.Created(TokenView.of(token, Instant.now()), secret);
    }

    /** Stores a token whose secret was chosen elsewhere (the first administrator's, from configuration). */
    ApiToken register(User owner, String name, String secret, boolean write, Instant expiresAt) {
        ApiToken token = new ApiToken();
        token.user = owner;
        token.name = name;
        token.prefix = secret.substring(0, Math.min(secret.length(), 10));
        token.secretHash = Secrets.sha256(secret);
        token.scopes = write ? "read write" : "read";
        token.expiresAt = expiresAt;
        token.persistAndFlush();
        return token;
    }

    public List<TokenView> list(User owner) {
        Instant now = Instant.now();
        return ApiToken.<ApiToken> list("user", Sort.descending("createdAt"), owner).stream()
                .map(t -> TokenView.of(t, now)).toList();
    }

    @Transactional
    public TokenView revoke(User owner, long id) {
        ApiToken token = ApiToken.<ApiToken> find("id = ?1 and user = ?2", id, owner).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("There is no token " + id + "."));
        if (token.revokedAt == null) {
            TokenView before = TokenView.of(token, Instant.now());
            token.revokedAt = Instant.now();
            audit.record("token.revoke", "api_token", String.valueOf(token.id), before, TokenView.of(token, Instant.now()));
        }
        return TokenView.of(token, Instant.now());
    }

    /**
     * The caller a presented token stands for: empty unless it is well-formed, known, active and its
     * owner enabled. One query.
     */
    Optional<Caller> resolve(String secret) {
        boolean wellFormed = secret != null && SHAPE.matcher(secret).matches();
        Optional<CallerLookup.TokenRow> found = wellFormed ? lookup.token(Secrets.sha256(secret)) : Optional.empty();
        Instant now = Instant.now();
        return found.filter(t -> active(t, now)).map(token -> {
                    if (token.lastUsedAt() == null || token.lastUsedAt().plus(TOUCH_INTERVAL).isBefore(now)) {
                        lookup.touchToken(token.id(), now);
                    }
                    return Callers.of(token.owner(), Caller.Via.TOKEN, token.name(), token.write(), null);
                });
    }

    /** Whether a user's token of this name is still active (a stream it opened may go on). */
    boolean active(long userId, String name) {
        return lookup.token(userId, name).filter(t -> active(t, Instant.now())).isPresent();
    }

    /** Neither revoked nor expired, and its owner enabled. */
    private static boolean active(CallerLookup.TokenRow token, Instant now) {
        return token.revokedAt() == null && (token.expiresAt() == null || token.expiresAt().isAfter(now))
                && token.owner().enabled();
    }
}
