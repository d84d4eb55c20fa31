package dev.preflight.identity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

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
        } else if (Common.PASSWORDS.contains(password.toLowerCase(Locale.ROOT))) {
            errors.add(field, "is one of the " + String.format(Locale.ROOT, "%,d", Common.COUNT)
                    + " most common passwords, the first ones guessed; "
                    + "choose another");
        }
    }

    /**
     * The most common passwords, most common first, from the list zxcvbn ships (drawn from leaked
     * password sets); read once, when first needed.
     */
    static final class Common {

        static final int COUNT = 30_000;
        private static final String LIST = "/com/nulabinc/zxcvbn/matchers/dictionaries/passwords.txt";
        static final Set<String> PASSWORDS = read();

        private Common() {
        }

        private static Set<String> read() {
            try (InputStream in = Passwords.class.getResourceAsStream(LIST)) {
                if (in == null) {
                    throw new IllegalStateException("The list of common passwords is missing: " + LIST);
                }
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                    return lines.lines().map(String::trim).filter(l -> !l.isEmpty()).limit(COUNT)
                            .map(l -> l.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
                }
            } catch (IOException e) {
                throw new UncheckedIOException("The list of common passwords could not be read", e);
            }
        }
    }

    public static String generate() {
        return Secrets.password();
    }
}
