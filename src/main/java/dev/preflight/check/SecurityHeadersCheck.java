package dev.preflight.check;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The security-headers check: the headers of the answer to GET {@code url} (redirects not followed),
 * against a {@code profile} (the values a checklist's document gives: {@code launch-checklist},
 * {@code ai-assisted-code}) and/or {@code headers}: {@code {Name: expectedValue}} or the http check's
 * {@code {present: true}}, {@code {equals: "v"}}, {@code {matches: "regex"}}. A header named in both
 * is held to {@code headers}.
 */
final class SecurityHeadersCheck implements CheckKind<SecurityHeadersCheck.Plan> {

    private static final List<String> SETTINGS = List.of("url", "profile", "headers");

    /** The settings as a run uses them. */
    record Plan(String url, SecurityProfile profile, List<HeaderRule> headers) {

        /** The profile's headers, then those named in the configuration, each header once. */
        List<HeaderRule> expected() {
            List<HeaderRule> all = new ArrayList<>();
            if (profile != null) {
                profile.headers().stream().filter(p -> headers.stream().noneMatch(h -> same(h, p))).forEach(all::add);
            }
            all.addAll(headers);
            return all;
        }

        private static boolean same(HeaderRule a, HeaderRule b) {
            return a.header().toLowerCase(Locale.ROOT).equals(b.header().toLowerCase(Locale.ROOT));
        }
    }

    private final Outbound outbound;

    SecurityHeadersCheck(Outbound outbound) {
        this.outbound = outbound;
    }

    @Override
    public String key() {
        return "security-headers";
    }

    @Override
    public List<String> settings() {
        return SETTINGS;
    }

    @Override
    public Plan read(ConfigReader config) {
        String url = config.url("url", true, List.of("http", "https"));
        String key = config.text("profile", false);
        SecurityProfile profile = key == null ? null : SecurityProfile.byKey(key.trim()).orElse(null);
        if (key != null && profile == null) {
            config.problem("profile", "must be one of " + String.join(", ",
                    Arrays.stream(SecurityProfile.values()).map(SecurityProfile::key).toList()));
        }
        List<HeaderRule> headers = HeaderRule.readAll(config.section("headers", "headers"), true);
        if (!config.has("profile") && !config.has("headers")) {
            config.problem("profile", "is required, unless headers names the headers to check");
        }
        return new Plan(url, profile, headers);
    }

    @Override
    public String describe(Plan plan) {
        List<String> named = plan.headers().stream().map(HeaderRule::header).toList();
        if (plan.profile() == null) {
            return "security headers " + String.join(", ", named) + " of " + plan.url();
        }
        return "security headers (" + plan.profile().words() + " profile" + (named.isEmpty() ? "" : ", and "
                + String.join(", ", named)) + ") of " + plan.url();
    }

    @Override
    public Findings run(Plan plan, Run run) {
        String asked = "GET " + plan.url() + " (redirects not followed)";
        try {
            Outbound.Answer answer = outbound.send("GET", plan.url(), Map.of(), false, false);
            return new Findings(asked, plan.expected().stream().map(rule -> rule.check(answer.headers())).toList());
        } catch (Outbound.Unanswered e) {
            return new Findings(asked, List.of(e.observation()));
        }
    }
}
