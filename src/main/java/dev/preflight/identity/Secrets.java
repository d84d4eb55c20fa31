package dev.preflight.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import dev.preflight.platform.text.Hashes;

/** Random secrets and their digests, for session cookies, API tokens and generated passwords. */
public final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PASSWORD_ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private Secrets() {
    }

    /** 256 random bits, URL-safe. */
    public static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A password of 24 letters and digits (about 140 bits), easy to copy without confusable characters. */
    static String password() {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 24; i++) {
            password.append(PASSWORD_ALPHABET.charAt(RANDOM.nextInt(PASSWORD_ALPHABET.length())));
        }
        return password.toString();
    }

    /**
     * Whether a secret someone chose looks drawn at random: at least 128 bits counted from its length
     * and its alphabet (64 URL-safe characters when it mixes kinds of character, else the one kind it
     * uses), many different characters (half its length, or 16), and not made mostly of repeats or
     * runs (aaaa, abcd, 1234).
     */
    static boolean looksRandom(String secret) {
        long kinds = secret.chars().map(c -> Character.isDigit(c) ? 0 : Character.isLowerCase(c) ? 1
                : Character.isUpperCase(c) ? 2 : 3).distinct().count();
        int alphabet = kinds > 1 ? 64 : secret.chars().allMatch(Character::isDigit) ? 10 : 26;
        double bits = secret.length() * Math.log(alphabet) / Math.log(2);
        long distinct = secret.chars().distinct().count();
        int steady = 0;
        for (int i = 2; i < secret.length(); i++) {
            if (secret.charAt(i) - secret.charAt(i - 1) == secret.charAt(i - 1) - secret.charAt(i - 2)) {
                steady++;
            }
        }
        return bits >= 128 && distinct >= Math.min(16, secret.length() / 2) && steady * 4 <= secret.length();
    }

    static String sha256(String value) {
        return Hashes.sha256(value);
    }

    /** Compares in time independent of where the inputs differ. */
    static boolean same(String a, String b) {
        return a != null && b != null
                && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
