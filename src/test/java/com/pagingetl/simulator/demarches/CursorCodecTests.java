package com.pagingetl.simulator.demarches;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CursorCodecTests {

    @Test
    void encodesTheContractExample() {
        long nanos = Timestamps.nanos("2024-03-01T09:15:30.123456Z");
        assertThat(CursorCodec.encode(nanos, 4242)).isEqualTo("MjAyNC0wMy0wMVQwOToxNTozMC4xMjM0NTYwMDBaOzQyNDI");
        assertThat(CursorCodec.decode("MjAyNC0wMy0wMVQwOToxNTozMC4xMjM0NTYwMDBaOzQyNDI")).isEqualTo(new SortKey(nanos, 4242));
    }

    @Test
    void roundTripsWholeSecondsAndLargeIds() {
        SortKey key = new SortKey(Timestamps.nanos("2026-06-30T21:59:59Z"), 18_420_001L);
        assertThat(CursorCodec.decode(CursorCodec.encode(key))).isEqualTo(key);
        assertThat(new String(java.util.Base64.getUrlDecoder().decode(CursorCodec.encode(key))))
                .isEqualTo("2026-06-30T21:59:59.000000000Z;18420001");
    }

    @Test
    void rejectsGarbageWithTheServerMessage() {
        assertThatThrownBy(() -> CursorCodec.decode("%%%")).hasMessage("Invalid input: \"%%%\"");
        assertThatThrownBy(() -> CursorCodec.decode("aGVsbG8")).hasMessage("Invalid input: \"aGVsbG8\"");
        assertThatThrownBy(() -> CursorCodec.decode(CursorCodec.encode(0, 1).substring(3)))
                .isInstanceOf(CursorCodec.InvalidCursorException.class);
    }

    @Test
    void relayIdsAreStandardPaddedBase64() {
        assertThat(DossierRenderer.globalId("Dossier", 4242)).isEqualTo("RG9zc2llci00MjQy");
        assertThat(DossierRenderer.globalId("Dossier", 42)).endsWith("=");
    }
}
