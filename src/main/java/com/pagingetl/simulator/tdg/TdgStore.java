package com.pagingetl.simulator.tdg;

import static com.pagingetl.simulator.Locks.locked;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;

import java.util.concurrent.locks.ReentrantReadWriteLock;


import com.pagingetl.simulator.tdg.TdgModel.FieldDef;
import com.pagingetl.simulator.tdg.TdgModel.IndexDef;
import com.pagingetl.simulator.tdg.TdgModel.TypeDef;

/**
 * The versioned storage: per type, every object's versions (the "primary" latest tuple plus its
 * "history"), an ordered primary index and ordered secondary indexes over every stored version.
 * Generated objects no write has touched are not stored at all ({@link GeneratedObjects}): reads merge them with
 * the stored ones, and the first write to one stores it. Generated tuples keep only (object index, version
 * ordinal, version) and render their fields on demand; written tuples keep their field array.
 *
 * <p>Thread-safe: one read-write lock. A page is computed and rendered under the read lock, so it sees
 * one committed state; writes (mutations, random writes) take the write lock and commit their version.
 */
final class TdgStore {

    enum Op { EQ, GT, GE, LT, LE, LIKE, ILIKE }

    /** One filter condition: on an index (by name) or, for LIKE/ILIKE, on a field. */
    record Filter(IndexDef index, int fieldPos, Op op, Object value) {
    }

    /**
     * A read: {@code asOf} null for the latest versions, else the as-of snapshot (with {@code allVersions},
     * every version up to it); {@code first} may be negative (reverse).
     */
    record Query(String type, List<Filter> filters, int first, List<Object> after, Long asOf, boolean allVersions) {
    }

    /** One returned tuple: its values, version and cursor key. */
    record Row(Object[] values, long version, List<Object> key) {
    }

    /** A tuple of one object. {@code explicit} is null for generated tuples. */
    record Tuple(long version, boolean tombstone, Object[] explicit, int genOrdinal) {
    }

    /** One object: its versions in ascending order. Guarded by the store lock. */
    static final class ObjectHistory {
        final Object pk;
        final int genIndex;
        final List<Tuple> versions = new ArrayList<>(3);
        int nextOrdinal;

        ObjectHistory(Object pk, int genIndex) {
            this.pk = pk;
            this.genIndex = genIndex;
        }

        Tuple latest() {
            return versions.isEmpty() ? null : versions.get(versions.size() - 1);
        }

        boolean live() {
            Tuple t = latest();
            return t != null && !t.tombstone();
        }

        Tuple asOf(long v) {
            for (int i = versions.size() - 1; i >= 0; i--) {
                if (versions.get(i).version() <= v) {
                    return versions.get(i);
                }
            }
            return null;
        }
    }

    /** An entry of a secondary index: (value, pk, version) of one stored, non-deleted tuple. */
    record IndexEntry(Object value, Object pk, long version, ObjectHistory object) {
    }

    static final Comparator<IndexEntry> ENTRY_ORDER = Comparator.comparing(IndexEntry::value, TdgKeys.PART)
            .thenComparing(IndexEntry::pk, TdgKeys.PART).thenComparingLong(IndexEntry::version);

    /** One type's storage. */
    final class Space {
        final TypeDef def;
        final int ordinal;
        final boolean generated;
        final TreeMap<Object, ObjectHistory> byPk = new TreeMap<>(TdgKeys.PART);
        final Map<String, TreeSet<IndexEntry>> secondary = new HashMap<>();
        /** Objects ever stored, in creation order, after the {@code base} ones (for random picks). */
        final List<ObjectHistory> all = new ArrayList<>();
        /** The generated objects not stored yet, or null when the type's objects are all stored. */
        GeneratedObjects base;
        /** The generated objects stored since, by object index. */
        final Map<Integer, ObjectHistory> touched = new HashMap<>();
        int nextGenIndex;

        Space(TypeDef def, int ordinal) {
            this.def = def;
            this.ordinal = ordinal;
            this.generated = def.dataKind().equals("generated");
            for (IndexDef index : def.secondaryIndexes()) {
                secondary.put(index.name(), new TreeSet<>(ENTRY_ORDER));
            }
        }

