package dev.preflight.check;

import java.net.http.HttpHeaders;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What one response header must be: present, absent, a value, or text matching a regular
 * expression (found anywhere in it; anchor with ^ and $ for all of it). Values are compared
 * without regard to case or to the spaces around ; and ,.
 */
record HeaderRule(String header, Mode mode, String value, Pattern pattern) {

    enum Mode {
        PRESENT, ABSENT, EQUALS, MATCHES
    }

    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    private static final List<String> SETTINGS = List.of("present", "equals", "matches");

    static HeaderRule equalTo(String header, String value) {
        return new HeaderRule(header, Mode.EQUALS, value, null);
    }

    /**
     * Reads every header of a section: each a mapping {@code {present: true}}, {@code {equals: "v"}} or
     * {@code {matches: "regex"}}, or (when {@code textEquals}) the value itself.
     */
    static List<HeaderRule> readAll(ConfigReader headers, boolean textEquals) {
        List<HeaderRule> rules = new ArrayList<>();
        if (headers == null) {
            return rules;
        }
        for (String name : headers.names()) {
            if (!TOKEN.matcher(name).matches()) {
                headers.problem(name, "is not a header name");
                continue;
            }
            if (textEquals && headers.raw(name) instanceof String) {
                rules.add(equalTo(name, headers.text(name, true)));
                continue;
            }
            ConfigReader rule = headers.section(name, "the header " + name);
            if (rule == null) {
                continue;
            }
            rule.only(SETTINGS);
            long given = SETTINGS.stream().filter(rule::has).count();
            if (given != 1) {
                headers.problem(name, "must give one of present, equals or matches" + (textEquals ? ", or the value" : ""));
            } else if (rule.has("present")) {
                Boolean present = rule.flag("present");
                rules.add(new HeaderRule(name, Boolean.FALSE.equals(present) ? Mode.ABSENT : Mode.PRESENT, null, null));
            } else if (rule.has("equals")) {
                rules.add(equalTo(name, rule.text("equals", true)));
            } else {
                rules.add(new HeaderRule(name, Mode.MATCHES, null, rule.pattern("matches", true)));
            }
        }
        return rules;
    }

    /** What the header should be, in words. */
    String expected() {
        return switch (mode) {
            case PRESENT -> "present";
            case ABSENT -> "absent";
            case EQUALS -> value;
            case MATCHES -> "matching /" + pattern.pattern() + "/";
        };
    }

    Observation check(HttpHeaders headers) {
        List<String> values = headers.allValues(header);
        String seen = values.isEmpty() ? "(missing)" : String.join(", ", values);
        boolean ok = switch (mode) {
            case PRESENT -> !values.isEmpty();
            case ABSENT -> values.isEmpty();
            case EQUALS -> !values.isEmpty() && normal(seen).equals(normal(value));
            case MATCHES -> !values.isEmpty() && pattern.matcher(seen).find();
        };
        return new Observation(header, expected(), seen, ok);
    }

    private static String normal(String text) {
        return text.trim().replaceAll("\\s*([;,])\\s*", "$1 ").replaceAll("\\s+", " ").replaceAll("[;,]\\s*$", "")
                .toLowerCase(Locale.ROOT);
    }
}
