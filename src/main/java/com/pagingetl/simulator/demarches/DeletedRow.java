package com.pagingetl.simulator.demarches;

/**
 * A {@code DeletedDossier}: a purged dossier (own id, ordered by {@code (deleted_at, id)}) or, for
 * pendingDeletedDossiers, a hidden one rendered the same way (id = dossier number). Immutable.
 */
record DeletedRow(long id, long number, int demarche, DossierStatus state, String reason, long deletedAt) {

    SortKey key() {
        return new SortKey(deletedAt, id);
    }
}
