package com.pagingetl.output;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes complete gzip members (RFC 1952) to a file channel, reusing one {@link Deflater} and its buffers for
 * every member: a {@code GZIPOutputStream} per chunk would allocate a new native deflater and stream stack
 * each time. Small writes (a record, its newline) are gathered into one buffer and handed to the CRC and the
 * deflater {@value #STAGED} bytes at a time: three native calls per write cost more than the copy. A member
 * holds whatever is written between {@link #begin} and {@link #finish}; concatenated
 * members read back as one stream with {@code zcat} and {@code GZIPInputStream}. Not thread-safe; one per
 * writer; {@link #close} frees the native memory.
 */
final class GzipMember implements AutoCloseable {

    private static final byte[] HEADER = {0x1f, (byte) 0x8b, Deflater.DEFLATED, 0, 0, 0, 0, 0, 0, (byte) 0xff};

    private final Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
    private final CRC32 crc = new CRC32();
    private static final int STAGED = 1 << 16;

    private final ByteBuffer out = ByteBuffer.allocate(1 << 16);
    private final byte[] staged = new byte[STAGED];
    private int stagedLength;
    private FileChannel channel;
    private CRC32 fileDigest;
    private long inputBytes;

    /**
     * Starts a member at the channel's position.
     *
     * @param fileDigest the CRC32 of the file's bytes so far, which every byte written to the channel updates
     */
    void begin(FileChannel target, CRC32 fileDigest) throws IOException {
        channel = target;
        this.fileDigest = fileDigest;
        deflater.reset();
        crc.reset();
        inputBytes = 0;
        stagedLength = 0;
        out.clear();
        out.put(HEADER);
    }

    void write(byte[] bytes, int offset, int length) throws IOException {
        if (length > STAGED - stagedLength) {
            deflateStaged();
        }
        if (length >= STAGED) {
            deflate(bytes, offset, length);
        } else {
            System.arraycopy(bytes, offset, staged, stagedLength, length);
            stagedLength += length;
        }
    }

    private void deflateStaged() throws IOException {
        deflate(staged, 0, stagedLength);
        stagedLength = 0;
    }

    private void deflate(byte[] bytes, int offset, int length) throws IOException {
        crc.update(bytes, offset, length);
        inputBytes += length;
        deflater.setInput(bytes, offset, length);
        while (!deflater.needsInput()) {
            drain(Deflater.NO_FLUSH);
        }
    }

    /** Ends the member: flushes the deflater and writes the trailer. The bytes are written, not forced. */
    void finish() throws IOException {
        deflateStaged();
        deflater.finish();
        while (!deflater.finished()) {
            drain(Deflater.NO_FLUSH);
        }
        if (out.remaining() < 8) {
            flush();
        }
        out.order(ByteOrder.LITTLE_ENDIAN).putInt((int) crc.getValue()).putInt((int) inputBytes).order(ByteOrder.BIG_ENDIAN);
        flush();
        channel = null;
        fileDigest = null;
    }

    private void drain(int flush) throws IOException {
        if (!out.hasRemaining()) {
            flush();
        }
        int n = deflater.deflate(out.array(), out.position(), out.remaining(), flush);
        out.position(out.position() + n);
    }

    private void flush() throws IOException {
        out.flip();
        fileDigest.update(out.array(), 0, out.limit());
        while (out.hasRemaining()) {
            channel.write(out);
        }
        out.clear();
    }

    @Override
    public void close() {
        deflater.end();
    }
}
