package com.pagingetl.simulator.demarches;

/**
 * Sorts an array of indices by the long key each one points at, without boxing: a stable least-significant-digit
 * radix sort (indices with equal keys keep their order), for the million-entry columns of the generated base.
 * Stateless.
 */
final class IndexSort {

    private static final int BITS = 11;
    private static final int RADIX = 1 << BITS;

    private IndexSort() {
    }

    static void byKey(int[] indices, long[] key) {
        int n = indices.length;
        if (n < 2) {
            return;
        }
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int i : indices) {
            min = Math.min(min, key[i]);
            max = Math.max(max, key[i]);
        }
        // Keys as offsets from the smallest, so only the bits that differ are sorted on.
        int width = 64 - Long.numberOfLeadingZeros(max - min);
        int[] from = indices;
        int[] to = new int[n];
        for (int shift = 0; shift < width; shift += BITS) {
            int[] count = new int[RADIX + 1];
            for (int i : from) {
                count[digit(key[i] - min, shift) + 1]++;
            }
            for (int d = 0; d < RADIX; d++) {
                count[d + 1] += count[d];
            }
            for (int i : from) {
                to[count[digit(key[i] - min, shift)]++] = i;
            }
            int[] swap = from;
            from = to;
            to = swap;
        }
        if (from != indices) {
            System.arraycopy(from, 0, indices, 0, n);
        }
    }

    private static int digit(long offset, int shift) {
        return (int) ((offset >>> shift) & (RADIX - 1));
    }
}
