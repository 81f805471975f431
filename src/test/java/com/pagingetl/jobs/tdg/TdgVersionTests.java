package com.pagingetl.jobs.tdg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

class TdgVersionTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void versionsAboveTwoToThe53KeepEveryDigitAsNumberOrString() {
        // given two versions that are the same double
        String a = "1639990000123456789";
        String b = "1639990000123456790";

        // when / then
        assertThat((double) Long.parseLong(a)).isEqualTo((double) Long.parseLong(b));
        assertThat(TdgVersion.of(JSON.readTree("{\"v\":" + a + "}").get("v"))).isEqualTo(a);
        assertThat(TdgVersion.of(JSON.readTree("{\"v\":\"" + b + "\"}").get("v"))).isEqualTo(b);
        assertThat(TdgVersion.compare(a, b)).isNegative();
    }

    @Test
    void unsignedVersionsAboveLongMaxCompareCorrectly() {
        assertThat(TdgVersion.compare("18446744073709551615", "9223372036854775807")).isPositive();
        assertThat(TdgVersion.parse("0001514")).isEqualTo("1514");
    }

    @Test
    void nonIntegerVersionsAreRefused() {
        assertThatThrownBy(() -> TdgVersion.parse("-1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TdgVersion.parse("18446744073709551616")).hasMessageContaining("2^64-1");
        assertThatThrownBy(() -> TdgVersion.of(JSON.readTree("{\"v\":1.639E18}").get("v")))
                .hasMessageContaining("not an exact integer");
        assertThatThrownBy(() -> TdgVersion.of(null)).hasMessageContaining("no version");
        assertThatThrownBy(() -> TdgVersion.ofObject(bytes("{\"v\":1.639E18}"))).hasMessageContaining("no version");
        assertThatThrownBy(() -> TdgVersion.ofObject(bytes("{\"version\":1.639E18}"))).hasMessageContaining("not an exact integer");
        assertThatThrownBy(() -> TdgVersion.ofObject(bytes("{\"version\":{}}"))).hasMessageContaining("not an exact integer");
        assertThatThrownBy(() -> TdgVersion.ofObject(bytes("{\"version\":-5}"))).hasMessageContaining("not a version");
    }

    @Test
    void versionsAreReadFromAnObjectsBytesAsNumbersOrStrings() {
        assertThat(TdgVersion.ofObject(bytes("{\"a\":[1],\"version\":18446744073709551615}"))).isEqualTo("18446744073709551615");
        assertThat(TdgVersion.ofObject(bytes("{\"version\":\"007\"}"))).isEqualTo("7");
    }

    private static byte[] bytes(String json) {
        return json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void theClockGivesNanosecondVersions() {
        assertThat(TdgVersion.ofEpochNanos(1_639_990_000L, 123_456_789)).isEqualTo("1639990000123456789");
    }
}
