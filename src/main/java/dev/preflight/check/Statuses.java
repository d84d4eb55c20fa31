package dev.preflight.check;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The HTTP statuses an answer may have: single ones and ranges ("200-299"). */
record Statuses(List<Range> ranges) {

    /** The statuses from one to another, both included. */
    record Range(int from, int to) {

        @Override
        public String toString() {
            return from == to ? Integer.toString(from) : from + "-" + to;
        }
    }

    static final Statuses SUCCESS = new Statuses(List.of(new Range(200, 299)));

    private static final Pattern RANGE = Pattern.compile("\\s*(\\d{3})\\s*(?:-\\s*(\\d{3})\\s*)?");
    private static final String SHAPE = "must be a status (100-599), a range such as \"200-299\", or a list of them";

    Statuses {
        ranges = List.copyOf(ranges);
    }

    static Statuses of(int... statuses) {
        List<Range> ranges = new ArrayList<>();
        for (int status : statuses) {
            ranges.add(new Range(status, status));
        }
        return new Statuses(ranges);
    }

    /** The setting {@code name}: a status, a range in text, or a list of them; {@code otherwise} when it is not given. */
    static Statuses read(ConfigReader config, String name, Statuses otherwise) {
        Object given = config.raw(name);
        if (given == null) {
            return otherwise;
        }
        List<?> items = given instanceof List<?> list ? list : List.of(given);
        List<Range> ranges = new ArrayList<>();
        for (Object item : items) {
            Range range = range(item);
            if (range == null) {
                config.problem(name, SHAPE);
                return otherwise;
            }
            ranges.add(range);
        }
        if (ranges.isEmpty()) {
            config.problem(name, SHAPE);
            return otherwise;
        }
        return new Statuses(ranges);
    }

    boolean allows(int status) {
        return ranges.stream().anyMatch(r -> status >= r.from() && status <= r.to());
    }

    @Override
    public String toString() {
        return Words.either(ranges.stream().map(Range::toString).toList());
    }

    private static Range range(Object item) {
        if (item instanceof Integer status) {
            return valid(status, status);
        }
        if (item instanceof String text) {
            Matcher matcher = RANGE.matcher(text);
            if (matcher.matches()) {
                int from = Integer.parseInt(matcher.group(1));
                return valid(from, matcher.group(2) == null ? from : Integer.parseInt(matcher.group(2)));
            }
        }
        return null;
    }

    private static Range valid(int from, int to) {
        return from >= 100 && to <= 599 && from <= to ? new Range(from, to) : null;
    }
}
