package com.pagingetl.jobs.rapid;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class RapidSignerTests {

    @Test
    void signatureIsLowerCaseHexSha512OfKeySecretAndTimestamp() {
        // echo -n "keysecret1700000000" | sha512sum
        assertThat(RapidSigner.signature("key", "secret", 1700000000L)).isEqualTo(
                "62e832680df40233f927f57fd973bd38e395f7e5ed3ca1fb7441fbb3b5c0973d"
                        + "808388fa8587ff2be50d243b21f102b0ca125cd2559fb52b64056c0ac53c09f7");
    }

    @Test
    void headerCarriesKeySignatureAndTheTimestampThatWasHashed() {
        Clock clock = Clock.fixed(Instant.ofEpochSecond(1700000123L), ZoneOffset.UTC);

        String header = new RapidSigner("my-key", "my-secret", clock).authorizationHeader();

        assertThat(header).isEqualTo("EAN APIKey=my-key,Signature=" + RapidSigner.signature("my-key", "my-secret", 1700000123L)
                + ",timestamp=1700000123");
    }

    @Test
    void toStringHidesTheKey() {
        assertThat(new RapidSigner("my-key", "my-secret", Clock.systemUTC()).toString()).doesNotContain("my-key", "my-secret");
    }
}
