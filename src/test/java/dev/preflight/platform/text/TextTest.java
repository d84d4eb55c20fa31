package dev.preflight.platform.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextTest {

    @Test
    void a_block_is_the_same_however_its_lines_were_sent() {
        String kept = "Use TLS 1.2 or newer.\n\n* Redirect plain HTTP.\n";
        assertThat(Text.block("Use TLS 1.2 or newer.\r\n\r\n* Redirect plain HTTP.")).isEqualTo(kept);
        assertThat(Text.block("Use TLS 1.2 or newer.\r\r* Redirect plain HTTP.\r\n")).isEqualTo(kept);
        assertThat(Text.block("\n  \nUse TLS 1.2 or newer.\n\n* Redirect plain HTTP.\n\n  ")).isEqualTo(kept);
        assertThat(Text.block(kept)).isEqualTo(kept);
        assertThat(Text.block("    indented code\n")).isEqualTo("    indented code\n");
        assertThat(Text.block(" \r\n ")).isNull();
        assertThat(Text.block(null)).isNull();
    }
}
