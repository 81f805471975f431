package com.pagingetl.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/**
 * One gzip JSON Lines file written by a reference client: each record is copied from the answer's bytes with
 * the whitespace between tokens removed (as the jobs publish it), then a newline; one gzip stream, no
 * checkpoints. Not thread-safe: one per thread.
 */
final class GzipLines implements AutoCloseable {

    private final OutputStream out;
    private byte[] buffer = new byte[8192];
    private long lines;

    GzipLines(Path file) throws IOException {
        out = new BufferedOutputStream(new GZIPOutputStream(Files.newOutputStream(file), 1 << 16), 1 << 16);
    }

    /** Writes {@code body[start, end)} compacted, as one line. */
    void write(byte[] body, int start, int end) throws IOException {
        if (buffer.length < end - start + 1) {
            buffer = new byte[Math.max(end - start + 1, buffer.length * 2)];
        }
        int n = 0;
        boolean inString = false;
        for (int i = start; i < end; i++) {
            byte c = body[i];
            if (inString) {
                buffer[n++] = c;
                if (c == '\\') {
                    buffer[n++] = body[++i];
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
                buffer[n++] = c;
            } else if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                buffer[n++] = c;
            }
        }
        buffer[n++] = '\n';
        out.write(buffer, 0, n);
        lines++;
    }

    long lines() {
        return lines;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
