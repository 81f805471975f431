package com.pagingetl.simulator.systax;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The rule set as parallel arrays sorted by packed key {@code (id_cenario, codigo_produto)}: one long
 * key, one long change sequence, one int variant and one long update time per rule, so 100k rules
 * cost a few megabytes and no JSON is stored. Also owns the global change sequence: every mutation
 * takes the next value, so sequences only grow.
 *
 * <p>Thread-safe: every method holds the table's monitor, so a page and the current sequence it reports are one
 * consistent snapshot (rendering happens outside, on the rows taken).
 */
final class RuleTable {

    /** One page read: the selected rows and the current sequence at the time of the read. */
    record Page(List<RuleRow> rows, long currentSequence) {
    }

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

    synchronized int size() {
        return size;
    }

    synchronized long currentSequence() {
        return currentSequence;
    }

    /**
     * Rules from {@code startKey} inclusive, in key order, whose sequence is greater than
     * {@code afterSequence}, at most {@code limit} of them.
     */
    synchronized Page page(long startKey, int limit, long afterSequence) {
        List<RuleRow> rows = new ArrayList<>(Math.min(limit, 128));
        int start = Arrays.binarySearch(keys, 0, size, startKey);
        for (int i = start >= 0 ? start : -start - 1; i < size && rows.size() < limit; i++) {
            if (sequences[i] > afterSequence) {
                rows.add(row(i));
            }
        }
        return new Page(rows, currentSequence);
    }

    /** Keys of the rules whose sequence is greater than {@code afterSequence}, in key order. */
    synchronized List<RuleKey> keysChangedAfter(long afterSequence) {
        List<RuleKey> changed = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            if (sequences[i] > afterSequence) {
                changed.add(RuleKey.of(keys[i]));
            }
        }
        return changed;
    }

    synchronized RuleRow get(RuleKey key) {
        int i = Arrays.binarySearch(keys, 0, size, key.packed());
        return i >= 0 ? row(i) : null;
    }

    /** All keys in order; for tests and summaries, not for serving pages. */
    List<RuleKey> allKeys() {
        return keysChangedAfter(Long.MIN_VALUE);
    }

    synchronized int maxProduto() {
        int max = 0;
        for (int i = 0; i < size; i++) {
            max = Math.max(max, (int) keys[i]);
        }
        return max;
    }

    /** Gives one existing rule a new variant and the next sequence; returns the new state. */
    synchronized RuleRow change(RuleKey key, long now) {
        int i = Arrays.binarySearch(keys, 0, size, key.packed());
        if (i < 0) {
            throw new IllegalArgumentException("no rule " + key);
        }
        touch(i, now);
        return row(i);
    }

    /** Changes {@code count} distinct random rules (all when count exceeds the size); returns their keys in change order. */
    synchronized List<RuleKey> changeRandom(SplittableRandom random, int count, long now) {
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
    }

    /**
     * Inserts new rules, each with the next sequence in the order given; existing keys are refused.
     * One merge pass, so a batch of additions costs one copy of the arrays.
     */
    synchronized void addAll(List<RuleKey> newKeys, int variant, long now) {
        Map<Long, Long> addedSequences = new HashMap<>();
        for (RuleKey key : newKeys) {
            if (Arrays.binarySearch(keys, 0, size, key.packed()) >= 0) {
                throw new IllegalArgumentException("rule " + key + " already exists");
            }
            if (addedSequences.put(key.packed(), currentSequence + 1 + addedSequences.size()) != null) {
                throw new IllegalArgumentException("rule " + key + " added twice");
            }
        }
        long[] added = addedSequences.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
        int total = size + added.length;
        long[] k = new long[total];
        long[] s = new long[total];
        int[] v = new int[total];
        long[] u = new long[total];
        int i = 0;
        int j = 0;
        for (int t = 0; t < total; t++) {
            if (j >= added.length || (i < size && keys[i] < added[j])) {
                k[t] = keys[i];
                s[t] = sequences[i];
                v[t] = variants[i];
                u[t] = updatedAt[i];
                i++;
            } else {
                k[t] = added[j];
                s[t] = addedSequences.get(added[j++]);
                v[t] = variant;
                u[t] = now;
            }
        }
        keys = k;
        sequences = s;
        variants = v;
        updatedAt = u;
        size = total;
        currentSequence += added.length;
    }

    private void touch(int i, long now) {
        sequences[i] = ++currentSequence;
        variants[i]++;
        updatedAt[i] = now;
    }

    private RuleRow row(int i) {
        return new RuleRow((int) (keys[i] >>> 32), (int) keys[i], sequences[i], variants[i], updatedAt[i]);
    }
}
