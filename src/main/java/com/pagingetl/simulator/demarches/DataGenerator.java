package com.pagingetl.simulator.demarches;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Builds the deterministic data set from the templates and a seed: the base history (fixed timestamps between
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

    /** The base data set at epoch 0. */
    DossierStore baseStore() {
        DossierStore store = new DossierStore(templates.demarches.stream().map(Templates.DemarcheTemplate::number).toList(),
                FIRST_NUMBER, FIRST_DELETED_ID);
        List<Draft> drafts = new ArrayList<>();
        for (Templates.DemarcheTemplate demarche : templates.demarches) {
            int n = sizeOf(demarche);
            List<Draft> ofDemarche = new ArrayList<>(n);
            for (int k = 0; k < n; k++) {
                ofDemarche.add(draft(demarche, k));
            }
            shareSomeUpdatedAt(ofDemarche);
            drafts.addAll(ofDemarche);
        }
        // Dossier numbers are database ids: they grow with creation time across all démarches.
        drafts.sort(Comparator.comparingLong((Draft d) -> d.createdAt).thenComparingInt(d -> d.demarche).thenComparingInt(d -> d.k));
        List<Draft> purges = new ArrayList<>();
        long number = FIRST_NUMBER;
        for (Draft d : drafts) {
            d.number = number++;
            store.load(d.toRow());
            if (d.purgeAt >= 0) {
                purges.add(d);
            }
        }
        purges.sort(Comparator.comparingLong((Draft d) -> d.purgeAt).thenComparingLong(d -> d.number));
        for (Draft d : purges) {
            store.loadDeleted(d.number, d.purgeReason, d.purgeAt);
        }
        return store;
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
        d.k = k;
        long from = Math.max(BASE_START, demarche.datePublication());
        d.createdAt = from + micros(rnd, 0, BASE_END - 20 * DAY - from);
        d.groupe = rnd.nextInt(demarche.groupes().size());
        d.prefilled = rnd.nextInt(100) < 3;
        int roll = rnd.nextInt(100);
        d.status = roll < 7 ? DossierStatus.BROUILLON : roll < 25 ? DossierStatus.EN_CONSTRUCTION
                : roll < 40 ? DossierStatus.EN_INSTRUCTION : roll < 82 ? DossierStatus.ACCEPTE
                : roll < 94 ? DossierStatus.REFUSE : DossierStatus.SANS_SUITE;
        List<Long> edits = new ArrayList<>();
        if (d.status == DossierStatus.BROUILLON) {
            d.deposeAt = -1;
            edits.add(d.createdAt);
            d.last = d.createdAt;
        } else {
            d.deposeAt = d.createdAt + micros(rnd, 5 * MINUTE, 3 * DAY);
            edits.add(d.deposeAt);
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
                edits.add(t);
            }
            d.annotationsAt = d.enInstructionAt >= 0 ? d.enInstructionAt + micros(rnd, MINUTE, DAY) : d.deposeAt;
            d.last = max(edits.get(edits.size() - 1), d.enInstructionAt, d.traitementAt, d.annotationsAt);
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
        d.edits = edits.stream().mapToLong(Long::longValue).toArray();
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

    /** Real data has many dossiers touched in the same microsecond (bulk actions): tie some pairs. */
    private static void shareSomeUpdatedAt(List<Draft> drafts) {
        for (int i = 0; i + 1 < drafts.size(); i += 40) {
            Draft a = drafts.get(i);
            Draft b = drafts.get(i + 1);
            if (a.hiddenAt() < 0 && b.hiddenAt() < 0) {
                long shared = Math.max(a.updatedAt, b.updatedAt);
                a.updatedAt = shared;
                b.updatedAt = shared;
            }
        }
    }

    private static long max(long... values) {
        long m = Long.MIN_VALUE;
        for (long v : values) {
            m = Math.max(m, v);
        }
        return m;
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
        int k;
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
