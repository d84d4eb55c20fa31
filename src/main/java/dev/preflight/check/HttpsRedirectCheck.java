package dev.preflight.check;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The https-redirect check: the service's address asked over plain http:// must redirect (301, 302,
 * 307 or 308) to an https:// address on the same host. {@code url} is the service's address, in
 * either scheme; plain http:// is asked on port 80, or on {@code httpPort}, or on the port of an
 * http:// {@code url}. The redirect is reported, never followed.
 */
final class HttpsRedirectCheck implements CheckKind<HttpsRedirectCheck.Plan> {

    private static final List<String> SETTINGS = List.of("url", "httpPort");
    private static final Statuses REDIRECTS = Statuses.of(301, 302, 307, 308);

    /** The settings as a run uses them. */
    record Plan(String url, Long httpPort) {
    }

    private final Outbound outbound;

    HttpsRedirectCheck(Outbound outbound) {
        this.outbound = outbound;
    }

    @Override
    public String key() {
        return "https-redirect";
    }

    @Override
    public List<String> settings() {
        return SETTINGS;
    }

    @Override
    public Plan read(ConfigReader config) {
        return new Plan(config.url("url", true, List.of("http", "https")), config.whole("httpPort", 1, 65535));
    }

    @Override
    public String describe(Plan plan) {
        return "plain http:// of " + plan.url() + " redirects to https://";
    }

    @Override
    public Findings run(Plan plan, Run run) {
        URI given = URI.create(plan.url());
        int port = plan.httpPort() != null ? plan.httpPort().intValue()
                : given.getScheme().equalsIgnoreCase("http") ? given.getPort() : -1;
        URI plain;
        try {
            plain = new URI("http", null, given.getHost(), port, given.getRawPath().isEmpty() ? "/" : given.getPath(),
                    given.getQuery(), null);
        } catch (URISyntaxException e) {
            throw new NotRun("url", "an address that can be asked over http://", plan.url() + " cannot be: "
                    + e.getMessage());
        }
        String asked = "GET " + plain + " (redirects not followed)";
        Outbound.Answer answer;
        try {
            answer = outbound.send("GET", plain.toString(), Map.of(), false, false);
        } catch (Outbound.Unanswered e) {
            return new Findings(asked, List.of(e.observation()));
        }
        List<Observation> observations = new ArrayList<>();
        observations.add(new Observation("status", REDIRECTS.toString(), Integer.toString(answer.status()),
                REDIRECTS.allows(answer.status())));
        String location = answer.headers().firstValue("Location").orElse(null);
        observations.add(new Observation("Location", "an https:// address on " + given.getHost(),
                location == null ? "(missing)" : location, secureOnSameHost(plain, location)));
        return new Findings(asked, observations);
    }

    private static boolean secureOnSameHost(URI asked, String location) {
        if (location == null) {
            return false;
        }
        try {
            URI target = asked.resolve(new URI(location.trim()));
            return "https".equalsIgnoreCase(target.getScheme()) && asked.getHost().equalsIgnoreCase(target.getHost());
        } catch (URISyntaxException | IllegalArgumentException e) {
            return false;
        }
    }
}
