package com.pagingetl.simulator.systax;

/**
 * The paging key of one rule: {@code (id_cenario, codigo_produto)}, ordered scenario first as the API
 * delivers rules. Immutable.
 */
public record RuleKey(int cenario, int produto) implements Comparable<RuleKey> {

    public RuleKey {
        if (cenario < 1 || produto < 1) {
            throw new IllegalArgumentException("id_cenario and codigo_produto must be positive: " + cenario + "/" + produto);
        }
    }

    static RuleKey of(long packed) {
        return new RuleKey((int) (packed >>> 32), (int) packed);
    }

    /** Packs the pair so that numeric order of the packed value is the API's delivery order. */
    static long pack(int cenario, int produto) {
        return ((long) cenario << 32) | (produto & 0xFFFFFFFFL);
    }

    long packed() {
        return pack(cenario, produto);
    }

    @Override
    public int compareTo(RuleKey other) {
        return Long.compare(packed(), other.packed());
    }

    @Override
    public String toString() {
        return cenario + "/" + produto;
    }
}
