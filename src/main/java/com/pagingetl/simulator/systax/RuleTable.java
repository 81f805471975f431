package com.pagingetl.simulator.systax;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The rule set as parallel arrays sorted by packed key {@code (id_cenario, codigo_produto)}: one long
 * key, one long change sequence, one int variant and one long update time per rule, so 100k rules
 * cost a few megabytes and no JSON is stored. Also owns the global change sequence: every mutation
 * takes the next value, so sequences only grow.
 *
 * <p>Thread-safe: reads (pages, counts) share a read lock, mutations take the write lock, so a page
 * and the current sequence it reports are one consistent snapshot.
 */
final class RuleTable {

    /** One page read: the selected rows and the current sequence at the time of the read. */
    record Page(List<RuleRow> rows, long currentSequence) {
    }

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private long[] keys;
    private long[] sequences;
    private int[] variants;
    private long[] updatedAt;
    private int size;
    private long currentSequence;

    RuleTable(long[] sortedKeys, long[] sequences, int[] variants, long[] updatedAt, long currentSequence) {
        for (int i = 1; i < sortedKeys.length; i++) {
            if (sortedKeys[i - 1] >= sortedKeys[i]) {
                throw new IllegalArgumentException("rule keys must be strictly ascending at index " + i);
            }
        }
        this.keys = sortedKeys;
        this.sequences = sequences;
        this.variants = variants;
        this.updatedAt = updatedAt;
        this.size = sortedKeys.length;
        this.currentSequence = currentSequence;
    }

    int size() {
        lock.readLock().lock();
        try {
            return size;
        } finally {
            lock.readLock().unlock();
        }
    }

    long currentSequence() {
        lock.readLock().lock();
        try {
            return currentSequence;
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Rules from {@code startKey} inclusive, in key order, whose sequence is greater than
     * {@code afterSequence}, at most {@code limit} of them.
     */
    Page page(long startKey, int limit, long afterSequence) {
        lock.readLock().lock();
        try {
            List<RuleRow> rows = new ArrayList<>(Math.min(limit, 128));
            for (int i = lowerBound(startKey); i < size && rows.size() < limit; i++) {
                if (sequences[i] > afterSequence) {
                    rows.add(row(i));
                }
            }
            return new Page(rows, currentSequence);
        } finally {
            lock.readLock().unlock();
        }
    }

    List<RuleKey> keysChangedAfter(long afterSequence) {
        lock.readLock().lock();
        try {
            List<RuleKey> changed = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                if (sequences[i] > afterSequence) {
                    changed.add(RuleKey.of(keys[i]));
                }
            }
            return changed;
        } finally {
            lock.readLock().unlock();
        }
    }

    int countChangedAfter(long afterSequence) {
        lock.readLock().lock();
        try {
            int count = 0;
            for (int i = 0; i < size; i++) {
                if (sequences[i] > afterSequence) {
                    count++;
                }
            }
            return count;
        } finally {
            lock.readLock().unlock();
        }
    }

    RuleRow get(RuleKey key) {
        lock.readLock().lock();
        try {
            int i = Arrays.binarySearch(keys, 0, size, key.packed());
            return i >= 0 ? row(i) : null;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** All keys in order; for tests and summaries, not for serving pages. */
    List<RuleKey> allKeys() {
        return keysChangedAfter(Long.MIN_VALUE);
    }

    int maxProduto() {
        lock.readLock().lock();
        try {
            int max = 0;
            for (int i = 0; i < size; i++) {
                max = Math.max(max, (int) keys[i]);
            }
            return max;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Gives one existing rule a new variant and the next sequence; returns the new state. */
    RuleRow change(RuleKey key, long now) {
        lock.writeLock().lock();
        try {
            int i = Arrays.binarySearch(keys, 0, size, key.packed());
            if (i < 0) {
                throw new IllegalArgumentException("no rule " + key);
            }
            touch(i, now);
            return row(i);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Changes {@code count} distinct random rules (all when count exceeds the size); returns their keys in change order. */
    List<RuleKey> changeRandom(SplittableRandom random, int count, long now) {
        lock.writeLock().lock();
        try {
            int n = Math.min(count, size);
            List<RuleKey> changed = new ArrayList<>(n);
            boolean[] picked = new boolean[size];
            while (changed.size() < n) {
                int i = random.nextInt(size);
                if (!picked[i]) {
                    picked[i] = true;
                    touch(i, now);
                    changed.add(RuleKey.of(keys[i]));
                }
            }
            return changed;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Inserts new rules, each with the next sequence in the order given; existing keys are refused.
     * One merge pass, so a batch of additions costs one copy of the arrays.
     */
    void addAll(List<RuleKey> newKeys, int variant, long now) {
        lock.writeLock().lock();
        try {
            long[] added = newKeys.stream().mapToLong(RuleKey::packed).toArray();
            long[] addedSeq = new long[added.length];
            for (int j = 0; j < added.length; j++) {
                if (Arrays.binarySearch(keys, 0, size, added[j]) >= 0) {
                    throw new IllegalArgumentException("rule " + newKeys.get(j) + " already exists");
                }
                addedSeq[j] = currentSequence + 1 + j;
            }
            Integer[] order = new Integer[added.length];
            for (int j = 0; j < order.length; j++) {
                order[j] = j;
            }
            Arrays.sort(order, (a, b) -> Long.compare(added[a], added[b]));
            for (int j = 1; j < order.length; j++) {
                if (added[order[j - 1]] == added[order[j]]) {
                    throw new IllegalArgumentException("rule " + RuleKey.of(added[order[j]]) + " added twice");
                }
            }
            merge(added, addedSeq, order, variant, now);
            currentSequence += added.length;
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void merge(long[] added, long[] addedSeq, Integer[] order, int variant, long now) {
        int total = size + added.length;
        long[] k = new long[total];
        long[] s = new long[total];
        int[] v = new int[total];
        long[] u = new long[total];
        int i = 0;
        int j = 0;
        for (int t = 0; t < total; t++) {
            if (j >= order.length || (i < size && keys[i] < added[order[j]])) {
                k[t] = keys[i];
                s[t] = sequences[i];
                v[t] = variants[i];
                u[t] = updatedAt[i];
                i++;
            } else {
                int a = order[j++];
                k[t] = added[a];
                s[t] = addedSeq[a];
                v[t] = variant;
                u[t] = now;
            }
        }
        keys = k;
        sequences = s;
        variants = v;
        updatedAt = u;
        size = total;
    }

    private void touch(int i, long now) {
        sequences[i] = ++currentSequence;
        variants[i]++;
        updatedAt[i] = now;
    }

    private RuleRow row(int i) {
        return new RuleRow((int) (keys[i] >>> 32), (int) keys[i], sequences[i], variants[i], updatedAt[i]);
    }

    private int lowerBound(long key) {
        int i = Arrays.binarySearch(keys, 0, size, key);
        return i >= 0 ? i : -i - 1;
    }
}
