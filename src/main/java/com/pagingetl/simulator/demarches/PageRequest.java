package com.pagingetl.simulator.demarches;

/**
 * A validated connection request: page size, keyset bounds and direction.
 *
 * @param limit     page size after the cap (1..100, or 0)
 * @param after     exclusive lower bound in iteration order, or null
 * @param before    exclusive upper bound in iteration order, or null
 * @param backward  {@code last} was given: the page is the end of the range
 * @param descending deprecated {@code order: DESC}
 */
record PageRequest(int limit, SortKey after, SortKey before, boolean backward, boolean descending) {
}
