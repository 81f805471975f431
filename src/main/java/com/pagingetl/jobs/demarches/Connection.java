package com.pagingetl.jobs.demarches;

/**
 * The three connections of a démarche that the job reads, each in its own step with its own cursor and
 * watermark. A cursor belongs to one connection and one ordering: it is never used on another.
 */
enum Connection {

    /** Visible dossiers, ordered by (updated_at, id) because {@code updatedSince} is always given. */
    DOSSIERS("dossiers", "getDemarcheDossiers", "updatedSince"),
    /** Hidden, still restorable dossiers, ordered by the time they were hidden. */
    PENDING_DELETED("pendingDeletedDossiers", "getDemarchePendingDeletedDossiers", "deletedSince"),
    /** Purged dossiers, ordered by deletion time. */
    DELETED("deletedDossiers", "getDemarcheDeletedDossiers", "deletedSince");

    /** The field under {@code demarche}; also the step name and the part name. */
    final String field;
    /** The operation of the shipped document that reads it. */
    final String operation;
    /** Its lower-bound variable, filled with the démarche's fixed {@code updatedSince}. */
    final String sinceVariable;

    Connection(String field, String operation, String sinceVariable) {
        this.field = field;
        this.operation = operation;
        this.sinceVariable = sinceVariable;
    }

    /** Name of the watermark holding the last cursor of this connection. */
    String watermark() {
        return field + ".cursor";
    }

    /** JSON pointer of the connection in a response body. */
    String path() {
        return "/data/demarche/" + field;
    }
}
