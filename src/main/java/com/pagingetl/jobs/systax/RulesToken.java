package com.pagingetl.jobs.systax;

import com.pagingetl.paging.PageToken;

/**
 * Where a Systax rules request starts, as the reader saves it: {@code from:<id_cenario>:<codigo_produto>}
 * for the first request of a process, {@code after:<id_cenario>:<codigo_produto>} for every later one.
 * Both request the page starting AT the pair (the API's boundaries are inclusive); "after" also says that
 * the rule at the pair was already written, so a first returned record with that same pair is dropped.
 * Immutable.
 */
record RulesToken(boolean after, RulePair pair) {

    private static final String FROM = "from";
    private static final String AFTER = "after";

    static RulesToken from(RulePair pair) {
        return new RulesToken(false, pair);
    }

    static RulesToken after(RulePair pair) {
        return new RulesToken(true, pair);
    }

    PageToken token() {
        return PageToken.of((after ? AFTER : FROM) + ":" + pair.idCenario() + ":" + pair.codigoProduto());
    }

    static RulesToken parse(PageToken token) {
        String[] parts = token.value().split(":");
        if (parts.length != 3 || !(parts[0].equals(FROM) || parts[0].equals(AFTER))) {
            throw new IllegalArgumentException("not a systaxRules position: '" + token.value() + "'");
        }
        try {
            return new RulesToken(parts[0].equals(AFTER), new RulePair(Long.parseLong(parts[1]), Long.parseLong(parts[2])));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a systaxRules position: '" + token.value() + "'", e);
        }
    }

    String describe() {
        return pair + (after ? ", boundary rule already written" : "");
    }
}
