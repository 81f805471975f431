package com.pagingetl.paging;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The page positions a reader fetched in its current pass, as 64-bit hashes with their page numbers, so that a
 * position asked a second time (an API whose links or cursors cycle: A, B, A) is noticed at once. Open
 * addressing over two primitive arrays: about 24 bytes per page at worst, 2.4 MB for 100,000 pages. A 64-bit
 * hash of SHA-256 makes a false alarm (two positions with the same hash) about one in 10^9 at 100,000 pages.
 * Not thread-safe; kept in memory only, so a pass resumed in a new process starts an empty history.
 */
final class PositionHistory {

    private static final int INITIAL = 256;

    private long[] hashes = new long[INITIAL];
    private long[] pages = new long[INITIAL];
    private int size;

    /** The page number at which {@code position} was fetched in this pass, or 0 if it was not. */
    long pageOf(String position) {
        long h = hash(position);
        for (int i = slot(h, hashes.length); hashes[i] != 0; i = (i + 1) & (hashes.length - 1)) {
            if (hashes[i] == h) {
                return pages[i];
            }
        }
        return 0;
    }

    /** Records that {@code position} was fetched as page {@code page} (1-based). */
    void add(String position, long page) {
        if ((size + 1) * 2 > hashes.length) {
            grow();
        }
        insert(hash(position), page);
    }

    void clear() {
        hashes = new long[INITIAL];
        pages = new long[INITIAL];
        size = 0;
    }

    private void insert(long h, long page) {
        int i = slot(h, hashes.length);
        while (hashes[i] != 0 && hashes[i] != h) {
            i = (i + 1) & (hashes.length - 1);
        }
        if (hashes[i] == 0) {
            size++;
        }
        hashes[i] = h;
        pages[i] = page;
    }

    private void grow() {
        long[] oldHashes = hashes;
        long[] oldPages = pages;
        hashes = new long[oldHashes.length * 2];
        pages = new long[oldPages.length * 2];
        size = 0;
        for (int i = 0; i < oldHashes.length; i++) {
            if (oldHashes[i] != 0) {
                insert(oldHashes[i], oldPages[i]);
            }
        }
    }

    private static int slot(long h, int capacity) {
        return (int) (h ^ (h >>> 32)) & (capacity - 1);
    }

    /** 0 marks an empty slot, so it is never a hash. */
    static long hash(String position) {
        byte[] d;
        try {
            d = MessageDigest.getInstance("SHA-256").digest(position.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        long h = 0;
        for (int i = 0; i < 8; i++) {
            h = (h << 8) | (d[i] & 0xff);
        }
        return h == 0 ? 1 : h;
    }
}
