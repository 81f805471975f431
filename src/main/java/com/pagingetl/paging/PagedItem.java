package com.pagingetl.paging;

/**
 * A record together with the generation of the pass that read it. The generation grows each time the
 * reader restarts its query from the first page; the writer drops its output of older generations
 * and any older items still in the chunk, which keeps a restarted query free of duplicates.
 */
public record PagedItem<T>(T value, int generation) {
}
