package com.pagingetl.simulator.demarches;

/**
 * Compact, immutable metadata of one dossier; its JSON (champs, demandeur, ...) is rendered on demand from
 * {@code (seed, number, champ version)} by {@link DossierRenderer}. A change produces a new row.
 * All timestamps are epoch nanoseconds (whole microseconds), {@code -1} when absent.
 *
 * @param champVersionTimes when each champ version was written; index 0 is the initial filling, the last entry
 *                          the current version
 */
record DossierRow(
        long number,
        int demarche,
        long createdAt,
        long deposeAt,
        long enInstructionAt,
        long traitementAt,
        DossierStatus status,
        boolean archived,
        long hiddenByUserAt,
        long hiddenByAdminAt,
        boolean purged,
        long updatedAt,
        long annotationsUpdatedAt,
        long[] champVersionTimes,
        boolean prefilled,
        int groupe) {

    boolean hidden() {
        return hiddenByUserAt >= 0 || hiddenByAdminAt >= 0;
    }

    /** What {@code visible_by_administration} selects: deposited, not hidden by anyone, not purged. */
    boolean visible() {
        return status != DossierStatus.BROUILLON && !hidden() && !purged;
    }

    /** The pendingDeletedDossiers ordering column. */
    long hiddenAt() {
        return status == DossierStatus.EN_CONSTRUCTION && hiddenByUserAt >= 0 ? hiddenByUserAt
                : hiddenByAdminAt >= 0 ? hiddenByAdminAt : hiddenByUserAt;
    }

    int champVersion() {
        return champVersionTimes.length - 1;
    }

    long champsUpdatedAt() {
        return champVersionTimes[champVersionTimes.length - 1];
    }

    SortKey byDepose() {
        return new SortKey(deposeAt, number);
    }

    SortKey byUpdated() {
        return new SortKey(updatedAt, number);
    }

    SortKey byHidden() {
        return new SortKey(hiddenAt(), number);
    }

    /** A user or instructeur edit of the champs at {@code at}. */
    DossierRow withChampEdit(long at) {
        long[] times = java.util.Arrays.copyOf(champVersionTimes, champVersionTimes.length + 1);
        times[times.length - 1] = at;
        return new DossierRow(number, demarche, createdAt, deposeAt, enInstructionAt, traitementAt, status, archived,
                hiddenByUserAt, hiddenByAdminAt, purged, at, annotationsUpdatedAt, times, prefilled, groupe);
    }

    /** A state transition at {@code at}; annotations are written by the instructeur at the same time. */
    DossierRow withStatus(DossierStatus next, long at) {
        long instruction = next == DossierStatus.EN_INSTRUCTION ? at : enInstructionAt;
        long traitement = next.terminated() ? at : traitementAt;
        return new DossierRow(number, demarche, createdAt, deposeAt, instruction, traitement, next, archived,
                hiddenByUserAt, hiddenByAdminAt, purged, at, at, champVersionTimes, prefilled, groupe);
    }

    DossierRow withHidden(long at) {
        boolean byUser = status == DossierStatus.EN_CONSTRUCTION;
        return new DossierRow(number, demarche, createdAt, deposeAt, enInstructionAt, traitementAt, status, archived,
                byUser ? at : -1, byUser ? -1 : at, purged, at, annotationsUpdatedAt, champVersionTimes, prefilled, groupe);
    }

    DossierRow withRestored(long at) {
        return new DossierRow(number, demarche, createdAt, deposeAt, enInstructionAt, traitementAt, status, archived,
                -1, -1, purged, at, annotationsUpdatedAt, champVersionTimes, prefilled, groupe);
    }

    DossierRow withPurged() {
        return new DossierRow(number, demarche, createdAt, deposeAt, enInstructionAt, traitementAt, status, archived,
                hiddenByUserAt, hiddenByAdminAt, true, updatedAt, annotationsUpdatedAt, champVersionTimes, prefilled, groupe);
    }
}
