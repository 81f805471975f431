package com.pagingetl.jobs.systax;

/** Sends one rules request and returns the JSON body of a successful answer. */
@FunctionalInterface
interface RulesFetcher {

    /**
     * @param start     the {@code (id_cenario, codigo_produto)} the page starts at, inclusive
     * @param paginacao records asked for
     * @param pointer   the {@code ponteiro_atualizacao} sent; empty for a full load
     */
    byte[] fetch(RulePair start, int paginacao, String pointer);
}
