package dev.preflight.check;

/** Says that a check could not be made, and why; the run ends as not run. */
final class NotRun extends RuntimeException {

    private final transient Observation reason;

    NotRun(String what, String expected, String seen) {
        super(seen, null, false, false);
        this.reason = new Observation(what, expected, seen, false);
    }

    Observation reason() {
        return reason;
    }
}
