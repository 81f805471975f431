package com.pagingetl.simulator.demarches;

/**
 * Sorts an array of indices by a comparison of what they index, without boxing: a stable bottom-up merge sort,
 * for the million-entry columns of the generated base. Stateless.
 */
final class IndexSort {

    @FunctionalInterface
    interface IndexComparator {
        int compare(int a, int b);
    }

    private IndexSort() {
    }

    static void sort(int[] indices, IndexComparator comparator) {
        int n = indices.length;
        int[] from = indices;
        int[] to = new int[n];
        for (int width = 1; width < n; width *= 2) {
            for (int lo = 0; lo < n; lo += 2 * width) {
                int mid = Math.min(lo + width, n);
                int hi = Math.min(lo + 2 * width, n);
                int i = lo;
                int j = mid;
                for (int k = lo; k < hi; k++) {
                    to[k] = j >= hi || i < mid && comparator.compare(from[i], from[j]) <= 0 ? from[i++] : from[j++];
                }
            }
            int[] swap = from;
            from = to;
            to = swap;
        }
        if (from != indices) {
            System.arraycopy(from, 0, indices, 0, n);
        }
    }
}
