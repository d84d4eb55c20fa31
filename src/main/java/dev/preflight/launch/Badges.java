package dev.preflight.launch;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.preflight.identity.Access;
import dev.preflight.platform.SigningKeys;
import dev.preflight.platform.api.Page;
import dev.preflight.service.Service;
import dev.preflight.service.ServiceLaunches;
import dev.preflight.template.Phase;

/**
 * A service's launches for its page, and its readiness badge: an SVG of the current launch's
 * readiness and state. The badge's address carries a key signed for that service, so a README can
 * show it without a session while other services' badges stay out of reach.
 */
@ApplicationScoped
public class Badges implements ServiceLaunches {

    private final LaunchWorkflow launches;
    private final SigningKeys keys;
    private final Access access;
    private final CheckBoard checks;

    public Badges(LaunchWorkflow launches, SigningKeys keys, Access access, CheckBoard checks) {
        this.checks = checks;
        this.launches = launches;
        this.keys = keys;
        this.access = access;
    }

    @Override
    public List<Row> of(String serviceSlug) {
        return launches.search(new LaunchFilter(serviceSlug, null, null, null, null), new Page.Request(1, Page.DEFAULT_SIZE))
                .items().stream().map(l -> new Row(l.id(), l.name(), l.state().key(), l.state().label(), l.targetDate(),
                        l.progress().percent(), l.progress().openBlockers()))
                .toList();
    }

    @Override
    public Checks checks(String serviceSlug) {
        return checks.counts(serviceSlug);
    }

    @Override
    @Transactional
    public List<Duty> duties(String serviceSlug) {
        List<Launch> live = Launch.<Launch>find("service.slug = ?1 and state in ?2 order by launchedAt desc, id desc",
                serviceSlug, LaunchState.LIVE).page(0, 1).list();
        if (live.isEmpty()) {
            return List.of();
        }
        LaunchViews.Detail launch = launches.get(live.get(0).id);
        return launch.items().stream().filter(i -> i.phase() == Phase.ONGOING)
                .map(i -> new Duty(launch.id(), i.key(), i.title(), i.recurrenceDays(), i.condition().key(),
                        i.condition().label(), i.resolved(), i.staleAt()))
                .toList();
    }

    @Override
    public String badgePath(String serviceSlug) {
        return "/badges/" + URLEncoder.encode(serviceSlug, StandardCharsets.UTF_8) + ".svg?key=" + key(serviceSlug);
    }

    @Override
    public boolean mayOpen(String serviceSlug) {
        return Service.findBySlug(serviceSlug).map(s -> access.mayWorkOnLaunches(s.team.id)).orElse(false);
    }

    boolean validKey(String serviceSlug, String key) {
        return key != null && MessageDigest.isEqual(key(serviceSlug).getBytes(StandardCharsets.US_ASCII),
                key.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * The badge of the service's current launch: the not yet finished one with the nearest target
     * date, else the last launched; empty when the service has none.
     */
    @Transactional
    public Optional<LaunchViews.Summary> current(String serviceSlug) {
        if (Service.findBySlug(serviceSlug).isEmpty()) {
            throw Service.notFound(serviceSlug);
        }
        List<Launch> open = Launch.<Launch>find("service.slug = ?1 and state not in ?2 order by targetDate, id",
                serviceSlug, LaunchState.REVIEW_OVER).page(0, 1).list();
        List<Launch> candidates = open.isEmpty()
                ? Launch.<Launch>find("service.slug = ?1 and state in ?2 order by decidedAt desc, id desc", serviceSlug,
                        LaunchState.LIVE).page(0, 1).list()
                : open;
        return launches.summaries(candidates).stream().findFirst();
    }

    /** The badge as SVG: "launch" and the readiness and state, coloured by state. */
    static String svg(Optional<LaunchViews.Summary> launch) {
        String value = launch.map(l -> l.progress().percent() + "% · " + l.state().label()).orElse("none");
        String colour = launch.map(l -> switch (l.state()) {
            case GO, LAUNCHED, CLOSED -> "#1a7f37";
            case NO_GO -> "#cf222e";
            case IN_REVIEW -> "#1d4ed8";
            default -> "#6e7781";
        }).orElse("#6e7781");
        int left = 52;
        int right = 12 + value.length() * 7;
        int width = left + right;
        return """
                <svg xmlns="http://www.w3.org/2000/svg" width="%d" height="20" role="img" aria-label="launch: %s">\
                <title>launch: %s</title>\
                <rect width="%d" height="20" fill="#555"/><rect x="%d" width="%d" height="20" fill="%s"/>\
                <g fill="#fff" font-family="Verdana,DejaVu Sans,sans-serif" font-size="11">\
                <text x="8" y="14">launch</text><text x="%d" y="14">%s</text></g></svg>
                """.formatted(width, value, value, left, left, right, colour, left + 6, value);
    }

    private String key(String serviceSlug) {
        return keys.sign(SigningKeys.Purpose.BADGE, "badge|" + serviceSlug).substring(0, 22);
    }
}
