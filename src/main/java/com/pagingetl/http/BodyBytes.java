package com.pagingetl.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.zip.GZIPInputStream;

/**
 * A response body as the JDK client receives it, handed over once by {@link #take()}, which also lets go of it.
 *
 * <p>Why not {@code BodyHandlers.ofByteArray()}: the JDK client keeps the last exchange of every pooled
 * connection, and with it that exchange's body subscriber and its result, until the connection is used
 * again or expires. With {@code ofByteArray} that pins one whole page per idle connection; the pages live
 * through young collections, are promoted and fill the old generation in proportion to the run's length.
 * Here the exchange keeps only this holder, emptied by {@code take()}.
 *
 * <p>One instance per exchange; the client calls it from one thread at a time.
 */
final class BodyBytes implements HttpResponse.BodySubscriber<BodyBytes> {

    /** A gzip trailer's ISIZE above this is not trusted as the size to allocate; the body is then read in pieces. */
    private static final int MAX_PRESIZE = 64 << 20;

    private final CompletableFuture<BodyBytes> result = new CompletableFuture<>();
    private List<ByteBuffer> received = new ArrayList<>();
    private byte[] bytes;

    static HttpResponse.BodyHandler<BodyBytes> handler() {
        return info -> new BodyBytes();
    }

    /** The body, once; later calls return an empty array. */
    byte[] take() {
        byte[] taken = bytes == null ? new byte[0] : bytes;
        bytes = null;
        return taken;
    }

    @Override
    public CompletionStage<BodyBytes> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        received.addAll(buffers);
    }

    @Override
    public void onError(Throwable throwable) {
        received = null;
        result.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
        int size = 0;
        for (ByteBuffer buffer : received) {
            size += buffer.remaining();
        }
        byte[] joined = new byte[size];
        int at = 0;
        for (ByteBuffer buffer : received) {
            int n = buffer.remaining();
            buffer.get(joined, at, n);
            at += n;
        }
        received = null;
        bytes = joined;
        result.complete(this);
    }

    /**
     * Inflates a whole gzip body (one or more members) into an array allocated once at the size the last
     * member's trailer announces (ISIZE), which for the one member a server sends is the exact size; any
     * other body is read on in pieces, so a wrong ISIZE costs a copy, never data.
     */
    static byte[] gunzip(byte[] gzip) throws IOException {
        int announced = gzip.length >= 18 ? (gzip[gzip.length - 4] & 0xff) | (gzip[gzip.length - 3] & 0xff) << 8
                | (gzip[gzip.length - 2] & 0xff) << 16 | (gzip[gzip.length - 1] & 0xff) << 24 : 0;
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip), 1 << 16)) {
            if (announced <= 0 || announced > MAX_PRESIZE) {
                return in.readAllBytes();
            }
            byte[] out = new byte[announced];
            int n = in.readNBytes(out, 0, announced);
            byte[] rest = in.readAllBytes();
            if (n == announced && rest.length == 0) {
                return out;
            }
            byte[] all = new byte[n + rest.length];
            System.arraycopy(out, 0, all, 0, n);
            System.arraycopy(rest, 0, all, n, rest.length);
            return all;
        }
    }
}
