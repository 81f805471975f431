package com.pagingetl.simulator.demarches;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class TimestampsTests {

    @Test
    void outputsSecondPrecisionWithTheParisOffset() {
        assertThat(Timestamps.format(Instant.parse("2024-03-01T09:15:30.999999Z"))).isEqualTo("2024-03-01T10:15:30+01:00");
        assertThat(Timestamps.format(Instant.parse("2024-07-14T08:00:00.5Z"))).isEqualTo("2024-07-14T10:00:00+02:00");
    }

    @Test
    void acceptsFullIso8601AndDateOnlyInput() {
        assertThat(Timestamps.parseInput("2024-03-01T10:15:30+01:00")).isEqualTo(Instant.parse("2024-03-01T09:15:30Z"));
        assertThat(Timestamps.parseInput("2024-03-01T09:15:30.123456Z")).isEqualTo(Instant.parse("2024-03-01T09:15:30.123456Z"));
        assertThat(Timestamps.parseInput("2020-02-22")).isEqualTo(Instant.parse("2020-02-21T23:00:00Z"));
        assertThatThrownBy(() -> Timestamps.parseInput("22/02/2020")).isInstanceOf(java.time.format.DateTimeParseException.class);
    }
}
