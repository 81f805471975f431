package com.pagingetl.simulator.demarches;

import java.util.Map;

/**
 * The base data set as compact columns: which generated dossier each number is, and per démarche the visible
 * dossiers' keys in {@code (depose_at, id)} and {@code (updated_at, id)} order. Rows themselves are regenerated
 * from the seed when asked for ({@link DataGenerator#baseRow}), so a million dossiers cost about 40 bytes each.
 * Immutable and thread-safe.
 */
final class GeneratedDossiers {

    /** Sorted keyset positions {@code (nanos[i], ids[i])} of one ordering. */
    record Column(long[] nanos, long[] ids) {
    }

    /**
     * The base of one démarche.
     *
     * @param numbers every dossier number it has, ascending (creation order)
     */
    record Demarche(long[] numbers, Column byDepose, Column byUpdated) {
    }

    /** Makes the base row of a dossier from its démarche's index in the templates, its rank in it and its number. */
    @FunctionalInterface
    interface RowMaker {
        DossierRow row(int demarcheIndex, int k, long number);
    }

    private final long firstNumber;
    private final int[] generatedOfNumber;
    private final int[] offsets;
    private final Map<Integer, Demarche> demarches;
    private final RowMaker maker;
    private final long lastTimestamp;

    /**
     * @param generatedOfNumber for each number from {@code firstNumber}, its generated index
     *                          {@code offsets[demarcheIndex] + k}
     * @param lastTimestamp     the latest timestamp of the base history
     */
    GeneratedDossiers(long firstNumber, int[] generatedOfNumber, int[] offsets, Map<Integer, Demarche> demarches,
                      RowMaker maker, long lastTimestamp) {
        this.firstNumber = firstNumber;
        this.generatedOfNumber = generatedOfNumber;
        this.offsets = offsets;
        this.demarches = Map.copyOf(demarches);
        this.maker = maker;
        this.lastTimestamp = lastTimestamp;
    }

    /** The base row of {@code number}, or null when the base has no such dossier. */
    DossierRow row(long number) {
        long rank = number - firstNumber;
        if (rank < 0 || rank >= generatedOfNumber.length) {
            return null;
        }
        int g = generatedOfNumber[(int) rank];
        int j = 0;
        while (offsets[j + 1] <= g) {
            j++;
        }
        return maker.row(j, g - offsets[j], number);
    }

    Demarche demarche(int number) {
        return demarches.get(number);
    }

    Iterable<Integer> demarcheNumbers() {
        return demarches.keySet();
    }

    long firstNumber() {
        return firstNumber;
    }

    /** The first number after the base's. */
    long nextNumber() {
        return firstNumber + generatedOfNumber.length;
    }

    long lastTimestamp() {
        return lastTimestamp;
    }
}
