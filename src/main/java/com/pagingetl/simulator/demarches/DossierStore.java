package com.pagingetl.simulator.demarches;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Predicate;

/**
 * The mutable data set: dossier rows and the four keyset orderings per démarche (visible dossiers by
 * {@code (depose_at, id)} and by {@code (updated_at, id)}, hidden dossiers by {@code (hidden_at, id)}, purged ones
 * by {@code (deleted_at, id)}).
 *
 * <p>Thread safety: one read-write lock guards everything; pages are cut under the read lock and return immutable
 * rows, mutations take the write lock. Every mutation timestamp comes from {@link #nextTimestamp(long)}, which is
 * strictly increasing and above every timestamp already stored, so a change always lands after any cursor a
 * client already holds.
 */
final class DossierStore {

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<Long, DossierRow> rows = new HashMap<>();
    private final Map<Integer, Orderings> byDemarche = new HashMap<>();
    private long lastIssued;
    private long nextNumber;
    private long nextDeletedId;

    /** The sorted views of one démarche, plus every number it ever had (for random picks). */
    private static final class Orderings {
        final TreeMap<SortKey, DossierRow> byDepose = new TreeMap<>();
        final TreeMap<SortKey, DossierRow> byUpdated = new TreeMap<>();
        final TreeMap<SortKey, DossierRow> pending = new TreeMap<>();
        final TreeMap<SortKey, DeletedRow> deleted = new TreeMap<>();
        final List<Long> numbers = new ArrayList<>();
    }

    DossierStore(Iterable<Integer> demarches, long firstNumber, long firstDeletedId) {
        demarches.forEach(d -> byDemarche.put(d, new Orderings()));
        nextNumber = firstNumber;
        nextDeletedId = firstDeletedId;
    }

    // ---- reads -------------------------------------------------------------------------------------------

    Page<DossierRow> dossiers(int demarche, boolean byUpdatedAt, long sinceNanos, PageRequest request,
                              Predicate<DossierRow> filter) {
        lock.readLock().lock();
        try {
            Orderings o = orderings(demarche);
            return KeysetPager.page(byUpdatedAt ? o.byUpdated : o.byDepose,
                    sinceNanos < 0 ? null : SortKey.floor(sinceNanos), request, filter);
        } finally {
            lock.readLock().unlock();
        }
    }

    Page<DeletedRow> deleted(int demarche, long sinceNanos, PageRequest request) {
        lock.readLock().lock();
        try {
            return KeysetPager.page(orderings(demarche).deleted, sinceNanos < 0 ? null : SortKey.floor(sinceNanos),
                    request, r -> true);
        } finally {
            lock.readLock().unlock();
        }
    }

    Page<DossierRow> pending(int demarche, long sinceNanos, PageRequest request) {
        lock.readLock().lock();
        try {
            return KeysetPager.page(orderings(demarche).pending, null, request,
                    r -> sinceNanos < 0 || r.hiddenByUserAt() >= sinceNanos || r.hiddenByAdminAt() >= sinceNanos);
        } finally {
            lock.readLock().unlock();
        }
    }