        Object[] values(ObjectHistory object, Tuple tuple) {
            return tuple.explicit() != null ? tuple.explicit()
                    : generator.values(ordinal, def, object.genIndex, tuple.genOrdinal(), tuple.version());
        }

        Object field(ObjectHistory object, Tuple tuple, int pos) {
            return tuple.explicit() != null ? tuple.explicit()[pos]
                    : generator.fieldValue(ordinal, def, pos, object.genIndex, tuple.genOrdinal(), tuple.version());
        }

        void add(ObjectHistory object, Tuple tuple) {
            List<Tuple> versions = object.versions;
            int at = versions.size();
            while (at > 0 && versions.get(at - 1).version() > tuple.version()) {
                at--;
            }
            versions.add(at, tuple);
            index(object, tuple, true);
        }

        void remove(ObjectHistory object, Tuple tuple) {
            object.versions.remove(tuple);
            index(object, tuple, false);
            if (object.versions.isEmpty()) {
                byPk.remove(object.pk);
            }
        }

        /** Adds or removes the secondary index entries of a tuple; a deletion has none. */
        private void index(ObjectHistory object, Tuple tuple, boolean add) {
            if (tuple.tombstone()) {
                return;
            }
            for (IndexDef index : def.secondaryIndexes()) {
                IndexEntry entry = new IndexEntry(field(object, tuple, index.fieldPosition()), object.pk,
                        tuple.version(), object);
                if (add) {
                    secondary.get(index.name()).add(entry);
                } else {
                    secondary.get(index.name()).remove(entry);
                }
            }
        }

        /** The live or deleted object with this key, storing it first if it is an untouched generated one. */
        ObjectHistory lookup(Object pk) {
            ObjectHistory object = byPk.get(pk);
            if (object == null && base != null) {
                int i = base.find(pk);
                return i < 0 ? null : store(i);
            }
            return object;
        }

        /** Stores untouched generated object {@code i} so that a write can change it. */
        ObjectHistory store(int i) {
            ObjectHistory object = base.touch(i);
            byPk.put(object.pk, object);
            touched.put(i, object);
            for (Tuple tuple : object.versions) {
                index(object, tuple, true);
            }
            return object;
        }

        int liveCount() {
            return (int) byPk.values().stream().filter(ObjectHistory::live).count() + (base == null ? 0 : base.untouched());
        }

        /** Stored, non-deleted versions: what an all_versions read returns. */
        long storedVersions() {
            long n = base == null ? 0 : base.untouchedVersions();
            for (ObjectHistory object : byPk.values()) {
                n += object.versions.stream().filter(t -> !t.tombstone()).count();
            }
            return n;
        }

        ObjectHistory object(Object pk, int genIndex) {
            return byPk.computeIfAbsent(pk, k -> {
                ObjectHistory created = new ObjectHistory(k, genIndex);
                all.add(created);
                return created;
            });
        }

        /** One returned tuple with its primary-index cursor key (what a mutation answers). */
        Row row(ObjectHistory object, Tuple tuple) {
            List<Object> key = new ArrayList<>();
            key.add(object.pk);
            if (def.versioned()) {
                key.add(tuple.version());
            }
            return new Row(values(object, tuple), tuple.version(), key);
        }
    }

    private final TdgDataGenerator generator;
    private final Map<String, Space> spaces = new LinkedHashMap<>();
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final SplittableRandom random;
    private volatile long lastVersion;

    TdgStore(TdgModel model, TdgDataGenerator generator, long seed, int size, int versionsPerObject) {
        this.generator = generator;
        this.random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        int ordinal = 0;
        long last = 0;
        for (TypeDef def : model.types()) {
            Space space = new Space(def, ordinal);
            spaces.put(def.name(), space);
            last = Math.max(last, space.generated ? loadGenerated(space, size, versionsPerObject) : loadTable(space));
            ordinal++;
        }
        this.lastVersion = last;
    }

