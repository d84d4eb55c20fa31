package dev.preflight.check;

import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * Reads a check's configuration (a JSON object) setting by setting, noting each problem with the
 * setting's field, and fills its placeholders: {@code ${service.NAME}} with the service's value when
 * the check runs (kept as written while the configuration is only validated), {@code ${secret.NAME}}
 * kept in a {@link SecretText} until it is sent.
 */
final class ConfigReader {

    /** The values of a service that placeholders may name, with their words. */
    static final Map<String, String> SERVICE_VALUES = serviceValues();

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)}");
    private static final Pattern SECRET_NAME = Pattern.compile("[A-Za-z0-9_]+");

    /** What the readers of one configuration share. */
    private static final class Shared {

        private final Map<String, String> service;
        private final Function<String, Optional<String>> secrets;
        private final List<CheckProblem> problems = new ArrayList<>();
        private final Set<String> missingValues = new LinkedHashSet<>();
        private final Set<String> missingSecrets = new LinkedHashSet<>();

        private Shared(Map<String, String> service, Function<String, Optional<String>> secrets) {
            this.service = service;
            this.secrets = secrets;
        }
    }

    private final Shared shared;
    private final String path;
    private final String owner;
    private final Map<String, Object> values;

    private ConfigReader(Shared shared, String path, String owner, Map<?, ?> values) {
        this.shared = shared;
        this.path = path;
        this.owner = owner;
        this.values = new LinkedHashMap<>();
        values.forEach((name, value) -> this.values.put(String.valueOf(name), value));
    }

    /** A reader that leaves {@code ${service.NAME}} as written, for validating and describing. */
    static ConfigReader validating(String kind, Map<String, Object> config, Function<String, Optional<String>> secrets) {
        return new ConfigReader(new Shared(null, secrets), "", "the " + kind + " check", config);
    }

    /** A reader that fills {@code ${service.NAME}} with the service's values, for running. */
    static ConfigReader filling(String kind, Map<String, Object> config, Map<String, String> service,
            Function<String, Optional<String>> secrets) {
        return new ConfigReader(new Shared(service, secrets), "", "the " + kind + " check", config);
    }

    List<CheckProblem> problems() {
        return List.copyOf(shared.problems);
    }

    /** The service's values the configuration names but the service does not record (when filling). */
    Set<String> missingValues() {
        return shared.missingValues;
    }

    /** The secrets the configuration names that are not configured (when filling). */
    Set<String> missingSecrets() {
        return shared.missingSecrets;
    }

    /** Whether placeholders are filled; otherwise their values are not known yet. */
    boolean filling() {
        return shared.service != null;
    }

    boolean has(String name) {
        return values.get(name) != null;
    }

    /** The names of the settings given, for sections whose names are free (headers, labels). */
    Set<String> names() {
        return values.keySet();
    }

    /** The setting as given, for settings of several shapes. */
    Object raw(String name) {
        return values.get(name);
    }

    private String field(String name) {
        return path + name;
    }

    void problem(String name, String message) {
        shared.problems.add(new CheckProblem(field(name), message));
    }

    /** Notes every given setting that is not one of these. */
    void only(List<String> settings) {
        for (String name : values.keySet()) {
            if (!settings.contains(name)) {
                problem(name, "is not a setting of " + owner + " (it has: " + String.join(", ", settings) + ")");
            }
        }
    }

    /** Text that may name the service's values but no secret. */
    String text(String name, boolean required) {
        String given = given(name, required);
        return given == null ? null : withoutSecrets(name, given);
    }

    /** Text that may also name secrets. */
    SecretText secretText(String name, boolean required) {
        String given = given(name, required);
        return given == null ? null : new SecretText(parts(name, given, true));
    }

    /**
     * A URL with one of the schemes, without a password. Its shape is checked when it holds no
     * placeholder, or once they are filled.
     */
    String url(String name, boolean required, List<String> schemes) {
        String given = given(name, required);
        if (given == null) {
            return null;
        }
        String value = withoutSecrets(name, given).trim();
        boolean placeholders = given.contains("${");
        if (placeholders && !filling()) {
            return value;
        }
        String refusal = urlRefusal(value, schemes);
        if (refusal != null) {
            problem(name, refusal + (placeholders ? " (it is \"" + value + "\" once filled in)" : ""));
            return null;
        }
        return value;
    }

    /** A whole number within the bounds. */
    Long whole(String name, long min, long max) {
        Object value = values.get(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof BigInteger)) {
            problem(name, "must be a whole number");
            return null;
        }
        long number = ((Number) value).longValue();
        if (number < min || number > max || value instanceof BigInteger big && big.bitLength() > 63) {
            problem(name, "must be between " + min + " and " + max);
            return null;
        }
        return number;
    }

    Double number(String name) {
        Object value = values.get(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Number number)) {
            problem(name, "must be a number");
            return null;
        }
        return number.doubleValue();
    }

    Boolean flag(String name) {
        Object value = values.get(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Boolean flag)) {
            problem(name, "must be true or false");
            return null;
        }
        return flag;
    }

    /** A regular expression, compiled. */
    Pattern pattern(String name, boolean required) {
        String value = text(name, required);
        if (value == null) {
            return null;
        }
        try {
            return Pattern.compile(value);
        } catch (PatternSyntaxException e) {
            problem(name, "is not a regular expression: " + e.getDescription() + " near position " + e.getIndex());
            return null;
        }
    }

    /**
     * A nested mapping, read by its own reader; null when it is not given or is not a mapping.
     *
     * @param owner what its settings belong to, in messages about unknown ones
     */
    ConfigReader section(String name, String owner) {
        Object value = values.get(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Map<?, ?> map)) {
            problem(name, "must be a mapping of settings");
            return null;
        }
        return new ConfigReader(shared, field(name) + ".", owner, map);
    }

    private String given(String name, boolean required) {
        Object value = values.get(name);
        if (value == null) {
            if (required) {
                problem(name, "is required");
            }
            return null;
        }
        if (!(value instanceof String text)) {
            problem(name, "must be text");
            return null;
        }
        if (required && text.isBlank()) {
            problem(name, "must not be empty");
            return null;
        }
        return text;
    }

    private String withoutSecrets(String name, String given) {
        return parts(name, given, false).stream().filter(p -> !p.secret()).map(SecretText.Part::text)
                .collect(Collectors.joining());
    }

    private List<SecretText.Part> parts(String name, String text, boolean secretsAllowed) {
        List<SecretText.Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        Matcher matcher = PLACEHOLDER.matcher(text);
        int last = 0;
        while (matcher.find()) {
            literal.append(text, last, matcher.start());
            last = matcher.end();
            String inside = matcher.group(1);
            if (inside.startsWith("service.")) {
                literal.append(service(name, inside.substring("service.".length()), matcher.group()));
            } else if (inside.startsWith("secret.") && secret(name, inside.substring("secret.".length()), secretsAllowed)) {
                parts.add(new SecretText.Part(literal.toString(), false));
                literal.setLength(0);
                parts.add(new SecretText.Part(inside.substring("secret.".length()), true));
            } else if (!inside.startsWith("secret.")) {
                problem(name, "holds " + matcher.group() + ", which is not a placeholder: use ${service.NAME} or "
                        + "${secret.NAME}");
            }
        }
        literal.append(text.substring(last));
        parts.add(new SecretText.Part(literal.toString(), false));
        return parts.stream().filter(p -> p.secret() || !p.text().isEmpty()).toList();
    }

    private String service(String name, String key, String placeholder) {
        if (!SERVICE_VALUES.containsKey(key)) {
            problem(name, "names " + placeholder + ", which services do not record (they record: "
                    + String.join(", ", SERVICE_VALUES.keySet()) + ")");
            return placeholder;
        }
        if (!filling()) {
            return placeholder;
        }
        String value = shared.service.get(key);
        if (value == null || value.isBlank()) {
            shared.missingValues.add(key);
            return "";
        }
        return value.trim();
    }

    private boolean secret(String name, String secret, boolean allowed) {
        if (!allowed) {
            problem(name, "may not hold a secret");
            return false;
        }
        if (!SECRET_NAME.matcher(secret).matches()) {
            problem(name, "names the secret \"" + secret + "\", but a secret's name has only letters, digits and _");
            return false;
        }
        if (shared.secrets.apply(secret).isEmpty()) {
            if (filling()) {
                shared.missingSecrets.add(secret);
            } else {
                problem(name, "names the secret " + secret + ", which is not configured: set "
                        + CheckSettings.secretVariable(secret));
            }
        }
        return true;
    }

    private static String urlRefusal(String value, List<String> schemes) {
        String shape = "must be " + (schemes.get(0).equals("file") ? "a " : "an ")
                + Words.either(schemes.stream().map(s -> s + "://").toList()) + " URL";
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            return shape;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!schemes.contains(scheme) || uri.isOpaque()) {
            return shape;
        }
        if (scheme.equals("file")) {
            return uri.getPath() == null || uri.getPath().isEmpty() ? shape : null;
        }
        if (uri.getHost() == null) {
            return shape;
        }
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null && (!scheme.equals("ssh") || userInfo.contains(":"))) {
            return "must not hold a user name or password";
        }
        return null;
    }

    private static Map<String, String> serviceValues() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("baseUrl", "base URL");
        values.put("healthUrl", "health URL");
        values.put("readinessUrl", "readiness URL");
        values.put("metricsUrl", "metrics URL");
        values.put("prometheusUrl", "Prometheus URL");
        values.put("repositoryUrl", "repository URL");
        values.put("slug", "slug");
        return Collections.unmodifiableMap(values);
    }
}
