package dev.preflight.check;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The security headers a checklist's document asks for, with the exact values it gives. Each
 * profile is what the document of a built-in template prints, header by header.
 */
enum SecurityProfile {

    /**
     * The launch-readiness template's document ("Production Readiness", its Launch Checklist), the
     * list under "Security Hardening: HTTP Security Headers".
     */
    LAUNCH_CHECKLIST("launch-checklist", "launch checklist", List.of(
            HeaderRule.equalTo("Strict-Transport-Security", "max-age=31536000; includeSubDomains"),
            HeaderRule.equalTo("Content-Security-Policy", "default-src 'self'"),
            HeaderRule.equalTo("X-Content-Type-Options", "nosniff"),
            HeaderRule.equalTo("X-Frame-Options", "DENY"),
            HeaderRule.equalTo("Referrer-Policy", "strict-origin-when-cross-origin"),
            HeaderRule.equalTo("Permissions-Policy", "geolocation=(), microphone=()"))),

    /**
     * The shipping-ai-assisted-code template's document ("Production Readiness" for AI-assisted
     * code), its nginx {@code add_header} lines under "Security Headers". X-XSS-Protection is there
     * although current browsers ignore it; the template keeps it as a minor item too.
     */
    AI_ASSISTED_CODE("ai-assisted-code", "AI-assisted code", List.of(
            HeaderRule.equalTo("Strict-Transport-Security", "max-age=63072000"),
            HeaderRule.equalTo("X-Content-Type-Options", "nosniff"),
            HeaderRule.equalTo("X-Frame-Options", "DENY"),
            HeaderRule.equalTo("X-XSS-Protection", "1; mode=block"),
            HeaderRule.equalTo("Content-Security-Policy", "default-src 'self'; script-src 'self'"),
            HeaderRule.equalTo("Referrer-Policy", "strict-origin-when-cross-origin"),
            HeaderRule.equalTo("Permissions-Policy", "camera=(), microphone=(), geolocation=()")));

    private final String key;
    private final String words;
    private final List<HeaderRule> headers;

    SecurityProfile(String key, String words, List<HeaderRule> headers) {
        this.key = key;
        this.words = words;
        this.headers = headers;
    }

    String key() {
        return key;
    }

    /** Its name in sentences: "launch checklist". */
    String words() {
        return words;
    }

    List<HeaderRule> headers() {
        return headers;
    }

    static Optional<SecurityProfile> byKey(String key) {
        return Arrays.stream(values()).filter(p -> p.key.equals(key)).findFirst();
    }
}
