package com.pagingetl.jobs.demarches;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.pagingetl.launch.UsageException;

class DemarchesParametersTests {

    @Test
    void readsTheParameters() {
        DemarchesParameters p = DemarchesParameters.of(Map.of("demarche", "1001", "first", "50", "updatedSince", "2020-02-22",
                "fullResync", "true"));

        assertThat(p).isEqualTo(new DemarchesParameters(1001, "2020-02-22", 50, true));
    }

    @Test
    void firstAboveTheApisSilentCapIsRefused() {
        assertThatThrownBy(() -> DemarchesParameters.of(Map.of("demarche", "1001", "first", "101")))
                .isInstanceOf(UsageException.class)
                .hasMessage("demarchesDossiers: first=101 is not allowed: expected a whole number from 1 to 100");
    }

    @Test
    void badValuesNameTheParameter() {
        assertThatThrownBy(() -> DemarchesParameters.of(Map.of())).hasMessageContaining("needs demarche=<value>");
        assertThatThrownBy(() -> DemarchesParameters.of(Map.of("demarche", "abc"))).hasMessageContaining("demarche=abc is not allowed");
        assertThatThrownBy(() -> DemarchesParameters.of(Map.of("demarche", "01001"))).hasMessageContaining("demarche=01001 is not allowed: write the number as 1001");
        assertThatThrownBy(() -> DemarchesParameters.of(Map.of("demarche", "1", "first", "0"))).hasMessageContaining("first=0 is not allowed");
        assertThatThrownBy(() -> DemarchesParameters.of(Map.of("demarche", "1", "updatedSince", "yesterday")))
                .hasMessageContaining("updatedSince=yesterday is not allowed: expected an ISO 8601 date");
        assertThat(DemarchesParameters.of(Map.of("demarche", "1", "updatedSince", "2024-03-01T10:15:30+01:00")).updatedSince())
                .isEqualTo("2024-03-01T10:15:30+01:00");
        assertThatThrownBy(() -> DemarchesParameters.of(Map.of("demarche", "1", "updatedSince", "2099-01-01")))
                .hasMessageContaining("updatedSince=2099-01-01 is not allowed: it is in the future");
        assertThatThrownBy(() -> DemarchesParameters.of(Map.of("demarche", "1", "updatedSince", "2099-01-01T00:00:00Z")))
                .hasMessageContaining("updatedSince=2099-01-01T00:00:00Z is not allowed: it is in the future");
    }

    @Test
    void cursorsDecodeForMessagesAndOrderComparisons() {
        String a = DemarchesStubs.cursor(5, 10);
        String b = DemarchesStubs.cursor(5, 11);

        assertThat(Cursors.describe(a)).isEqualTo("after 2024-03-01T10:00:05.000000000Z;10");
        assertThat(Cursors.notAfter(b, a)).isFalse();
        assertThat(Cursors.notAfter(a, b)).isTrue();
        assertThat(Cursors.notAfter("opaque", a)).isFalse();
        assertThat(Cursors.cursor(Cursors.token(a))).isEqualTo(a);
        assertThat(Cursors.cursor(Cursors.token(null))).isNull();
    }
}
