package com.pagingetl.simulator.demarches;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Builds the deterministic data set from the templates and a seed: the base history, each dossier drawn from
 * {@code (seed, démarche, rank)} alone (fixed timestamps between
 * {@link #BASE_START} and {@link #BASE_END}, so cursors stay valid across instances) and the change batches
 * ("epochs") 1..e, each dated {@code BASE_END + e days}. Not thread-safe by itself; the store it fills is.
 */
final class DataGenerator {

    static final long BASE_START = Timestamps.nanos("2024-01-01T00:00:00Z");
    static final long BASE_END = Timestamps.nanos("2026-06-30T21:59:59Z");
    static final long FIRST_NUMBER = 18_420_001L;
    static final long FIRST_DELETED_ID = 912_001L;

    private static final long SECOND = Timestamps.NANOS_PER_SECOND;
    private static final long MINUTE = 60 * SECOND;
    private static final long HOUR = 60 * MINUTE;
    private static final long DAY = 24 * HOUR;
    private static final int SHARED_EVERY = 40;
    private static final String[] PURGE_REASONS = {"expired", "expired", "expired", "expired", "user_request",
            "user_request", "user_request", "instructeur_request", "instructeur_request", "manager_request"};

    private final Templates templates;
    private final long seed;
    private final int size;

    DataGenerator(Templates templates, long seed, int size) {
        this.templates = templates;
        this.seed = seed;
        this.size = size;
    }

    /** Number of dossiers (all states) generated for a démarche of the templates. */
    int sizeOf(Templates.DemarcheTemplate demarche) {
        return switch (demarche.size()) {
            case "large" -> size;
            case "small" -> Math.max(20, size / 40);
            default -> 60;
        };
    }

    /**
     * The base data set at epoch 0. Each dossier is drawn from {@code (seed, démarche, rank)} alone; only the
     * columns that order and number the dossiers are kept ({@link GeneratedDossiers}), a row is drawn again when
     * asked for. Hidden and purged dossiers (a few per cent) are held as rows by the store.
     */
    DossierStore baseStore() {
        List<Templates.DemarcheTemplate> demarches = templates.demarches;
        int[] offsets = new int[demarches.size() + 1];
        for (int j = 0; j < demarches.size(); j++) {
            offsets[j + 1] = offsets[j] + sizeOf(demarches.get(j));
        }
        int total = offsets[demarches.size()];
        long[] created = new long[total];
        long[] depose = new long[total];
        long[] updated = new long[total];
        long[] hiddenAt = new long[total];
        long[] purgeAt = new long[total];
        boolean[] brouillon = new boolean[total];
        IntStream.range(0, total).parallel().forEach(g -> {
            Draft d = baseDraft(offsets, g, 0);
            created[g] = d.createdAt;
            depose[g] = d.deposeAt;
            updated[g] = d.updatedAt;
            hiddenAt[g] = d.hiddenAt();
            purgeAt[g] = d.purgeAt;
            brouillon[g] = d.status == DossierStatus.BROUILLON;
        });
        // Dossier numbers are database ids: they grow with creation time across all démarches.
        // Ties are broken by (démarche number, rank): the stable sort keeps that starting order.
        int[] generatedOfNumber = new int[total];
        int filledOrder = 0;
        for (int j : byNumber(demarches)) {
            for (int g = offsets[j]; g < offsets[j + 1]; g++) {
                generatedOfNumber[filledOrder++] = g;
            }
        }
        IndexSort.byKey(generatedOfNumber, created);
        long[] numberOf = new long[total];
        long[][] numbers = new long[demarches.size()][];
        int[] filled = new int[demarches.size()];
        // Visible dossiers in number order, so that the stable column sorts break time ties by number.
        int[][] visible = new int[demarches.size()][];
        int[] visibleCount = new int[demarches.size()];
        for (int j = 0; j < demarches.size(); j++) {
            numbers[j] = new long[offsets[j + 1] - offsets[j]];
            visible[j] = new int[offsets[j + 1] - offsets[j]];
        }
        long last = 0;
        for (int rank = 0; rank < total; rank++) {
            int g = generatedOfNumber[rank];
            int j = demarcheIndex(offsets, g);
            numberOf[g] = FIRST_NUMBER + rank;
            numbers[j][filled[j]++] = FIRST_NUMBER + rank;
            last = Math.max(last, Math.max(updated[g], Math.max(hiddenAt[g], purgeAt[g])));
            if (!brouillon[g] && hiddenAt[g] < 0 && purgeAt[g] < 0) {
                visible[j][visibleCount[j]++] = g;
            }
        }
        Map<Integer, GeneratedDossiers.Demarche> columns = new HashMap<>();
        for (int j = 0; j < demarches.size(); j++) {
            int[] shown = java.util.Arrays.copyOf(visible[j], visibleCount[j]);
            columns.put(demarches.get(j).number(), new GeneratedDossiers.Demarche(numbers[j],
                    column(shown, depose, numberOf), column(shown, updated, numberOf)));
        }
        GeneratedDossiers base = new GeneratedDossiers(FIRST_NUMBER, FIRST_NUMBER + total, columns,
                number -> baseDraft(offsets, generatedOfNumber[(int) (number - FIRST_NUMBER)], number).toRow(), last);
        DossierStore store = new DossierStore(base, FIRST_DELETED_ID);
        List<Draft> purges = new ArrayList<>();
        for (int rank = 0; rank < total; rank++) {
            int g = generatedOfNumber[rank];
            if (hiddenAt[g] >= 0 || purgeAt[g] >= 0) {
                Draft d = baseDraft(offsets, g, FIRST_NUMBER + rank);
                if (d.purgeAt >= 0) {
                    purges.add(d);
                } else {
                    store.load(d.toRow());
                }
            }
        }
        purges.sort(Comparator.comparingLong((Draft d) -> d.purgeAt).thenComparingLong(d -> d.number));
        for (Draft d : purges) {
            store.loadDeleted(d.number, d.purgeReason, d.purgeAt);
        }
        return store;
    }

    /** The keys {@code (time, number)} of the given dossiers, listed in number order, sorted. */
    private static GeneratedDossiers.Column column(int[] dossiers, long[] time, long[] numberOf) {
        int[] order = dossiers.clone();
        IndexSort.byKey(order, time);
        long[] nanos = new long[order.length];
        long[] ids = new long[order.length];
        for (int i = 0; i < order.length; i++) {
            nanos[i] = time[order[i]];
            ids[i] = numberOf[order[i]];
        }
        return new GeneratedDossiers.Column(nanos, ids);
    }

    private static int demarcheIndex(int[] offsets, int g) {
        int j = 0;
        while (offsets[j + 1] <= g) {
            j++;
        }
        return j;
    }

    /** Indices of the démarches in ascending number order. */
    private static int[] byNumber(List<Templates.DemarcheTemplate> demarches) {
        return IntStream.range(0, demarches.size()).boxed()
                .sorted(Comparator.comparingInt(j -> demarches.get(j).number())).mapToInt(Integer::intValue).toArray();
    }

    /**
     * Generated dossier {@code g} (dossier {@code k} of its démarche, counted by {@code offsets}) as the base has
     * it: real data has many dossiers touched in the same microsecond (bulk actions), so pairs
     * {@code (40 i, 40 i + 1)} share their later updated_at unless one is hidden.
     */
    private Draft baseDraft(int[] offsets, int g, long number) {
        int j = demarcheIndex(offsets, g);
        Templates.DemarcheTemplate demarche = templates.demarches.get(j);
        int k = g - offsets[j];
        int n = offsets[j + 1] - offsets[j];
        Draft d = draft(demarche, k);
        d.number = number;
        int partner = k % SHARED_EVERY == 0 ? k + 1 : k % SHARED_EVERY == 1 ? k - 1 : -1;
        if (partner >= 0 && partner < n) {
            Draft p = draft(demarche, partner);
            if (d.hiddenAt() < 0 && p.hiddenAt() < 0) {
                d.updatedAt = Math.max(d.updatedAt, p.updatedAt);
            }
        }
        return d;
    }

    /** Applies change batch {@code epoch} (1-based) to the store; returns a one-line summary. */
    String applyBatch(DossierStore store, int epoch) {
        SplittableRandom rnd = new SplittableRandom(mix(seed, 0xBA7C4L, epoch));
        long clock = BASE_END + epoch * DAY + 8 * HOUR;
        int touched = 0;
        int deposited = 0;
        int hidden = 0;
        int purged = 0;
        for (Templates.DemarcheTemplate demarche : templates.demarches) {
            int number = demarche.number();
            List<Long> visible = store.visibleNumbers(number);
            if (visible.isEmpty()) {
                continue;
            }
            int newOnes = Math.max(1, visible.size() / 500);
            for (int i = 0; i < newOnes; i++) {
                clock += step(rnd);
                final long seedForDraft = rnd.nextLong();
                store.deposit(number, clock, (num, at) -> newDossier(demarche, num, at, seedForDraft));
                deposited++;
            }
            int changes = Math.max(1, visible.size() / 100);
            for (int i = 0; i < changes; i++) {
                long target = visible.get(rnd.nextInt(visible.size()));
                clock += step(rnd);
                DossierRow row = store.row(target);
                DossierStatus next = rnd.nextInt(100) < 30 && row != null ? successor(row.status(), rnd) : null;
                boolean done = next != null ? store.transition(target, next, clock) : store.editChamps(target, clock);
                touched += done ? 1 : 0;
            }
            int hides = Math.max(1, visible.size() / 1000);
            for (int i = 0; i < hides; i++) {
                clock += step(rnd);
                hidden += store.hide(visible.get(rnd.nextInt(visible.size())), clock) ? 1 : 0;
            }
            int purges = Math.max(1, visible.size() / 2000);
            List<Long> pending = store.pendingNumbers(number);
            for (int i = 0; i < purges; i++) {
                clock += step(rnd);
                long target = i < pending.size() ? pending.get(i) : visible.get(rnd.nextInt(visible.size()));
                purged += store.purge(target, clock) ? 1 : 0;
            }
        }
        return "epoch " + epoch + ": " + touched + " dossiers modified, " + deposited + " deposited, " + hidden
                + " hidden, " + purged + " purged";
    }

    /** A freshly deposited dossier (en_construction) for live or batch changes. */
    DossierRow newDossier(Templates.DemarcheTemplate demarche, long number, long at, long draftSeed) {
        SplittableRandom rnd = new SplittableRandom(draftSeed);
        long created = at - micros(rnd, 10 * MINUTE, 2 * DAY);
        return new DossierRow(number, demarche.number(), created, at, -1, -1, DossierStatus.EN_CONSTRUCTION, false, -1, -1,
                false, at, at, new long[]{at}, rnd.nextInt(100) < 3, rnd.nextInt(demarche.groupes().size()));
    }

    static DossierStatus successor(DossierStatus status, SplittableRandom rnd) {
        return switch (status) {
            case EN_CONSTRUCTION -> DossierStatus.EN_INSTRUCTION;
            case EN_INSTRUCTION -> rnd.nextInt(100) < 75 ? DossierStatus.ACCEPTE : DossierStatus.REFUSE;
            default -> null;
        };
    }

    private static long step(SplittableRandom rnd) {
        return micros(rnd, SECOND, 90 * SECOND);
    }

    private Draft draft(Templates.DemarcheTemplate demarche, int k) {
        SplittableRandom rnd = new SplittableRandom(mix(seed, demarche.number(), k));
        Draft d = new Draft();
        d.demarche = demarche.number();
        long from = Math.max(BASE_START, Timestamps.nanos(demarche.datePublication()));
        d.createdAt = from + micros(rnd, 0, BASE_END - 20 * DAY - from);
        d.groupe = rnd.nextInt(demarche.groupes().size());
        d.prefilled = rnd.nextInt(100) < 3;
        int roll = rnd.nextInt(100);
        d.status = roll < 7 ? DossierStatus.BROUILLON : roll < 25 ? DossierStatus.EN_CONSTRUCTION
                : roll < 40 ? DossierStatus.EN_INSTRUCTION : roll < 82 ? DossierStatus.ACCEPTE
                : roll < 94 ? DossierStatus.REFUSE : DossierStatus.SANS_SUITE;
        // The first filling and at most three corrections.
        long[] edits = new long[4];
        int editCount = 0;
        if (d.status == DossierStatus.BROUILLON) {
            d.deposeAt = -1;
            edits[editCount++] = d.createdAt;
            d.last = d.createdAt;
        } else {
            d.deposeAt = d.createdAt + micros(rnd, 5 * MINUTE, 3 * DAY);
            edits[editCount++] = d.deposeAt;
            d.last = d.deposeAt;
            if (d.status != DossierStatus.EN_CONSTRUCTION) {
                d.enInstructionAt = d.deposeAt + micros(rnd, HOUR, 30 * DAY);
                if (d.status.terminated()) {
                    d.traitementAt = d.enInstructionAt + micros(rnd, DAY, 60 * DAY);
                }
            }
            if (d.traitementAt > BASE_END) {
                d.traitementAt = -1;
                d.status = DossierStatus.EN_INSTRUCTION;
            }
            if (d.enInstructionAt > BASE_END) {
                d.enInstructionAt = -1;
                d.status = DossierStatus.EN_CONSTRUCTION;
            }
            // Users correct champs while en construction, sometimes after an instructeur's request.
            long editWindowEnd = d.enInstructionAt >= 0 ? d.enInstructionAt : Math.min(BASE_END, d.deposeAt + 40 * DAY);
            int extraEdits = rnd.nextInt(100) < 35 ? 1 + rnd.nextInt(3) : 0;
            long t = d.deposeAt;
            for (int i = 0; i < extraEdits && t < editWindowEnd - MINUTE; i++) {
                t = t + micros(rnd, MINUTE, Math.max(MINUTE + 1, (editWindowEnd - t) / 2));
                edits[editCount++] = t;
            }
            d.annotationsAt = d.enInstructionAt >= 0 ? d.enInstructionAt + micros(rnd, MINUTE, DAY) : d.deposeAt;
            d.last = Math.max(Math.max(edits[editCount - 1], d.enInstructionAt),
                    Math.max(d.traitementAt, d.annotationsAt));
            d.archived = d.traitementAt >= 0 && d.traitementAt < BASE_END - 120 * DAY && rnd.nextInt(100) < 50;
            int fate = rnd.nextInt(1000);
            if (fate < 15) {
                long at = d.last + micros(rnd, MINUTE, 20 * DAY);
                if (d.status == DossierStatus.EN_CONSTRUCTION) {
                    d.hiddenByUserAt = at;
                } else {
                    d.hiddenByAdminAt = at;
                }
                d.last = at;
            } else if (fate < 25) {
                d.purgeAt = d.last + micros(rnd, DAY, 90 * DAY);
                d.purgeReason = PURGE_REASONS[rnd.nextInt(PURGE_REASONS.length)];
            }
        }
        d.edits = java.util.Arrays.copyOf(edits, editCount);
        d.updatedAt = Math.min(BASE_END, d.last + micros(rnd, 0, 3 * SECOND));
        if (d.hiddenByAdminAt > BASE_END || d.hiddenByUserAt > BASE_END) {
            d.hiddenByAdminAt = d.hiddenByAdminAt >= 0 ? d.updatedAt : -1;
            d.hiddenByUserAt = d.hiddenByUserAt >= 0 ? d.updatedAt : -1;
        }
        if (d.purgeAt > BASE_END) {
            d.purgeAt = BASE_END - micros(rnd, 0, HOUR);
            d.purgeAt = Math.max(d.purgeAt, d.updatedAt);
        }
        return d;
    }

    /** A random duration in [min, max), whole microseconds. */
    static long micros(SplittableRandom rnd, long minNanos, long maxNanos) {
        long lo = minNanos / Timestamps.NANOS_PER_MICRO;
        long hi = Math.max(lo + 1, maxNanos / Timestamps.NANOS_PER_MICRO);
        return rnd.nextLong(lo, hi) * Timestamps.NANOS_PER_MICRO;
    }

    static long mix(long a, long b, long c) {
        long h = a * 0x9E3779B97F4A7C15L + b;
        h = (h ^ (h >>> 31)) * 0xBF58476D1CE4E5B9L + c;
        h = (h ^ (h >>> 29)) * 0x94D049BB133111EBL;
        return h ^ (h >>> 32);
    }

    /** A dossier being generated, before its number is known. */
    private static final class Draft {
        int demarche;
        long number;
        long createdAt;
        long deposeAt;
        long enInstructionAt = -1;
        long traitementAt = -1;
        long annotationsAt;
        long hiddenByUserAt = -1;
        long hiddenByAdminAt = -1;
        long purgeAt = -1;
        String purgeReason;
        long last;
        long updatedAt;
        long[] edits;
        DossierStatus status;
        boolean archived;
        boolean prefilled;
        int groupe;

        long hiddenAt() {
            return Math.max(hiddenByAdminAt, hiddenByUserAt);
        }

        DossierRow toRow() {
            return new DossierRow(number, demarche, createdAt, deposeAt, enInstructionAt, traitementAt, status, archived,
                    hiddenByUserAt, hiddenByAdminAt, false, updatedAt, annotationsAt, edits, prefilled, groupe);
        }
    }
}