    private long loadGenerated(Space space, int size, int versionsPerObject) {
        space.nextGenIndex = size;
        GeneratedObjects generated = new GeneratedObjects(generator, space.def, space.ordinal, size, versionsPerObject);
        if (GeneratedObjects.covers(generator, space.def, size)) {
            space.base = generated;
            return generated.lastVersion();
        }
        for (int i = 0; i < size; i++) {
            ObjectHistory fresh = generated.object(i);
            // Keys that repeat (a model's own key generator) gather the versions of every object that has them.
            ObjectHistory object = space.object(fresh.pk, i);
            fresh.versions.forEach(tuple -> space.add(object, tuple));
            object.nextOrdinal = fresh.nextOrdinal;
        }
        return generated.lastVersion();
    }

    private long loadTable(Space space) {
        List<List<Object[]>> rows = generator.table(space.def);
        int pkPos = space.def.primary().fieldPosition();
        long last = 0;
        for (int r = 0; r < rows.size(); r++) {
            List<Object[]> versions = rows.get(r);
            ObjectHistory object = space.object(versions.get(0)[pkPos], -1);
            for (int j = 0; j < versions.size(); j++) {
                // Older versions of a table row sit in earlier slots, as if written before the others.
                long slot = (long) (j - versions.size() + 1) * rows.size() + r + 1_000L * rows.size();
                long version = generator.version(space.ordinal, slot);
                space.add(object, new Tuple(version, false, versions.get(j), j));
                last = Math.max(last, version);
            }
            object.nextOrdinal = versions.size();
        }
        return last;
    }

    private Space space(String type) {
        Space space = spaces.get(type);
        if (space == null) {
            throw new TdgError("Type \"" + type + "\" not found", 500);
        }
        return space;
    }

    TypeDef type(String name) {
        return space(name).def;
    }

    long latestVersion() {
        return lastVersion;
    }

    int liveCount(String type) {
        return locked(lock.readLock(), () -> space(type).liveCount());
    }

    long storedVersions(String type) {
        return locked(lock.readLock(), () -> space(type).storedVersions());
    }

    /** Runs one read under the read lock, charging every scanned and returned tuple to {@code meter}. */
    List<Row> select(Query query, TdgHardLimits.Meter meter) {
        return locked(lock.readLock(), () -> new TdgScan(space(query.type()), query, meter).run());
    }

    // ---------------------------------------------------------------- writes

    /** A field update: op is set/=, +, - ; value already converted to the field's type. */
    record UpdateOp(String op, int fieldPos, Object value) {
    }

    /** The version a write commits at: {@code version} when given, else now, after every committed version. */
    private long commitVersion(Long version) {
        long v = version != null ? version : Math.max(ChronoUnit.NANOS.between(Instant.EPOCH, Instant.now()),
                lastVersion + 1);
        lastVersion = Math.max(lastVersion, v);
        return v;
    }

    private static void checkLock(TypeDef def, ObjectHistory object, Long onlyIfVersion) {
        if (onlyIfVersion == null) {
            return;
        }
        if (object == null || !object.live()) {
            throw new TdgError("Atomic operation failed: " + def.name() + " version \"" + Long.toUnsignedString(onlyIfVersion)
                    + "\" is not found", 500);
        }
        long current = object.latest().version();
        if (current != onlyIfVersion) {
            throw new TdgError("Atomic operation failed: " + def.name() + " has version "
                    + Long.toUnsignedString(current) + " and lock is " + Long.toUnsignedString(onlyIfVersion), 500);
        }
    }

    /** Inserts (or replaces) an object's version; {@code version} null means a new version now. */
    List<Row> insert(String type, Object[] values, Long version, boolean ifNotExists, Long onlyIfVersion) {
        return locked(lock.writeLock(), () -> {
            Space space = space(type);
            Object pk = values[space.def.primary().fieldPosition()];
            if (pk == null) {
                throw new TdgError("Primary key field \"" + space.def.primary().field() + "\" is required", 500);
            }
            ObjectHistory existing = space.lookup(pk);
            checkLock(space.def, existing, onlyIfVersion);
            if (ifNotExists && existing != null && existing.live()) {
                return List.of(space.row(existing, existing.latest()));
            }
            ObjectHistory object = existing != null ? existing : space.object(pk, -1);
            return List.of(space.row(object, write(space, object, version, values)));
        });
    }

