package com.pagingetl.simulator.tdg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The cursor format against the examples of TDG's documentation. */
class TdgCursorCodecTests {

    @Test
    void encodesTheDocumentedCursors() {
        assertThat(TdgCursorCodec.encode(List.of("Berlin", "Germany"))).isEqualTo("gaRzY2FukqZCZXJsaW6nR2VybWFueQ");
        assertThat(TdgCursorCodec.encode(List.of("Berlin", "Germany", 1639990000123456789L)))
                .isEqualTo("gaRzY2Fuk6ZCZXJsaW6nR2VybWFuec8Wwmo3UI0tFQ");
    }

    @Test
    void decodesTheDocumentedCursorsExactly() {
        assertThat(TdgCursorCodec.decode("gaRzY2FukqdEcmVzZGVup0dlcm1hbnk")).containsExactly("Dresden", "Germany");
        assertThat(TdgCursorCodec.decode("gaRzY2Fuk6ZCZXJsaW6nR2VybWFuec8Wwmo3UI0tFQ"))
                .containsExactly("Berlin", "Germany", 1639990000123456789L);
    }

    @Test
    void roundTripsNumbersAndBooleans() {
        List<Object> key = List.of(-5L, 2.5, true, "x", 4294967296L);
        assertThat(TdgCursorCodec.decode(TdgCursorCodec.encode(key))).isEqualTo(key);
    }

    @Test
    void rejectsWhatIsNotAScanMap() {
        for (String bad : List.of("!!", "kqZCZXJsaW4", "gaRub3Blkg", "")) {
            assertThatThrownBy(() -> TdgCursorCodec.decode(bad)).isInstanceOf(TdgError.class)
                    .hasMessage("Failed to decode cursor: \"" + bad + "\"");
        }
    }
}
