package com.pagingetl.simulator.systax;

/**
 * One tax scenario ({@code id_cenario}) of the data set: the operation, states and base CFOP its
 * rules share. Immutable.
 */
record Scenario(int id, String descricao, String ufOrigem, String ufDestino, String cfop, String tipo) {

    boolean interestadual() {
        return !ufOrigem.equals(ufDestino);
    }
}
