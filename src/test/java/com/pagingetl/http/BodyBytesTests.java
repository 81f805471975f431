package com.pagingetl.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;

class BodyBytesTests {

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    @Test
    void joinsTheReceivedBuffersAndLetsGoOfThemOnceTaken() {
        BodyBytes body = new BodyBytes();
        body.onNext(List.of(ByteBuffer.wrap("{\"a\":".getBytes(StandardCharsets.UTF_8)),
                ByteBuffer.wrap("xx1}".getBytes(StandardCharsets.UTF_8), 2, 2)));
        body.onComplete();

        assertThat(body.getBody().toCompletableFuture().join()).isSameAs(body);
        assertThat(new String(body.take(), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
        // What the JDK client keeps of a finished exchange (this holder) no longer reaches the page.
        assertThat(body.take()).isEmpty();
    }

    @Test
    void anErrorFailsTheBody() {
        BodyBytes body = new BodyBytes();
        body.onError(new IOException("connection reset"));

        assertThat(body.getBody().toCompletableFuture()).isCompletedExceptionally();
    }

    @Test
    void inflatesOneMemberAtTheSizeItsTrailerAnnounces() throws IOException {
        String page = "{\"1\":{\"name\":\"Zürich\"}}".repeat(5000);

        assertThat(new String(BodyBytes.gunzip(gzip(page)), StandardCharsets.UTF_8)).isEqualTo(page);
        assertThat(BodyBytes.gunzip(gzip(""))).isEmpty();
    }

    @Test
    void inflatesEveryMemberWhenTheLastTrailerAnnouncesLessThanTheWhole() throws IOException {
        byte[] twoMembers = concat(gzip("{\"first\":" + "1".repeat(10_000) + "}"), gzip("{\"second\":2}"));

        assertThat(new String(BodyBytes.gunzip(twoMembers), StandardCharsets.UTF_8))
                .isEqualTo("{\"first\":" + "1".repeat(10_000) + "}{\"second\":2}");
    }

    @Test
    void aTrailerAnnouncingMoreThanTheBodyHoldsIsRefusedAsCorrupt() throws IOException {
        byte[] lying = gzip("{\"a\":1}");
        lying[lying.length - 4] = (byte) 0xff;  // ISIZE 255 + ...: larger than the 7 bytes inflated
        lying[lying.length - 3] = 0;

        // The JDK checks ISIZE after the data: a wrong one is a corrupt body, refused rather than trusted.
        assertThatThrownBy(() -> BodyBytes.gunzip(lying)).isInstanceOf(IOException.class);
    }

    @Test
    void aTruncatedBodyIsRefused() throws IOException {
        byte[] whole = gzip("{\"items\":[" + "{\"id\":1},".repeat(200) + "{\"id\":2}]}");

        assertThatThrownBy(() -> BodyBytes.gunzip(Arrays.copyOf(whole, whole.length / 2))).isInstanceOf(IOException.class);
    }
}
