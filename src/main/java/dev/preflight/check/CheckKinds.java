package dev.preflight.check;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.preflight.platform.PreflightConfig;

/**
 * Every kind of check, by its key: validating a check's configuration, running it against a
 * service's endpoints, and saying in a line what it looks at. A configuration is a JSON object whose
 * strings may name the service's values ({@code ${service.baseUrl}}) and, where a kind allows,
 * secrets ({@code ${secret.NAME}}, from {@code preflight.check-secrets.NAME}). No secret's value
 * leaves a run: each kind shows a secret by its name, and every value revealed is replaced by
 * "(secret NAME)" in the outcome as well.
 */
@ApplicationScoped
public class CheckKinds {

    private static final Logger LOG = Logger.getLogger(CheckKinds.class);

    /** The kinds for reading checks where no bean is at hand: templates as they come in, and pages. */
    private static final class Reading {
        static final CheckKinds KINDS = new CheckKinds(CheckSettings.forReading());
    }

    private final CheckSettings settings;
    private final Map<String, CheckKind<?>> kinds = new LinkedHashMap<>();

    @Inject
    public CheckKinds(PreflightConfig config) {
        this(CheckSettings.of(config));
    }

    CheckKinds(CheckSettings settings) {
        this.settings = settings;
        Trust trust = new Trust(settings.trustStore());
        Outbound outbound = new Outbound(settings, trust);
        Stream.of(new HttpCheck(outbound), new HttpsRedirectCheck(outbound), new TlsCheck(outbound, trust),
                new SecurityHeadersCheck(outbound), new HealthCheck(outbound), new PrometheusCheck(outbound),
                new RepositoryFileCheck(settings, outbound, trust)).forEach(kind -> kinds.put(kind.key(), kind));
    }

    /** What is wrong with a check of a template; the same as {@link #validate}. */
    public static List<CheckProblem> problemsOf(String kind, Map<String, Object> config) {
        return Reading.KINDS.validate(kind, config);
    }

    /** What a check looks at, in a line; the same as {@link #describe}. */
    public static String described(String kind, Map<String, Object> config) {
        return Reading.KINDS.describe(kind, config);
    }

    /** The kinds' keys: http, https-redirect, tls, security-headers, health, prometheus, repository-file. */
    public List<String> keys() {
        return List.copyOf(kinds.keySet());
    }

    /**
     * What is wrong with a configuration of the kind, setting by setting; empty when it is valid.
     * Placeholders are allowed; a URL holding one is checked once it is filled in, when the check runs.
     */
    public List<CheckProblem> validate(String kind, Map<String, Object> config) {
        CheckKind<?> found = kind == null ? null : kinds.get(kind);
        if (found == null) {
            return List.of(new CheckProblem("kind", kind == null ? "is required" : "is not a kind of check (there are: "
                    + String.join(", ", kinds.keySet()) + ")"));
        }
        ConfigReader reader = ConfigReader.validating(kind, orEmpty(config), settings.secrets());
        found.read(reader);
        reader.only(found.settings());
        return reader.problems();
    }

    /**
     * Runs a check. {@code values} fills the {@code ${service.NAME}} placeholders (baseUrl, healthUrl,
     * readinessUrl, metricsUrl, prometheusUrl, repositoryUrl, slug); one that is missing or blank
     * leaves the check not run, naming it. Never throws.
     */
    public CheckOutcome run(String kind, Map<String, Object> config, Map<String, String> values) {
        Instant at = Instant.now();
        long start = System.nanoTime();
        Run run = new Run(settings.secrets());
        CheckKind.Findings findings;
        CheckOutcome.Verdict verdict;
        try {
            findings = execute(kind, orEmpty(config), values == null ? Map.of() : values, run);
            verdict = findings.observations().stream().allMatch(Observation::ok) ? CheckOutcome.Verdict.PASSED
                    : CheckOutcome.Verdict.FAILED;
        } catch (NotRun e) {
            findings = new CheckKind.Findings(describe(kind, config), List.of(e.reason()));
            verdict = CheckOutcome.Verdict.NOT_RUN;
        } catch (RuntimeException e) {
            String message = scrubber(run.revealed()).apply(Objects.requireNonNullElse(e.getMessage(), ""));
            if (run.revealed().isEmpty()) {
                LOG.warnf(e, "The %s check could not run", kind);
            } else {
                LOG.warnf("The %s check could not run: %s (%s)", kind, message, e.getClass().getName());
            }
            findings = new CheckKind.Findings("the " + kind + " check", List.of(new Observation("check",
                    "a run to its end", "the check broke: " + message, false)));
            verdict = CheckOutcome.Verdict.NOT_RUN;
        }
        long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        return scrub(new CheckOutcome(verdict, findings.asked(), findings.observations(), at, took), run.revealed());
    }

