package com.pagingetl.output;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.util.zip.CRC32;

/**
 * The CRC32 of a part file's committed bytes, {@code [0, length)}: the writer saves it with each commit and
 * checks it when it reopens the part, the publish step checks it while it copies the part into the published
 * file. CRC32 because it is incremental and cheap (intrinsic on current CPUs); it guards against accidents
 * (an editor, a restore, a disk), not against an attacker. Stateless.
 */
final class PartDigest {

    /**
     * A direct buffer is freed only when the heap is next collected, and a publish calls this once per part: with
     * 1 MB each, the hundreds of parts of a large run held its memory hundreds of MB above its heap.
     */
    private static final int BUFFER = 1 << 16;

    private PartDigest() {
    }

    /**
     * Feeds {@code [0, length)} of {@code in} to {@code crc}, copying the bytes to {@code copyTo} when it is not
     * null; fails if the file ends before {@code length}.
     */
    static void update(CRC32 crc, FileChannel in, long length, WritableByteChannel copyTo) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocateDirect((int) Math.min(BUFFER, Math.max(1, length)));
        long position = 0;
        while (position < length) {
            buffer.clear();
            buffer.limit((int) Math.min(buffer.capacity(), length - position));
            int n = in.read(buffer, position);
            if (n < 0) {
                throw new IOException("the file ends at byte " + position + ", before its committed length " + length);
            }
            position += n;
            buffer.flip();
            crc.update(buffer.duplicate());
            while (copyTo != null && buffer.hasRemaining()) {
                copyTo.write(buffer);
            }
        }
    }

    static String hex(long crc) {
        return String.format("%08x", crc);
    }
}
