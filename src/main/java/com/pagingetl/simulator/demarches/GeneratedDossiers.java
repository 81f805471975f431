package com.pagingetl.simulator.demarches;

import java.util.Map;
import java.util.function.LongFunction;

/**
 * The base data set as compact columns: per démarche its numbers and the visible dossiers' keys in
 * {@code (depose_at, id)} and {@code (updated_at, id)} order. Rows themselves are regenerated from the seed when
 * asked for ({@code rows}), so a million dossiers cost about 40 bytes each. Immutable and thread-safe.
 *
 * @param nextNumber    the first number after the base's
 * @param rows          makes the base row of a number from {@code firstNumber} to before {@code nextNumber}
 * @param lastTimestamp the latest timestamp of the base history
 */
record GeneratedDossiers(long firstNumber, long nextNumber, Map<Integer, Demarche> demarches,
                         LongFunction<DossierRow> rows, long lastTimestamp) {

    /** Sorted keyset positions {@code (nanos[i], ids[i])} of one ordering. */
    record Column(long[] nanos, long[] ids) {
    }

    /** The base of one démarche; {@code numbers} holds every dossier number it has, ascending (creation order). */
    record Demarche(long[] numbers, Column byDepose, Column byUpdated) {
    }

    GeneratedDossiers {
        demarches = Map.copyOf(demarches);
    }

    /** The base row of {@code number}, or null when the base has no such dossier. */
    DossierRow row(long number) {
        return number < firstNumber || number >= nextNumber ? null : rows.apply(number);
    }
}