    /** Writes a version holding {@code values}: replaces version V if it exists, else adds it. */
    private Tuple write(Space space, ObjectHistory object, Long version, Object[] values) {
        long v = commitVersion(version);
        Object[] copy = values.clone();
        int ut = space.def.updateTimePosition();
        if (ut >= 0) {
            copy[ut] = TdgDataGenerator.updateTimeValue(space.def.fields().get(ut), v);
        }
        for (Tuple old : List.copyOf(object.versions)) {
            if (old.version() == v || !space.def.versioned()) {
                space.remove(object, old);
            }
        }
        space.byPk.putIfAbsent(object.pk, object);
        Tuple tuple = new Tuple(v, false, copy, object.nextOrdinal++);
        space.add(object, tuple);
        return tuple;
    }

    /** Updates every object the filters select, at {@code version} (as-of that version) or as a new version. */
    List<Row> update(String type, List<Filter> filters, List<UpdateOp> ops, Long version, Long onlyIfVersion) {
        return locked(lock.writeLock(), () -> {
            Space space = space(type);
            List<Row> result = new ArrayList<>();
            for (ObjectHistory object : targets(space, filters, version, onlyIfVersion)) {
                Tuple base = version == null ? object.latest() : object.asOf(version);
                Object[] values = space.values(object, base).clone();
                for (UpdateOp op : ops) {
                    if (op.fieldPos() == space.def.primary().fieldPosition()) {
                        throw new TdgError("Primary key field \"" + space.def.primary().field()
                                + "\" can't be updated", 500);
                    }
                    values[op.fieldPos()] = apply(op, values[op.fieldPos()]);
                }
                result.add(space.row(object, write(space, object, version, values)));
            }
            return result;
        });
    }
    private static Object apply(UpdateOp op, Object current) {
        switch (op.op()) {
            case "set", "=":
                return op.value();
            case "+", "-":
                if (!(current instanceof Number c) || !(op.value() instanceof Number d)) {
                    throw new TdgError("Arithmetic update needs numeric field and value", 500);
                }
                int sign = op.op().equals("+") ? 1 : -1;
                if (current instanceof Double || d instanceof Double) {
                    return c.doubleValue() + sign * d.doubleValue();
                }
                if (current instanceof Integer) {
                    return (int) (c.longValue() + sign * d.longValue());
                }
                return c.longValue() + sign * d.longValue();
            default:
                throw new TdgError("Unsupported update operation \"" + op.op() + "\"", 500);
        }
    }

    /**
     * Deletes: {@code allVersions} removes the object; a {@code version} that is stored removes that
     * version; a later version, or none, records a deletion at that version (or now) so as-of reads of
     * earlier versions still see the object.
     */
    List<Row> delete(String type, List<Filter> filters, Long version, boolean allVersions, Long onlyIfVersion) {
        return locked(lock.writeLock(), () -> {
            Space space = space(type);
            List<Row> result = new ArrayList<>();
            for (ObjectHistory object : targets(space, filters, version, onlyIfVersion)) {
                Tuple visible = version == null ? object.latest() : object.asOf(version);
                result.add(space.row(object, visible));
                if (allVersions || !space.def.versioned()) {
                    for (Tuple t : List.copyOf(object.versions)) {
                        space.remove(object, t);
                    }
                } else if (visible.version() == (version == null ? -1 : version)) {
                    space.remove(object, visible);
                } else if (version == null || version > object.latest().version()) {
                    space.add(object, new Tuple(commitVersion(version), true, null, object.nextOrdinal++));
                }
            }
            return result;
        });
    }

