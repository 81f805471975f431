package com.pagingetl.simulator.systax;

/**
 * A snapshot of one rule's compact state, taken under the table's lock and rendered to JSON outside
 * it. {@code variant} selects the tax field values; {@code sequence} is the rule's last change in the
 * global change sequence (its {@code ponteiro_atualizacao}); {@code updatedAt} is epoch seconds.
 * Immutable.
 */
record RuleRow(int cenario, int produto, long sequence, int variant, long updatedAt) {
}
