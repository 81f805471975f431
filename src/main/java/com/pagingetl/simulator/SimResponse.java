package com.pagingetl.simulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * One answer of a simulator: status, headers in the order set, body, a delay before it is sent, and how it goes on
 * the wire: whole, not at all (the connection is reset), or cut (head and half the body, then closed). Built by
 * one request's thread, then sent by the {@link SimServer}; not thread-safe.
 */
public final class SimResponse {

    /** How the answer leaves the server. */
    public enum Wire {
        /** Status, headers and the whole body. */
        WHOLE,
        /** Nothing: the connection is reset (TCP RST) before any byte of the answer. */
        RESET,
        /** Status, headers and half the body announced by {@code Content-Length}, then the connection is closed. */
        CUT
    }

    private final int status;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private byte[] body;
    private long delayMs;
    private Wire wire = Wire.WHOLE;

    public SimResponse(int status, String contentType, byte[] body) {
        this.status = status;
        this.body = body;
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
    }

    public static SimResponse of(int status, String contentType, String body) {
        return new SimResponse(status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    /** A connection reset without any answer. */
    public static SimResponse reset() {
        SimResponse r = new SimResponse(0, null, new byte[0]);
        r.wire = Wire.RESET;
        return r;
    }

    /** Sets a header, replacing one of the same name set before. */
    public SimResponse header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** Waits {@code ms} milliseconds before sending (the API's latency); 0 sends at once. */
    public SimResponse delayed(long ms) {
        this.delayMs = ms;
        return this;
    }

    /** gzip-encodes the body at the fastest level and says so in {@code Content-Encoding}. */
    public SimResponse gzip() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, body.length / 6));
        try (OutputStream gz = new FastGzip(out)) {
            gz.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        body = out.toByteArray();
        return header("Content-Encoding", "gzip");
    }

    /** Keeps only the first half of the body (at least 10 bytes), announced as the whole: an invalid document. */
    public SimResponse truncated() {
        body = Arrays.copyOf(body, Math.min(body.length, Math.max(10, body.length / 2)));
        return this;
    }

    /** Sends the head and half the body, then closes the connection: an answer dropped mid-way. */
    public SimResponse cut() {
        wire = Wire.CUT;
        return this;
    }

    public int status() {
        return status;
    }

    public String header(String name) {
        return headers.get(name);
    }

    Map<String, String> headers() {
        return headers;
    }

    public byte[] body() {
        return body;
    }

    long delayMs() {
        return delayMs;
    }

    Wire wire() {
        return wire;
    }

    /** gzip at the fastest level: pages are large and the simulator must keep up with parallel readers. */
    private static final class FastGzip extends GZIPOutputStream {
        FastGzip(OutputStream out) throws IOException {
            super(out, 64 * 1024);
            def.setLevel(Deflater.BEST_SPEED);
        }
    }
}
