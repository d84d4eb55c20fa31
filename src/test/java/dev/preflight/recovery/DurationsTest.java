package dev.preflight.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void durations_are_read_in_the_forms_people_write() {
        assertThat(Durations.minutes("4 h")).isEqualTo(240);
        assertThat(Durations.minutes("15 min")).isEqualTo(15);
        assertThat(Durations.minutes("1 h 30 min")).isEqualTo(90);
        assertThat(Durations.minutes("1h30m")).isEqualTo(90);
        assertThat(Durations.minutes("2 days")).isEqualTo(2880);
        assertThat(Durations.minutes(" 1 Day ")).isEqualTo(1440);
        assertThat(Durations.minutes("0 min")).isZero();
        assertThat(Durations.minutes("90 minutes")).isEqualTo(90);
    }

    @Test
    void anything_else_is_not_a_duration() {
        assertThat(Durations.minutes("soon")).isNull();
        assertThat(Durations.minutes("4")).isNull();
        assertThat(Durations.minutes("4 h and then some")).isNull();
        assertThat(Durations.minutes("-4 h")).isNull();
        assertThat(Durations.minutes("4.5 h")).isNull();
        assertThat(Durations.minutes("")).isNull();
        assertThat(Durations.minutes(null)).isNull();
        assertThat(Durations.minutes("999999 d")).isNotNull().isGreaterThan(Durations.MAX_MINUTES);
        assertThat(Durations.minutes("999999 d 999999 d 999999 d")).as("beyond an int").isNull();
    }

    @Test
    void durations_are_shown_in_the_largest_whole_units() {
        assertThat(Durations.shown(240)).isEqualTo("4 h");
        assertThat(Durations.shown(15)).isEqualTo("15 min");
        assertThat(Durations.shown(90)).isEqualTo("1 h 30 min");
        assertThat(Durations.shown(2 * 1440 + 61)).isEqualTo("2 d 1 h 1 min");
        assertThat(Durations.shown(0)).isEqualTo("0 min");
        assertThat(Durations.shown(null)).isNull();
    }
}
