package com.pagingetl.simulator.demarches;

/** Internal dossier states; {@link #BROUILLON} exists in the database but is never exposed by the API. */
enum DossierStatus {
    BROUILLON("en brouillon"), EN_CONSTRUCTION("en construction"), EN_INSTRUCTION("en instruction"),
    ACCEPTE("accepté"), REFUSE("refusé"), SANS_SUITE("classé sans suite");

    /** {@code dossier_display_state(dossier, lower: true)}: how a refused mutation names the state. */
    final String display;

    DossierStatus(String display) {
        this.display = display;
    }

    /** The {@code DossierState} enum value on the wire. */
    String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    boolean terminated() {
        return this == ACCEPTE || this == REFUSE || this == SANS_SUITE;
    }
}
