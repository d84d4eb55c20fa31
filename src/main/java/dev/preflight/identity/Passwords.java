package dev.preflight.identity;

import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.elytron.security.common.BcryptUtil;

import dev.preflight.platform.PreflightConfig;
import dev.preflight.platform.api.InputValidator;

/** Password hashing with bcrypt, and the rules a new password must meet. */
@ApplicationScoped
public class Passwords {

    static final int MIN_LENGTH = 12;
    /** bcrypt reads at most 72 bytes; a longer password would be silently cut. */
    static final int MAX_BYTES = 72;

    /** A hash no password matches, checked when the account is unknown so that timing does not tell. */
    private final String decoy;
    private final int cost;

    public Passwords(PreflightConfig config) {
        this.cost = config.auth().bcryptCost();
        this.decoy = BcryptUtil.bcryptHash(Secrets.random(), cost);
    }

    public String hash(String password) {
        return BcryptUtil.bcryptHash(password, cost);
    }

    /** Whether the password matches; with no hash (unknown account) it spends the same time and says no. */
    public boolean matches(String password, String hash) {
        if (password == null || hash == null) {
            BcryptUtil.matches(password == null ? "" : password, decoy);
            return false;
        }
        return BcryptUtil.matches(password, hash);
    }

    /** Adds an error for the field when the password breaks the rules. */
    public static void validate(String field, String password, InputValidator.Errors errors) {
        if (password == null || password.length() < MIN_LENGTH) {
            errors.add(field, "must be at least " + MIN_LENGTH + " characters");
        } else if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            errors.add(field, "must be at most " + MAX_BYTES + " bytes");
        } else if (password.isBlank()) {
            errors.add(field, "must not be only spaces");
        }
    }

    public static String generate() {
        return Secrets.password();
    }
}
