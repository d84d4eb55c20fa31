package dev.preflight.identity;

import java.util.Set;

import dev.preflight.platform.security.Role;

/**
 * Who is making the current request, and how: the user, their role and teams, and the credential
 * they came with. Attached to the security identity; read it through {@link CurrentCaller}.
 *
 * @param canWrite   false for a read-only API token: such a request may only read
 * @param sessionKey what ties a browser's forms to its session (for CSRF tokens); null for scripts
 */
public record Caller(long userId, String username, String displayName, Role role, Set<Long> teamIds, Via via,
        String tokenName, boolean canWrite, String sessionKey) {

    static final String ATTRIBUTE = "preflight.caller";

    /** How a request was authenticated. */
    public enum Via {
        /** A browser with a session cookie (local sign-in or OpenID Connect code flow). */
        WEB,
        /** An OpenID Connect bearer token, such as a service account's. */
        API,
        /** A Preflight API token. */
        TOKEN
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    public boolean isMemberOf(long teamId) {
        return teamIds.contains(teamId);
    }

    /** As the audit log names the channel: web, api, or token:&lt;name&gt;. */
    public String channel() {
        return switch (via) {
            case WEB -> "web";
            case API -> "api";
            case TOKEN -> "token:" + tokenName;
        };
    }

    /** Whether the browser's cookie, not a header the page cannot forge, authenticated the request. */
    public boolean byCookie() {
        return via == Via.WEB;
    }
}
