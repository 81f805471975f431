package com.pagingetl.simulator.demarches;

/** Internal dossier states; {@link #BROUILLON} exists in the database but is never exposed by the API. */
enum DossierStatus {
    BROUILLON, EN_CONSTRUCTION, EN_INSTRUCTION, ACCEPTE, REFUSE, SANS_SUITE;

    /** The {@code DossierState} enum value on the wire. */
    String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    boolean terminated() {
        return this == ACCEPTE || this == REFUSE || this == SANS_SUITE;
    }
}
