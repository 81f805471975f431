package com.pagingetl.jobs.systax;

/**
 * The paging key of a Systax rule: {@code (id_cenario, codigo_produto)}. The API orders rules by scenario,
 * then product, and pages by this pair. Immutable.
 */
record RulePair(long idCenario, long codigoProduto) implements Comparable<RulePair> {

    @Override
    public int compareTo(RulePair other) {
        int c = Long.compare(idCenario, other.idCenario);
        return c != 0 ? c : Long.compare(codigoProduto, other.codigoProduto);
    }

    boolean isAfter(RulePair other) {
        return compareTo(other) > 0;
    }

    @Override
    public String toString() {
        return "id_cenario " + idCenario + ", codigo_produto " + codigoProduto;
    }
}
