package com.pagingetl.simulator.demarches;

import static com.pagingetl.simulator.Locks.locked;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.LongFunction;
import java.util.function.LongPredicate;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The mutable data set: the generated base ({@link GeneratedDossiers}, rows made on demand) with the rows changed
 * since laid over it, and the four keyset orderings per démarche (visible dossiers by {@code (depose_at, id)} and by
 * {@code (updated_at, id)}, hidden dossiers by {@code (hidden_at, id)}, purged ones by {@code (deleted_at, id)}).
 * Only changed, deposited, hidden and purged dossiers are held as objects, so memory grows with the changes, not
 * with the size.
 *
 * <p>Thread safety: one read-write lock guards everything; pages are cut under the read lock and return immutable
 * rows, mutations take the write lock. Every mutation timestamp comes from {@link #nextTimestamp(long)}, which is
 * strictly increasing and above every timestamp already stored, so a change always lands after any cursor a
 * client already holds.
 */
final class DossierStore {

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final GeneratedDossiers base;
    /** Rows that differ from the base or are not in it; a base row listed here is stale in the base columns. */
    private final Map<Long, DossierRow> rows = new HashMap<>();
    /** The base numbers (from the first, as offsets) that {@code rows} holds: a cheap test for the page walks. */
    private final BitSet stale = new BitSet();
    private final long firstNumber;
    private final Map<Integer, Orderings> byDemarche = new HashMap<>();
    private long lastIssued;
    private long nextNumber;
    private long nextDeletedId;

    /** The changed rows of one démarche in the four orderings, its base, and the numbers deposited since. */
    private static final class Orderings {
        final TreeMap<SortKey, DossierRow> byDepose = new TreeMap<>();
        final TreeMap<SortKey, DossierRow> byUpdated = new TreeMap<>();
        final TreeMap<SortKey, DossierRow> pending = new TreeMap<>();
        final TreeMap<SortKey, DeletedRow> deleted = new TreeMap<>();
        final List<Long> deposited = new ArrayList<>();
        final GeneratedDossiers.Demarche base;

        Orderings(GeneratedDossiers.Demarche base) {
            this.base = base;
        }

        int size() {
            return base.numbers().length + deposited.size();
        }

        /** The {@code i}-th number in creation order. */
        long number(int i) {
            long[] numbers = base.numbers();
            return i < numbers.length ? numbers[i] : deposited.get(i - numbers.length);
        }
    }

    DossierStore(GeneratedDossiers base, long firstDeletedId) {
        this.base = base;
        this.firstNumber = base.firstNumber();
        base.demarches().forEach((d, columns) -> byDemarche.put(d, new Orderings(columns)));
        lastIssued = base.lastTimestamp();
        nextNumber = base.nextNumber();
        nextDeletedId = firstDeletedId;
    }

    // ---- reads -------------------------------------------------------------------------------------------

    Page<DossierRow> dossiers(int demarche, boolean byUpdatedAt, long sinceNanos, PageRequest request,
                              Predicate<DossierRow> filter) {
        return read(() -> visible(demarche, byUpdatedAt, true).page(
                sinceNanos < 0 ? null : SortKey.floor(sinceNanos), request, filter));
    }

    Page<DeletedRow> deleted(int demarche, long sinceNanos, PageRequest request) {
        return read(() -> OverlaidRows.of(orderings(demarche).deleted)
                .page(sinceNanos < 0 ? null : SortKey.floor(sinceNanos), request, r -> true));
    }

    Page<DossierRow> pending(int demarche, long sinceNanos, PageRequest request) {
        return read(() -> OverlaidRows.of(orderings(demarche).pending).page(null, request,
                r -> sinceNanos < 0 || r.hiddenByUserAt() >= sinceNanos || r.hiddenByAdminAt() >= sinceNanos));
    }

    DossierRow row(long number) {
        return read(() -> rowLocked(number));
    }

    /** Visible dossier numbers of a démarche, ascending. */
    List<Long> visibleNumbers(int demarche) {
        return read(() -> {
            Orderings o = orderings(demarche);
            long[] numbers = new long[o.base.byDepose().ids().length + o.byDepose.size()];
            int[] count = {0};
            visible(demarche, false, false).walk(KeyRange.ALL, true, (key, row) -> {
                numbers[count[0]++] = key.id();
                return true;
            });
            long[] sorted = Arrays.copyOf(numbers, count[0]);
            Arrays.sort(sorted);
            return view(sorted);
        });
    }

    /** A view, not a million boxed numbers: callers take its size or pick a few. */
    private static List<Long> view(long[] numbers) {
        return new AbstractList<>() {
            @Override
            public Long get(int index) {
                return numbers[index];
            }

            @Override
            public int size() {
                return numbers.length;
            }
        };
    }

    List<Long> pendingNumbers(int demarche) {
        return read(() -> orderings(demarche).pending.values().stream().map(DossierRow::number).sorted().toList());
    }

    List<Long> deletedNumbers(int demarche) {
        return read(() -> orderings(demarche).deleted.values().stream().map(DeletedRow::number).sorted().toList());
    }

    /** Visible dossiers whose {@code (updated_at, id)} is strictly after {@code key}, in that order. */
    List<Long> visibleUpdatedAfter(int demarche, SortKey key) {
        return read(() -> {
            List<Long> numbers = new ArrayList<>();
            visible(demarche, true, false).walk(KeyRange.ALL.above(key, false), true, (k, row) -> numbers.add(k.id()));
            return numbers;
        });
    }

    /** Every number the démarche ever had, in creation order (callers filter by state). */
    List<Long> allNumbers(int demarche) {
        return read(() -> {
            Orderings o = orderings(demarche);
            List<Long> numbers = new ArrayList<>(o.size());
            for (int i = 0; i < o.size(); i++) {
                numbers.add(o.number(i));
            }
            return numbers;
        });
    }

    /** A random visible dossier of the démarche, or -1 when none was found in a few tries. */
    long randomVisible(int demarche, java.util.random.RandomGenerator rnd) {
        return read(() -> {
            Orderings o = orderings(demarche);
            for (int attempt = 0; attempt < 64 && o.size() > 0; attempt++) {
                long number = o.number(rnd.nextInt(o.size()));
                if (rowLocked(number).visible()) {
                    return number;
                }
            }
            return -1L;
        });
    }

    int size(int demarche) {
        return read(() -> orderings(demarche).size());
    }

    long lastIssued() {
        return read(() -> lastIssued);
    }

    // ---- writes ------------------------------------------------------------------------------------------

    /**
     * Holds a base row that is not visible (a hidden dossier) as a changed one, so that it is indexed where it
     * belongs; no timestamp checks: the generator owns the base history.
     */
    void load(DossierRow row) {
        write(() -> {
            hold(row.number(), row);
            index(row);
            lastIssued = Math.max(lastIssued, Math.max(row.updatedAt(), row.hiddenAt()));
        });
    }

    /** Loads a purge of the base data set. */
    void loadDeleted(long number, String reason, long deletedAt) {
        write(() -> {
            purgeLocked(number, reason, deletedAt);
            lastIssued = Math.max(lastIssued, deletedAt);
        });
    }

    /** A timestamp at or after {@code proposed}, strictly after every timestamp issued or stored so far. */
    long nextTimestamp(long proposed) {
        return write(() -> {
            long micros = Math.floorDiv(Math.max(proposed, lastIssued + Timestamps.NANOS_PER_MICRO), Timestamps.NANOS_PER_MICRO);
            lastIssued = micros * Timestamps.NANOS_PER_MICRO;
            return lastIssued;
        });
    }

    /** Deposits a new dossier built by {@code factory} from its allocated number and timestamp. */
    DossierRow deposit(int demarche, long proposed, java.util.function.BiFunction<Long, Long, DossierRow> factory) {
        return write(() -> {
            long at = nextTimestamp(proposed);
            DossierRow row = factory.apply(nextNumber++, at);
            hold(row.number(), row);
            orderings(demarche).deposited.add(row.number());
            index(row);
            return row;
        });
    }

    /** Edits champs of a dossier; returns false when it does not exist or was purged. */
    boolean editChamps(long number, long proposed) {
        return replace(number, proposed, (row, at) -> row.purged() ? null : row.withChampEdit(at));
    }

    boolean transition(long number, DossierStatus next, long proposed) {
        return replace(number, proposed, (row, at) -> row.purged() || row.status() == DossierStatus.BROUILLON
                ? null : row.withStatus(next, at));
    }

    boolean hide(long number, long proposed) {
        return replace(number, proposed, (row, at) -> row.visible() ? row.withHidden(at) : null);
    }

    boolean restore(long number, long proposed) {
        return replace(number, proposed, (row, at) -> !row.purged() && row.hidden() ? row.withRestored(at) : null);
    }

    /** Purges a deposited dossier; the reason follows who hid it (or {@code expired} for a visible one). */
    boolean purge(long number, long proposed) {
        return write(() -> {
            DossierRow row = rowLocked(number);
            if (row == null || row.purged() || row.status() == DossierStatus.BROUILLON) {
                return false;
            }
            String reason = row.hiddenByUserAt() >= 0 ? "user_request"
                    : row.hiddenByAdminAt() >= 0 ? "instructeur_request" : "expired";
            purgeLocked(number, reason, nextTimestamp(proposed));
            return true;
        });
    }

    private void purgeLocked(long number, String reason, long at) {
        DossierRow row = rowLocked(number);
        unindex(row);
        DossierRow purged = row.withPurged();
        hold(number, purged);
        DeletedRow deleted = new DeletedRow(nextDeletedId++, number, row.demarche(), row.status(), reason, at);
        orderings(row.demarche()).deleted.put(deleted.key(), deleted);
    }

    private boolean replace(long number, long proposed, java.util.function.BiFunction<DossierRow, Long, DossierRow> change) {
        return write(() -> {
            DossierRow row = rowLocked(number);
            if (row == null || change.apply(row, proposed) == null) {
                return false;
            }
            DossierRow next = change.apply(row, nextTimestamp(proposed));
            unindex(row);
            hold(number, next);
            index(next);
            return true;
        });
    }

    /** Holds a changed or new row; a base number becomes stale in the base columns. */
    private void hold(long number, DossierRow row) {
        rows.put(number, row);
        if (number < base.nextNumber()) {
            stale.set((int) (number - firstNumber));
        }
    }

    private DossierRow rowLocked(long number) {
        DossierRow row = rows.get(number);
        return row != null ? row : base.row(number);
    }

    /**
     * The visible dossiers of a démarche in one of their two orderings (keys carry the dossier number); without
     * {@code withRows} base rows are not made and the walk offers null for them.
     */
    private OverlaidRows<DossierRow> visible(int demarche, boolean byUpdatedAt, boolean withRows) {
        Orderings o = orderings(demarche);
        LongFunction<DossierRow> rowOf = withRows ? base::row : number -> null;
        LongPredicate changed = number -> stale.get((int) (number - firstNumber));
        return byUpdatedAt ? new OverlaidRows<>(o.base.byUpdated(), rowOf, changed, o.byUpdated)
                : new OverlaidRows<>(o.base.byDepose(), rowOf, changed, o.byDepose);
    }

    private void index(DossierRow row) {
        Orderings o = orderings(row.demarche());
        if (row.visible()) {
            o.byDepose.put(row.byDepose(), row);
            o.byUpdated.put(row.byUpdated(), row);
        } else if (!row.purged() && row.hidden() && row.status() != DossierStatus.BROUILLON) {
            o.pending.put(row.byHidden(), row);
        }
    }

    private void unindex(DossierRow row) {
        Orderings o = orderings(row.demarche());
        o.byDepose.remove(row.byDepose());
        o.byUpdated.remove(row.byUpdated());
        if (row.hidden()) {
            o.pending.remove(row.byHidden());
        }
    }

    private <T> T read(Supplier<T> reader) {
        return locked(lock.readLock(), reader);
    }

    private <T> T write(Supplier<T> writer) {
        return locked(lock.writeLock(), writer);
    }

    private void write(Runnable writer) {
        write(() -> {
            writer.run();
            return null;
        });
    }

    private Orderings orderings(int demarche) {
        Orderings o = byDemarche.get(demarche);
        if (o == null) {
            throw new IllegalArgumentException("unknown démarche " + demarche);
        }
        return o;
    }
}
