package dev.preflight.template;

import java.time.Duration;

import io.quarkus.qute.TemplateEnum;
import io.quarkus.qute.i18n.MessageBundles;

import dev.preflight.platform.text.Keyed;

/**
 * When in a launch's life an item is done: before go-live (the review the gate follows), on the
 * day of go-live, within a window after the launch went live, or as an ongoing duty of the service
 * on a cadence. Only before-go-live items count towards readiness and the gate.
 */
@TemplateEnum
public enum Phase implements Keyed {
    BEFORE_GO_LIVE,
    AT_GO_LIVE,
    AFTER_LAUNCH,
    ONGOING;

    @Override
    public String toString() {
        return key();
    }

    /** How pages name the phase: "before go-live", "after launch". */
    public String label() {
        return MessageBundles.get(TemplateMessages.class).phase_label(key());
    }

    /** The phase with its window in words: "after launch, within 24 hours", "ongoing". */
    public String describe(String window) {
        Duration duration = Window.parse(window);
        return label() + (duration == null ? "" : ", within " + Window.words(duration));
    }

    /** Whether items of this phase count towards readiness and the gate. */
    public boolean gated() {
        return this == BEFORE_GO_LIVE;
    }

    /** Whether items of this phase are worked on once the launch has gone live. */
    public boolean afterGoLive() {
        return this == AFTER_LAUNCH || this == ONGOING;
    }

    /** Leaves the default phase out of files and answers, so templates without phases read as before. */
    public static final class Default {

        @Override
        public boolean equals(Object value) {
            return value == null || value == BEFORE_GO_LIVE;
        }

        @Override
        public int hashCode() {
            return 0;
        }
    }
}