    DossierRow row(long number) {
        lock.readLock().lock();
        try {
            return rows.get(number);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Visible dossier numbers of a démarche, ascending. */
    List<Long> visibleNumbers(int demarche) {
        lock.readLock().lock();
        try {
            return orderings(demarche).byDepose.values().stream().map(DossierRow::number).sorted().toList();
        } finally {
            lock.readLock().unlock();
        }
    }

    List<Long> pendingNumbers(int demarche) {
        lock.readLock().lock();
        try {
            return orderings(demarche).pending.values().stream().map(DossierRow::number).sorted().toList();
        } finally {
            lock.readLock().unlock();
        }
    }

    List<Long> deletedNumbers(int demarche) {
        lock.readLock().lock();
        try {
            return orderings(demarche).deleted.values().stream().map(DeletedRow::number).sorted().toList();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Visible dossiers whose {@code (updated_at, id)} is strictly after {@code key}, in that order. */
    List<Long> visibleUpdatedAfter(int demarche, SortKey key) {
        lock.readLock().lock();
        try {
            return orderings(demarche).byUpdated.tailMap(key, false).values().stream().map(DossierRow::number).toList();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Every number the démarche ever had, in creation order (callers filter by state). */
    List<Long> allNumbers(int demarche) {
        lock.readLock().lock();
        try {
            return List.copyOf(orderings(demarche).numbers);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** A random visible dossier of the démarche, or -1 when none was found in a few tries. */
    long randomVisible(int demarche, java.util.random.RandomGenerator rnd) {
        lock.readLock().lock();
        try {
            List<Long> numbers = orderings(demarche).numbers;
            for (int attempt = 0; attempt < 64 && !numbers.isEmpty(); attempt++) {
                long number = numbers.get(rnd.nextInt(numbers.size()));
                if (rows.get(number).visible()) {
                    return number;
                }
            }
            return -1;
        } finally {
            lock.readLock().unlock();
        }
    }

    int size(int demarche) {
        lock.readLock().lock();
        try {
            return orderings(demarche).numbers.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    long lastIssued() {
        lock.readLock().lock();
        try {
            return lastIssued;
        } finally {
            lock.readLock().unlock();
        }
    }

    // ---- writes ------------------------------------------------------------------------------------------

    /** Loads a row of the base data set (no timestamp checks: the generator owns the base history). */
    void load(DossierRow row) {
        lock.writeLock().lock();
        try {
            rows.put(row.number(), row);
            orderings(row.demarche()).numbers.add(row.number());
            index(row);
            lastIssued = Math.max(lastIssued, Math.max(row.updatedAt(), row.hiddenAt()));
            nextNumber = Math.max(nextNumber, row.number() + 1);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Loads a purge of the base data set. */
    void loadDeleted(long number, String reason, long deletedAt) {
        lock.writeLock().lock();
        try {
            purgeLocked(number, reason, deletedAt);
            lastIssued = Math.max(lastIssued, deletedAt);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** A timestamp at or after {@code proposed}, strictly after every timestamp issued or stored so far. */
    long nextTimestamp(long proposed) {
        lock.writeLock().lock();
        try {
            long micros = Math.floorDiv(Math.max(proposed, lastIssued + Timestamps.NANOS_PER_MICRO), Timestamps.NANOS_PER_MICRO);
            lastIssued = micros * Timestamps.NANOS_PER_MICRO;
            return lastIssued;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Deposits a new dossier built by {@code factory} from its allocated number and timestamp. */
    DossierRow deposit(int demarche, long proposed, java.util.function.BiFunction<Long, Long, DossierRow> factory) {
        lock.writeLock().lock();
        try {
            long at = nextTimestamp(proposed);
            DossierRow row = factory.apply(nextNumber++, at);
            rows.put(row.number(), row);
            orderings(demarche).numbers.add(row.number());
            index(row);
            return row;
        } finally {
            lock.writeLock().unlock();
        }
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
        lock.writeLock().lock();
        try {
            DossierRow row = rows.get(number);
            if (row == null || row.purged() || row.status() == DossierStatus.BROUILLON) {
                return false;
            }
            String reason = row.hiddenByUserAt() >= 0 ? "user_request"
                    : row.hiddenByAdminAt() >= 0 ? "instructeur_request" : "expired";
            purgeLocked(number, reason, nextTimestamp(proposed));
            return true;
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void purgeLocked(long number, String reason, long at) {
        DossierRow row = rows.get(number);
        unindex(row);
        DossierRow purged = row.withPurged();
        rows.put(number, purged);
        DeletedRow deleted = new DeletedRow(nextDeletedId++, number, row.demarche(), row.status(), reason, at);
        orderings(row.demarche()).deleted.put(deleted.key(), deleted);
    }

    private boolean replace(long number, long proposed, java.util.function.BiFunction<DossierRow, Long, DossierRow> change) {
        lock.writeLock().lock();
        try {
            DossierRow row = rows.get(number);
            if (row == null || change.apply(row, proposed) == null) {
                return false;
            }
            DossierRow next = change.apply(row, nextTimestamp(proposed));
            unindex(row);
            rows.put(number, next);
            index(next);
            return true;
        } finally {
            lock.writeLock().unlock();
        }
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

    private Orderings orderings(int demarche) {
        Orderings o = byDemarche.get(demarche);
        if (o == null) {
            throw new IllegalArgumentException("unknown démarche " + demarche);
        }
        return o;
    }
}