    /**
     * One line saying what the check looks at, placeholders as written: "security headers (launch
     * checklist profile) of ${service.baseUrl}".
     */
    public String describe(String kind, Map<String, Object> config) {
        CheckKind<?> found = kind == null ? null : kinds.get(kind);
        if (found == null) {
            return "a check of the unknown kind \"" + kind + "\"";
        }
        return describe(found, ConfigReader.validating(kind, orEmpty(config), settings.secrets()));
    }

    private <P> String describe(CheckKind<P> kind, ConfigReader reader) {
        P plan = kind.read(reader);
        reader.only(kind.settings());
        return reader.problems().isEmpty() ? kind.describe(plan) : "the " + kind.key() + " check, whose settings need fixing";
    }

    private CheckKind.Findings execute(String key, Map<String, Object> config, Map<String, String> values, Run run) {
        CheckKind<?> kind = key == null ? null : kinds.get(key);
        if (kind == null) {
            throw new NotRun("kind", Words.either(keys()), "there is no check of kind \"" + key + "\"");
        }
        return execute(kind, ConfigReader.filling(key, config, values, settings.secrets()), run);
    }

    private static <P> CheckKind.Findings execute(CheckKind<P> kind, ConfigReader reader, Run run) {
        P plan = kind.read(reader);
        reader.only(kind.settings());
        if (!reader.missingValues().isEmpty()) {
            List<String> words = reader.missingValues().stream().map(ConfigReader.SERVICE_VALUES::get).toList();
            throw new NotRun("service", "its " + Words.all(words), "the service records no " + String.join(" and no ",
                    words));
        }
        if (!reader.missingSecrets().isEmpty()) {
            String name = reader.missingSecrets().iterator().next();
            throw new NotRun("secret", "the secret " + name, "the secret " + name + " is not configured: set "
                    + CheckSettings.secretVariable(name));
        }
        if (!reader.problems().isEmpty()) {
            throw new NotRun("settings", "valid settings", reader.problems().stream()
                    .map(p -> p.field() + " " + p.message()).collect(Collectors.joining("; ")));
        }
        return kind.run(plan, run);
    }

    /** The outcome with each revealed secret's value replaced by "(secret NAME)". */
    private static CheckOutcome scrub(CheckOutcome outcome, Map<String, String> revealed) {
        if (revealed.isEmpty()) {
            return outcome;
        }
        UnaryOperator<String> clean = scrubber(revealed);
        return new CheckOutcome(outcome.verdict(), clean.apply(outcome.asked()), outcome.observations().stream()
                .map(o -> new Observation(clean.apply(o.what()), clean.apply(o.expected()), clean.apply(o.seen()), o.ok()))
                .toList(), outcome.at(), outcome.tookMillis());
    }

    private static UnaryOperator<String> scrubber(Map<String, String> revealed) {
        List<Map.Entry<String, String>> longestFirst = revealed.entrySet().stream().filter(e -> !e.getValue().isEmpty())
                .sorted(Comparator.comparingInt((Map.Entry<String, String> e) -> e.getValue().length()).reversed())
                .toList();
        return text -> {
            if (text == null) {
                return null;
            }
            String clean = text;
            for (Map.Entry<String, String> secret : longestFirst) {
                clean = clean.replace(secret.getValue(), "(secret " + secret.getKey() + ")");
            }
            return clean;
        };
    }

    private static Map<String, Object> orEmpty(Map<String, Object> config) {
        return config == null ? Map.of() : config;
    }
}