    private List<ObjectHistory> targets(Space space, List<Filter> filters, Long version, Long onlyIfVersion) {
        List<Row> rows = new TdgScan(space, new Query(space.def.name(), filters, Integer.MAX_VALUE, null, version,
                false), TdgHardLimits.unlimited()).run();
        List<ObjectHistory> objects = new ArrayList<>();
        int pkPos = space.def.primary().fieldPosition();
        for (Row row : rows) {
            ObjectHistory object = space.lookup(row.values()[pkPos]);
            checkLock(space.def, object, onlyIfVersion);
            objects.add(object);
        }
        if (rows.isEmpty() && onlyIfVersion != null) {
            checkLock(space.def, null, onlyIfVersion);
        }
        return objects;
    }

    // ---------------------------------------------------------------- simulator API

    /** Applies {@code count} random writes (70% updates, 15% inserts, 15% deletes), each at a new version. */
    void writeRandom(int count) {
        lock.writeLock().lock();
        try {
            Space space = spaces.values().stream().filter(s -> s.generated).findFirst()
                    .orElse(spaces.values().iterator().next());
            for (int n = 0; n < count; n++) {
                int dice = random.nextInt(100);
                if (dice < 15 && space.generated) {
                    int index = space.nextGenIndex++;
                    Object pk = generator.fieldValue(space.ordinal, space.def, space.def.primary().fieldPosition(),
                            index, 0, 0);
                    ObjectHistory object = space.object(pk, index);
                    space.add(object, new Tuple(commitVersion(null), false, null, object.nextOrdinal++));
                    continue;
                }
                ObjectHistory object = pickLive(space);
                if (object == null) {
                    return;
                }
                if (!space.def.versioned() && (dice < 30 || object.genIndex >= 0)) {
                    // Without versioning a write replaces the object and a delete removes it.
                    for (Tuple old : List.copyOf(object.versions)) {
                        space.remove(object, old);
                    }
                    if (dice >= 30) {
                        space.byPk.put(object.pk, object);
                        space.add(object, new Tuple(commitVersion(null), false, null, object.nextOrdinal++));
                    }
                } else if (dice < 30) {
                    space.add(object, new Tuple(commitVersion(null), true, null, object.nextOrdinal++));
                } else if (object.genIndex >= 0) {
                    space.add(object, new Tuple(commitVersion(null), false, null, object.nextOrdinal++));
                } else {
                    write(space, object, null, space.values(object, object.latest()));
                }
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    private ObjectHistory pickLive(Space space) {
        int generated = space.base == null ? 0 : space.base.size();
        int count = generated + space.all.size();
        for (int attempt = 0; attempt < 64 && count > 0; attempt++) {
            int k = random.nextInt(count);
            if (k < generated && !space.base.isTouched(k)) {
                return space.store(k);
            }
            ObjectHistory candidate = k < generated ? space.touched.get(k) : space.all.get(k - generated);
            if (candidate.live() && space.byPk.get(candidate.pk) == candidate) {
                return candidate;
            }
        }
        return null;
    }

    /** The field values of an object given by field name from Java or GraphQL, each converted to its field's type. */
    static Object[] coerce(TypeDef type, Map<String, ?> values) {
        Object[] array = new Object[type.fields().size()];
        for (int i = 0; i < array.length; i++) {
            array[i] = coerce(type.fields().get(i), values.get(type.fields().get(i).name()));
        }
        return array;
    }

    /** Converts a value given from Java or GraphQL to a field's type. */
    static Object coerce(FieldDef field, Object value) {
        if (value == null) {
            return null;
        }
        try {
            return switch (field.type()) {
                case STRING, DECIMAL -> value.toString();
                case LONG -> value instanceof Number n ? n.longValue() : Long.parseLong(value.toString());
                case INT -> value instanceof Number n ? n.intValue() : Integer.parseInt(value.toString());
                case DOUBLE -> value instanceof Number n ? n.doubleValue() : Double.parseDouble(value.toString());
                case BOOLEAN -> value instanceof Boolean b ? b : Boolean.parseBoolean(value.toString());
            };
        } catch (NumberFormatException e) {
            throw new TdgError("Value \"" + value + "\" is not a valid " + field.type().name().toLowerCase()
                    + " for field \"" + field.name() + "\"", 500);
        }
    }
}
