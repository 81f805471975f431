package com.pagingetl.output;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;

/**
 * Proves that a file about to be published decompresses fully and holds exactly the committed number of
 * lines, in one pass that also computes the SHA-256 of its compressed bytes for the manifest (which would
 * otherwise take a pass of its own). {@code GZIPInputStream} checks every member's CRC and length, so a
 * damaged member fails here rather than in a consumer. Stateless.
 */
final class GzipLinesCheck {

    private static final int BUFFER = 1 << 16;

    private GzipLinesCheck() {
    }

    /**
     * @param published   the file's final name, for messages
     * @param consequence what a failure means for the run, appended to the message ("nothing was published")
     * @return the SHA-256 of {@code file}, hex
     * @throws UnusableOutputException when the file does not decompress or its line count differs
     */
    static String verify(Path file, String published, long expectedLines, String consequence) throws IOException {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        long lines = 0;
        try (InputStream raw = new DigestInputStream(Files.newInputStream(file), sha256);
             InputStream in = new GZIPInputStream(raw, BUFFER)) {
            byte[] buffer = new byte[BUFFER];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
            }
            // A damaged member header ends GZIPInputStream quietly (the line count catches that); the digest needs every byte.
            raw.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            throw new UnusableOutputException(published + " does not decompress (" + e.getMessage() + ") after " + lines
                    + " of its " + expectedLines + " committed records; " + consequence, true, e);
        }
        if (lines != expectedLines) {
            throw new UnusableOutputException(published + " decompresses to " + lines + " lines but its parts committed "
                    + expectedLines + " records; " + consequence, true, null);
        }
        return HexFormat.of().formatHex(sha256.digest());
    }
}
