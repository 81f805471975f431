package com.pagingetl.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * The records of a run's output, order ignored: every line of every {@code *.jsonl.gz} under a directory
 * (work files under {@code .work/} excluded), each line reduced to the first 64 bits of its SHA-256, sorted.
 * Two outputs hold the same records when their sorted hashes are equal. Immutable.
 */
record RecordSet(long[] sortedHashes, String digest) {

    long records() {
        return sortedHashes.length;
    }

    static RecordSet of(Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(p -> p.getFileName().toString().endsWith(".jsonl.gz"))
                    .filter(p -> !dir.relativize(p).toString().contains(".work")).sorted().toList();
        }
        MessageDigest sha = sha256();
        long[] hashes = new long[1024];
        int n = 0;
        for (Path file : files) {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 1 << 16)) {
                byte[] chunk = new byte[1 << 16];
                int read;
                boolean unterminated = false;
                while ((read = in.read(chunk)) > 0) {
                    unterminated = chunk[read - 1] != '\n';
                    int from = 0;
                    for (int i = 0; i < read; i++) {
                        if (chunk[i] == '\n') {
                            sha.update(chunk, from, i - from);
                            if (n == hashes.length) {
                                hashes = Arrays.copyOf(hashes, n * 2);
                            }
                            hashes[n++] = ByteBuffer.wrap(sha.digest()).getLong();
                            from = i + 1;
                        }
                    }
                    sha.update(chunk, from, read - from);
                }
                if (unterminated) {
                    // A last line without its newline is still a record (and a difference from the other output).
                    if (n == hashes.length) {
                        hashes = Arrays.copyOf(hashes, n * 2);
                    }
                    hashes[n++] = ByteBuffer.wrap(sha.digest()).getLong();
                }
            }
        }
        long[] sorted = Arrays.copyOf(hashes, n);
        Arrays.sort(sorted);
        ByteBuffer all = ByteBuffer.allocate(sorted.length * 8);
        for (long h : sorted) {
            all.putLong(h);
        }
        return new RecordSet(sorted, HexFormat.of().formatHex(sha256().digest(all.array())));
    }

    boolean sameRecords(RecordSet other) {
        return digest.equals(other.digest);
    }

    /** "n only here, m only there" for a message about two sets that differ. */
    String differenceFrom(RecordSet other) {
        int i = 0;
        int j = 0;
        long onlyHere = 0;
        long onlyThere = 0;
        while (i < sortedHashes.length || j < other.sortedHashes.length) {
            if (j == other.sortedHashes.length || (i < sortedHashes.length && sortedHashes[i] < other.sortedHashes[j])) {
                onlyHere++;
                i++;
            } else if (i == sortedHashes.length || sortedHashes[i] > other.sortedHashes[j]) {
                onlyThere++;
                j++;
            } else {
                i++;
                j++;
            }
        }
        return records() + " records against " + other.records() + ": " + onlyHere + " only in the first, "
                + onlyThere + " only in the second";
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
