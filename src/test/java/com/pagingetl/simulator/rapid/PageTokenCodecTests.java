package com.pagingetl.simulator.rapid;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PageTokenCodecTests {

    private final PageTokenCodec codec = new PageTokenCodec();

    @Test
    void roundTripsTheWholeQueryAndIsOpaque() {
        var token = new PageTokenCodec.PageToken("content", "country_code=US&language=en-US&supply_source=expedia",
                12345, Instant.parse("2026-06-01T17:13:19.699379618Z"), 7);
        String encoded = codec.encode(token);
        // Long plaintext fragments only: a two-letter one such as "US" turns up in random base64 by chance.
        assertThat(encoded).matches("[A-Za-z0-9_-]+").doesNotContain("country_code").doesNotContain("expedia");
        assertThat(codec.decode(encoded)).isEqualTo(token);
    }

    @Test
    void rejectsEditedForeignAndGarbageTokens() {
        String encoded = codec.encode(new PageTokenCodec.PageToken("inactive", "since=2024-01-01", 1,
                Instant.now(), 1));
        char[] chars = encoded.toCharArray();
        chars[5] = chars[5] == 'A' ? 'B' : 'A';
        assertThatThrownBy(() -> codec.decode(new String(chars))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PageTokenCodec().decode(encoded)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> codec.decode("!!!")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> codec.decode("")).isInstanceOf(IllegalArgumentException.class);
    }
}
