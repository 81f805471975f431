package com.pagingetl.simulator.tdg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The cursor format against the examples of TDG's documentation. */
class TdgCursorCodecTests {

    @Test
    void encodesTheDocumentedCursors() {
        assertThat(TdgKeys.cursor(List.of("Berlin", "Germany"))).isEqualTo("gaRzY2FukqZCZXJsaW6nR2VybWFueQ");
        assertThat(TdgKeys.cursor(List.of("Berlin", "Germany", 1639990000123456789L)))
                .isEqualTo("gaRzY2Fuk6ZCZXJsaW6nR2VybWFuec8Wwmo3UI0tFQ");
    }

    @Test
    void decodesTheDocumentedCursorsExactly() {
        assertThat(TdgKeys.decodeCursor("gaRzY2FukqdEcmVzZGVup0dlcm1hbnk")).containsExactly("Dresden", "Germany");
        assertThat(TdgKeys.decodeCursor("gaRzY2Fuk6ZCZXJsaW6nR2VybWFuec8Wwmo3UI0tFQ"))
                .containsExactly("Berlin", "Germany", 1639990000123456789L);
    }

    @Test
    void roundTripsNumbersAndBooleans() {
        List<Object> key = List.of(-5L, 2.5, true, "x", 4294967296L);
        assertThat(TdgKeys.decodeCursor(TdgKeys.cursor(key))).isEqualTo(key);
    }

    @Test
    void rejectsWhatIsNotAScanMap() {
        for (String bad : List.of("!!", "kqZCZXJsaW4", "gaRub3Blkg", "")) {
            assertThatThrownBy(() -> TdgKeys.decodeCursor(bad)).isInstanceOf(TdgError.class)
                    .hasMessage("Failed to decode cursor: \"" + bad + "\"");
        }
    }
}
