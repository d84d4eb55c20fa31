package dev.preflight.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * What an administrator configures must be as strong as what Preflight makes: a token that looks
 * drawn at random, not only of the right shape, and a password that meets every password's rules.
 */
class SecretsTest {

    @Test
    void random_secrets_pass_and_made_up_ones_do_not() {
        for (int i = 0; i < 1000; i++) {
            assertThat(Secrets.looksRandom(Secrets.random())).isTrue();
            assertThat(Secrets.looksRandom(Secrets.random().substring(0, 22))).isTrue();
        }
        for (String weak : List.of("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "abcdefghijklmnopqrstuvwxyz",
                "0123456789012345678901234567890123456789", "passwordpasswordpassword",
                "Password1Password1Password1", "changeme_changeme_changeme", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")) {
            assertThat(Secrets.looksRandom(weak)).as(weak).isFalse();
        }
    }

    @Test
    void the_configured_admin_password_meets_the_rules_or_the_start_says_why() {
        assertThat(FirstStart.checked("a long and unusual passphrase")).isEqualTo("a long and unusual passphrase");
        assertThatThrownBy(() -> FirstStart.checked("qwerty123456")).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("PREFLIGHT_ADMIN_PASSWORD is one of the 30,000 most common passwords");
        assertThatThrownBy(() -> FirstStart.checked("short")).hasMessageStartingWith(
                "PREFLIGHT_ADMIN_PASSWORD must be at least 12 characters");
    }

    @Test
    void a_configured_admin_token_of_the_right_shape_but_made_up_stops_the_start() {
        FirstStart.checkToken("pf_" + Secrets.random());
        assertThatThrownBy(() -> FirstStart.checkToken("pf_" + "a".repeat(40)))
                .hasMessageContaining("drawn at random");
        assertThatThrownBy(() -> FirstStart.checkToken("pf_short")).hasMessageContaining("at least 22");
    }
}
