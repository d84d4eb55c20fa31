package dev.preflight.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

import dev.preflight.audit.AuditLog;
import dev.preflight.platform.Actor;
import dev.preflight.platform.PreflightConfig;
import dev.preflight.platform.api.InputValidator;
import dev.preflight.platform.problems.ProblemException;
import dev.preflight.platform.security.Role;

/**
 * On the first start (no users yet) creates the first administrator. Its password comes from
 * {@code PREFLIGHT_ADMIN_PASSWORD} or is generated and written to a file only its owner can read;
 * the log says where, never what. {@code PREFLIGHT_ADMIN_TOKEN} registers an API token for it.
 * An advisory lock makes sure that of several instances starting at once, one does this.
 */
@ApplicationScoped
public class FirstStart {

    static final String PASSWORD_FILE = "initial-admin-password";
    private static final Logger LOG = Logger.getLogger(FirstStart.class);
    private static final long LOCK_KEY = 0x5072_6566_6c69_6768L;

    private final PreflightConfig config;
    private final AuthMode mode;
    private final Passwords passwords;
    private final ApiTokens tokens;
    private final AuditLog audit;
    private final EntityManager em;

    public FirstStart(PreflightConfig config, AuthMode mode, Passwords passwords, ApiTokens tokens, AuditLog audit,
            EntityManager em) {
        this.config = config;
        this.mode = mode;
        this.passwords = passwords;
        this.tokens = tokens;
        this.audit = audit;
        this.em = em;
    }

    void onStart(@Observes StartupEvent event) {
        Optional<String> token = config.admin().token().filter(t -> !t.isBlank());
        token.ifPresent(FirstStart::checkToken);
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("SELECT pg_advisory_xact_lock(:key)").setParameter("key", LOCK_KEY).getSingleResult();
            if (User.count() > 0 || (mode.oidc() && token.isEmpty())) {
                return;
            }
            User admin = new User();
            admin.username = config.admin().username().trim().toLowerCase(Locale.ROOT);
            admin.displayName = "Administrator";
            admin.role = Role.ADMIN;
            if (!mode.oidc()) {
                admin.passwordHash = passwords.hash(config.admin().password().filter(p -> !p.isBlank())
                        .map(FirstStart::checked).orElseGet(() -> writeGeneratedPassword(admin.username)));
            }
            admin.persistAndFlush();
            audit.record(Actor.SYSTEM, "user.create", "user", admin.username, null, UserView.of(admin));
            token.ifPresent(t -> {
                ApiToken registered = tokens.register(admin, "bootstrap", t, true, null);
                audit.record(Actor.SYSTEM, "token.create", "api_token", String.valueOf(registered.id), null,
                        TokenView.of(registered, Instant.now()));
                LOG.infof("Registered the API token from PREFLIGHT_ADMIN_TOKEN for '%s'", admin.username);
            });
        });
    }

    /** Refuses a configured token that does not look drawn at random; the start stops and says how to make one. */
    static void checkToken(String token) {
        if (!ApiTokens.SHAPE.matcher(token).matches() || !Secrets.looksRandom(token.substring(3))) {
            throw new IllegalStateException("PREFLIGHT_ADMIN_TOKEN must be 'pf_' followed by at least 22 "
                    + "characters of A-Z, a-z, 0-9, '-' or '_', drawn at random (128 bits or more; repeated "
                    + "or consecutive characters are refused); generate one with: "
                    + "echo pf_$(openssl rand -base64 32 | tr '+/' '-_' | tr -d '=')");
        }
    }

    /** The configured password, when it meets the rules every password meets; else the start fails, saying why. */
    static String checked(String password) {
        InputValidator.Errors errors = new InputValidator.Errors();
        Passwords.validate("PREFLIGHT_ADMIN_PASSWORD", password, errors);
        try {
            errors.throwIfAny();
        } catch (ProblemException e) {
            throw new IllegalStateException("PREFLIGHT_ADMIN_PASSWORD " + e.errors().get(0).message()
                    + "; set a stronger one, or leave it unset and a password is generated into the data folder", e);
        }
        return password;
    }

    private String writeGeneratedPassword(String username) {
        String password = Passwords.generate();
        Path file = Path.of(config.dataDir()).resolve(PASSWORD_FILE);
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            Files.writeString(file, password + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the first administrator's password to " + file, e);
        }
        LOG.warnf("Created the first administrator '%s'. Its generated password is in %s (readable by this user only);"
                + " sign in and change it, then delete the file.", username, file.toAbsolutePath());
        return password;
    }
}
