package com.pagingetl.simulator.systax;

/**
 * One rules request as the simulator received and answered it, for tests that assert the exact
 * sequence of keys and pointers a client sent. Fields the body did not carry (or carried in an
 * unreadable form) are null. {@code status} is the HTTP status answered, 0 for an injected
 * connection reset. {@code returned} is the number of rules in a 200 answer, else 0.
 * Immutable.
 */
public record RecordedRulesRequest(Integer idCenario, Integer codigoProduto, Integer paginacao,
                                   String ponteiroAtualizacao, int status, int returned) {

    /** True when the request was answered with a page of rules. */
    public boolean served() {
        return status == 200;
    }
}
