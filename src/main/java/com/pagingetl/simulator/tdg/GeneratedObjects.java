package com.pagingetl.simulator.tdg;

import java.util.BitSet;
import java.util.Iterator;
import java.util.Objects;
import java.util.function.LongFunction;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import com.pagingetl.simulator.Bisect;
import com.pagingetl.simulator.tdg.TdgModel.FieldType;
import com.pagingetl.simulator.tdg.TdgModel.TypeDef;
import com.pagingetl.simulator.tdg.TdgStore.IndexEntry;
import com.pagingetl.simulator.tdg.TdgStore.ObjectHistory;
import com.pagingetl.simulator.tdg.TdgStore.Tuple;

/**
 * The generated objects of a type that no write has touched yet, held as nothing but the seed: object {@code i}'s
 * primary key, versions and fields are computed when a read reaches it. This works because both orders a read
 * walks are known without sorting: primary keys are formatted numbers, in object order, and versions come from
 * slots {@code j * size + i} that only grow, so the update-time index is slot order. A type whose model breaks
 * either (another key generator, another secondary index) is loaded as objects instead ({@link #covers}).
 *
 * <p>Guarded by the store's lock: reads under the read lock, {@link #touch} under the write lock.
 */
final class GeneratedObjects {

    private final TdgDataGenerator generator;
    private final TypeDef def;
    private final int ordinal;
    private final int size;
    private final int perObject;
    private final int maxVersions;
    private final int pkPos;
    private final BitSet touched = new BitSet();

    GeneratedObjects(TdgDataGenerator generator, TypeDef def, int ordinal, int size, int perObject) {
        this.generator = generator;
        this.def = def;
        this.ordinal = ordinal;
        this.size = size;
        this.perObject = perObject;
        this.maxVersions = def.versioned() && perObject > 1 ? 2 * perObject - 1 : 1;
        this.pkPos = def.primary().fieldPosition();
    }

    /**
     * Whether a generated type can be served this way: its primary key is a zero-padded number wide enough for
     * {@code size} objects, and every other index is on its long update-time field (the version).
     */
    static boolean covers(TdgDataGenerator generator, TypeDef def, int size) {
        int ut = def.updateTimePosition();
        return generator.keyInObjectOrder(def, size) && def.secondaryIndexes().stream()
                .allMatch(index -> index.fieldPosition() == ut && def.fields().get(ut).type() == FieldType.LONG);
    }

    int size() {
        return size;
    }

    int untouched() {
        return size - touched.cardinality();
    }

    boolean isTouched(int i) {
        return touched.get(i);
    }

    /** Marks object {@code i} as held by the store from now on; returns it as generated. */
    ObjectHistory touch(int i) {
        touched.set(i);
        return object(i);
    }

    Object pk(int i) {
        return generator.fieldValue(ordinal, def, pkPos, i, 0, 0);
    }

    int versionCount(int i) {
        return def.versioned() ? generator.versionCount(ordinal, i, perObject) : 1;
    }

    /** Object {@code i} with its generated versions (a fresh instance on each call). */
    ObjectHistory object(int i) {
        ObjectHistory object = new ObjectHistory(pk(i), i);
        int count = versionCount(i);
        for (int j = 0; j < count; j++) {
            object.versions.add(new Tuple(version(slot(i, j)), false, null, j));
        }
        object.nextOrdinal = count;
        return object;
    }

    /** The newest generated version (0 for no object). */
    long lastVersion() {
        return IntStream.range(0, size).mapToLong(i -> version(slot(i, versionCount(i) - 1))).max().orElse(0);
    }

    /** Stored versions of the untouched objects. */
    long untouchedVersions() {
        return IntStream.range(0, size).filter(i -> !touched.get(i)).mapToLong(this::versionCount).sum();
    }

    /** The untouched object whose key is {@code pk}, or -1. */
    int find(Object pk) {
        int i = firstAtOrAbove(pk, false);
        return i < size && TdgKeys.comparePart(pk(i), pk) == 0 && !touched.get(i) ? i : -1;
    }

    /** Untouched objects in primary key order from {@code start} (null: from the end the walk starts at). */
    Iterator<ObjectHistory> byPrimary(Object start, boolean inclusive, boolean descending) {
        long from = start == null ? (descending ? size : 0) : firstAtOrAbove(start, descending == inclusive);
        return walk(descending ? from - 1 : from, descending, size, i -> touched.get((int) i) ? null : object((int) i));
    }

    /**
     * Update-time index entries of the untouched objects, in {@code (version, pk, version)} order, from
     * {@code start} (null: from the end the walk starts at).
     */
    Iterator<IndexEntry> byVersion(Object start, boolean inclusive, boolean descending) {
        long slots = (long) size * maxVersions;
        long from = start == null ? (descending ? slots : 0) : firstSlotAtOrAbove(start, descending == inclusive, slots);
        return walk(descending ? from - 1 : from, descending, slots, slot -> {
            int i = (int) (slot % size);
            if (touched.get(i) || slot / size >= versionCount(i)) {
                return null;
            }
            long version = version(slot);
            return new IndexEntry(version, pk(i), version, object(i));
        });
    }

    /** What {@code at} has for positions {@code from, from ± 1, ...} within {@code [0, end)}, nulls skipped. */
    private static <T> Iterator<T> walk(long from, boolean descending, long end, LongFunction<T> at) {
        return LongStream.iterate(from, p -> p >= 0 && p < end, p -> descending ? p - 1 : p + 1).mapToObj(at)
                .filter(Objects::nonNull).iterator();
    }

    private long version(long slot) {
        return generator.version(ordinal, slot);
    }

    private long slot(int i, int j) {
        return (long) j * size + i;
    }

    /** First object whose key is above {@code pk} ({@code strictly}) or at least {@code pk}. */
    private int firstAtOrAbove(Object pk, boolean strictly) {
        return (int) Bisect.first(0, size, i -> below(pk((int) i), pk, strictly));
    }

    private long firstSlotAtOrAbove(Object value, boolean strictly, long slots) {
        return Bisect.first(0, slots, slot -> below(version(slot), value, strictly));
    }

    private static boolean below(Object part, Object bound, boolean orEqual) {
        int c = TdgKeys.comparePart(part, bound);
        return c < 0 || c == 0 && orEqual;
    }
}
