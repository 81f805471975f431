package com.pagingetl.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

class SecretsTests {

    @Test
    void aRegisteredValueIsRemovedWhereverItAppears() {
        Secrets.register("pw-Registered-4711");

        assertThat(Secrets.redact("login refused for senha=pw-Registered-4711 (pw-Registered-4711)"))
                .isEqualTo("login refused for senha=*** (***)");
    }

    @Test
    void credentialShapedFragmentsAreRemovedEvenWhenNeverRegistered() {
        String sig = "ab".repeat(64);

        assertThat(Secrets.redact("401 for EAN APIKey=k-unknown-1,Signature=" + sig + ",timestamp=1700000000"))
                .isEqualTo("401 for EAN APIKey=***,Signature=***,timestamp=1700000000");
        assertThat(Secrets.redact("token Bearer tok-never-seen.x_y== lacks scope")).isEqualTo("token Bearer *** lacks scope");
    }

    @Test
    void recentSignaturesAreRemovedByValueWithoutTheirPrefix() {
        String sig = "0f".repeat(64);
        Secrets.registerRecent(sig);

        assertThat(Secrets.redact("the signature " + sig + " does not match")).isEqualTo("the signature *** does not match");
    }

    @Test
    void onlyTheMostRecentSignaturesAreKept() {
        String oldest = "1e".repeat(64);
        Secrets.registerRecent(oldest);
        for (int i = 0; i < Secrets.RECENT; i++) {
            Secrets.registerRecent(String.format("%0128x", i + 1_000_000));
        }

        assertThat(Secrets.redact("sig " + oldest)).as("dropped from the recent values").isEqualTo("sig " + oldest);
        assertThat(Secrets.redact("Signature=" + oldest)).as("still caught by pattern").isEqualTo("Signature=***");
    }

    @Test
    void shortValuesAndTextWithoutSecretsAreLeftAlone() {
        Secrets.register("ab");
        Secrets.register(null);

        assertThat(Secrets.redact("a cab at the abbey")).isEqualTo("a cab at the abbey");
        assertThat(Secrets.redact(null)).isNull();
    }

    @Test
    void aCauseThatQuotesASecretIsReplacedByARedactedStandInWithTheSameStack() {
        Secrets.register("tok-in-a-cause-9999");
        IllegalStateException inner = new IllegalStateException("parser saw 'tok-in-a-cause-9999'");
        RuntimeException outer = new RuntimeException("wrapper", inner);

        Throwable scrubbed = Secrets.scrub(outer);
        ApiCallException api = new ApiCallException("call failed: tok-in-a-cause-9999", outer);

        assertThat(stackTrace(scrubbed)).doesNotContain("tok-in-a-cause-9999")
                .contains("java.lang.IllegalStateException: parser saw '***'").contains("SecretsTests");
        assertThat(stackTrace(api)).doesNotContain("tok-in-a-cause-9999").contains("call failed: ***");
        IllegalStateException clean = new IllegalStateException("nothing secret");
        assertThat(Secrets.scrub(clean)).isSameAs(clean);
    }

    private static String stackTrace(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
