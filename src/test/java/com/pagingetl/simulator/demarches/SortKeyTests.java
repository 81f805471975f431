package com.pagingetl.simulator.demarches;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SortKeyTests {

    @Test
    void encodesTheContractExample() {
        long nanos = Timestamps.nanos("2024-03-01T09:15:30.123456Z");
        assertThat(new SortKey(nanos, 4242).cursor()).isEqualTo("MjAyNC0wMy0wMVQwOToxNTozMC4xMjM0NTYwMDBaOzQyNDI");
        assertThat(SortKey.parse("MjAyNC0wMy0wMVQwOToxNTozMC4xMjM0NTYwMDBaOzQyNDI")).isEqualTo(new SortKey(nanos, 4242));
    }

    @Test
    void roundTripsWholeSecondsAndLargeIds() {
        SortKey key = new SortKey(Timestamps.nanos("2026-06-30T21:59:59Z"), 18_420_001L);
        assertThat(SortKey.parse(key.cursor())).isEqualTo(key);
        assertThat(new String(java.util.Base64.getUrlDecoder().decode(key.cursor())))
                .isEqualTo("2026-06-30T21:59:59.000000000Z;18420001");
    }

    @Test
    void rejectsGarbageWithTheServerMessage() {
        assertThatThrownBy(() -> SortKey.parse("%%%")).hasMessage("Invalid input: \"%%%\"");
        assertThatThrownBy(() -> SortKey.parse("aGVsbG8")).hasMessage("Invalid input: \"aGVsbG8\"");
        assertThatThrownBy(() -> SortKey.parse(new SortKey(0, 1).cursor().substring(3)))
                .isInstanceOf(ApiError.class);
    }

    @Test
    void relayIdsAreStandardPaddedBase64() {
        assertThat(DossierRenderer.globalId("Dossier", 4242)).isEqualTo("RG9zc2llci00MjQy");
        assertThat(DossierRenderer.globalId("Dossier", 42)).endsWith("=");
    }
}
