package dev.preflight.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import dev.preflight.launch.LaunchState;

class PageLinkTest {

    @Test
    void parameters_without_a_value_are_left_out_and_the_rest_encoded() {
        PageLink link = PageLink.to("/launches").with("team", "a&b c").with("state", LaunchState.IN_REVIEW)
                .with("service", null).with("q", " ").with("from", LocalDate.of(2026, 12, 5)).with("tier", 2);
        assertThat(link).hasToString("/launches?team=a%26b+c&state=in_review&from=2026-12-05&tier=2");
        assertThat(PageLink.to("/teams")).hasToString("/teams");
    }

    @Test
    void pages_after_the_first_name_their_number_and_keep_the_filters() {
        PageLink link = PageLink.to("/services").with("team", "core");
        assertThat(link.page(1)).isEqualTo("/services?team=core");
        assertThat(link.page(3)).isEqualTo("/services?team=core&page=3");
        assertThat(PageLink.to("/teams").page(2)).isEqualTo("/teams?page=2");
        assertThat(link.at("/services/export.csv")).hasToString("/services/export.csv?team=core");
        assertThat(link).as("unchanged by what was derived from it").hasToString("/services?team=core");
    }
}
