package com.pagingetl.simulator.tdg;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.pagingetl.simulator.SortedMerge;
import com.pagingetl.simulator.tdg.TdgModel.TypeDef;
import com.pagingetl.simulator.tdg.TdgStore.Filter;
import com.pagingetl.simulator.tdg.TdgStore.IndexEntry;
import com.pagingetl.simulator.tdg.TdgStore.ObjectHistory;
import com.pagingetl.simulator.tdg.TdgStore.Op;
import com.pagingetl.simulator.tdg.TdgStore.Query;
import com.pagingetl.simulator.tdg.TdgStore.Row;
import com.pagingetl.simulator.tdg.TdgStore.Space;
import com.pagingetl.simulator.tdg.TdgStore.Tuple;

/**
 * One read of a type, as TDG's storage iterates it: pick the scan index (the first index filter with a
 * non-LIKE operator, else the primary index with GE), walk it in key order (descending for {@code _lt},
 * {@code _le} or a negative {@code first}) from the scan value or the cursor, continue strictly after the
 * cursor key, pick the tuple each mode sees (latest, as-of, every version), apply the other filters and
 * charge scanned and returned tuples to the hard-limit meter.
 *
 * <p>Not thread-safe: one instance per read, used under the store's read lock.
 */
final class TdgScan {

    private final Space space;
    private final Query query;
    private final TdgHardLimits.Meter meter;
    private final Filter scan;
    private final boolean primary;
    private final boolean descending;
    private final int limit;
    private final boolean versioned;
    private final List<Row> rows = new ArrayList<>();
    private final Pattern[] likes;
    /** Where iteration starts: the cursor's value if any, else the scan value (null: the very end). */
    private final Object start;
    /** Past a cursor, strictness applies to the whole key (parts after the value included), not to the start. */
    private final boolean startInclusive;

    TdgScan(Space space, Query query, TdgHardLimits.Meter meter) {
        this.space = space;
        this.query = query;
        this.meter = meter;
        this.scan = scanFilter(space.def, query.filters());
        this.primary = scan.index() == space.def.primary();
        boolean reverseOp = scan.op() == Op.LT || scan.op() == Op.LE;
        this.descending = reverseOp ^ (query.first() < 0);
        this.limit = query.first() == Integer.MIN_VALUE ? Integer.MAX_VALUE : Math.abs(query.first());
        this.versioned = space.def.versioned();
        this.likes = new Pattern[query.filters().size()];
        for (int i = 0; i < likes.length; i++) {
            Filter f = query.filters().get(i);
            if ((f.op() == Op.LIKE || f.op() == Op.ILIKE) && f.value() != null) {
                likes[i] = likePattern(f.value().toString(), f.op() == Op.ILIKE);
            }
        }
        if (query.after() != null && query.after().size() != keyLength()) {
            throw new IllegalArgumentException("cursor key length");
        }
        this.start = query.after() != null ? query.after().get(0) : scan.value();
        this.startInclusive = query.after() != null || scan.op() != Op.GT && scan.op() != Op.LT;
    }

    private int keyLength() {
        return (primary ? 1 : 2) + (versioned ? 1 : 0);
    }

    List<Row> run() {
        if (limit == 0) {
            return rows;
        }
        if (primary) {
            runPrimary();
        } else {
            runSecondary();
        }
        return rows;
    }

    /** False once the scan value is passed in the iteration direction: stop there. */
    private boolean withinFar(Object value) {
        boolean towardsValue = scan.op() == Op.EQ || descending == (scan.op() == Op.GT || scan.op() == Op.GE);
        return scan.value() == null || !towardsValue || satisfies(scan, value);
    }

    private void runPrimary() {
        NavigableMap<Object, ObjectHistory> map = space.byPk;
        NavigableMap<Object, ObjectHistory> view = start == null ? map
                : descending ? map.headMap(start, startInclusive) : map.tailMap(start, startInclusive);
        Iterator<ObjectHistory> objects = (descending ? view.descendingMap() : view).values().iterator();
        if (space.base != null) {
            Comparator<ObjectHistory> byPk = (a, b) -> TdgKeys.comparePart(a.pk, b.pk);
            objects = new SortedMerge<>(objects, space.base.byPrimary(start, startInclusive, descending),
                    descending ? byPk.reversed() : byPk);
        }
        while (objects.hasNext()) {
            ObjectHistory object = objects.next();
            if (!withinFar(object.pk)) {
                break;
            }
            if (!satisfies(scan, object.pk)) {
                continue;
            }
            if (query.allVersions()) {
                List<Tuple> versions = object.versions;
                for (int i = 0; i < versions.size(); i++) {
                    Tuple t = versions.get(descending ? versions.size() - 1 - i : i);
                    if (t.tombstone() || !afterCursor(object, t, null)
                            || (query.asOf() != null && t.version() > query.asOf())) {
                        continue;
                    }
                    meter.scanned(object.pk);
                    if (offer(object, t)) {
                        return;
                    }
                }
            } else if (query.asOf() != null) {
                Tuple t = object.asOf(query.asOf());
                if (t != null && !afterCursor(object, t, null)) {
                    continue;
                }
                // The as-of read merges the primary tuple with the object's history tuples: all are read.
                for (int i = 0; i < object.versions.size(); i++) {
                    meter.scanned(object.pk);
                }
                if (t == null || t.tombstone()) {
                    continue;
                }
                if (offer(object, t)) {
                    return;
                }
            } else {
                Tuple t = object.latest();
                if (t == null || t.tombstone() || !afterCursor(object, t, null)) {
                    continue;
                }
                meter.scanned(object.pk);
                if (offer(object, t)) {
                    return;
                }
            }
        }
    }

    private void runSecondary() {
        NavigableSet<IndexEntry> view = space.secondary.get(scan.index().name());
        if (start != null) {
            // Bounds below and above every (pk, version) stored with the start value: no entry equals either.
            IndexEntry low = new IndexEntry(start, TdgKeys.MIN, Long.MIN_VALUE, null);
            IndexEntry high = new IndexEntry(start, TdgKeys.MAX, Long.MAX_VALUE, null);
            view = descending ? view.headSet(startInclusive ? high : low, false)
                    : view.tailSet(startInclusive ? low : high, false);
        }
        Iterator<IndexEntry> entries = (descending ? view.descendingSet() : view).iterator();
        if (space.base != null) {
            entries = new SortedMerge<>(entries, space.base.byVersion(start, startInclusive, descending),
                    descending ? TdgStore.ENTRY_ORDER.reversed() : TdgStore.ENTRY_ORDER);
        }
        while (entries.hasNext()) {
            IndexEntry entry = entries.next();
            if (!withinFar(entry.value())) {
                break;
            }
            ObjectHistory object = entry.object();
            Tuple tuple = find(object, entry.version());
            if (tuple == null || !satisfies(scan, entry.value()) || !afterCursor(object, tuple, entry.value())) {
                continue;
            }
            if (query.allVersions()) {
                meter.scanned(object.pk);
                if (query.asOf() != null && tuple.version() > query.asOf()) {
                    continue;
                }
            } else if (query.asOf() != null) {
                meter.scanned(object.pk);
                Tuple visible = object.asOf(query.asOf());
                if (visible != tuple) {
                    continue;
                }
            } else {
                if (object.latest() != tuple) {
                    continue; // a history tuple: the latest-only read never sees it
                }
                meter.scanned(object.pk);
            }
            if (offer(object, tuple)) {
                return;
            }
        }
    }

    private static Tuple find(ObjectHistory object, long version) {
        for (Tuple t : object.versions) {
            if (t.version() == version) {
                return t;
            }
        }
        return null;
    }

    private List<Object> key(ObjectHistory object, Tuple tuple, Object indexValue) {
        List<Object> key = new ArrayList<>(keyLength());
        if (!primary) {
            key.add(indexValue);
        }
        key.add(object.pk);
        if (versioned) {
            key.add(tuple.version());
        }
        return key;
    }

    private boolean afterCursor(ObjectHistory object, Tuple tuple, Object indexValue) {
        if (query.after() == null) {
            return true;
        }
        int c = TdgKeys.KEY.compare(key(object, tuple, indexValue), query.after());
        return descending ? c < 0 : c > 0;
    }

    /** Applies the remaining filters and the limits; true when the page is full. */
    private boolean offer(ObjectHistory object, Tuple tuple) {
        Object[] values = space.values(object, tuple);
        for (int i = 0; i < likes.length; i++) {
            Filter f = query.filters().get(i);
            boolean ok = likes[i] != null ? values[f.fieldPos()] != null
                    && likes[i].matcher(values[f.fieldPos()].toString()).matches()
                    : satisfies(f, values[f.fieldPos()]);
            if (!ok) {
                return false;
            }
        }
        meter.returned(object.pk);
        Object indexValue = primary ? null : values[scan.index().fieldPosition()];
        rows.add(new Row(values, tuple.version(), key(object, tuple, indexValue)));
        return rows.size() >= limit;
    }

    /** The index a query scans: the first index filter with a non-LIKE operator, else primary with GE. */
    static Filter scanFilter(TypeDef def, List<Filter> filters) {
        for (Filter f : filters) {
            if (f.index() != null && f.op() != Op.LIKE && f.op() != Op.ILIKE) {
                return f;
            }
        }
        return new Filter(def.primary(), def.primary().fieldPosition(), Op.GE, null);
    }

    private static boolean satisfies(Filter f, Object value) {
        if (f.value() == null && f.op() != Op.EQ) {
            return true;
        }
        if (f.op() == Op.LIKE || f.op() == Op.ILIKE) {
            return true; // matched with the precompiled pattern in offer()
        }
        int c = TdgKeys.comparePart(value, f.value());
        return switch (f.op()) {
            case EQ -> c == 0;
            case GT -> c > 0;
            case GE -> c >= 0;
            case LT -> c < 0;
            case LE -> c <= 0;
            default -> true;
        };
    }

    private static Pattern likePattern(String like, boolean ignoreCase) {
        int flags = Pattern.DOTALL | (ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
        return Pattern.compile(Arrays.stream(like.split("%", -1)).map(Pattern::quote).collect(Collectors.joining(".*")),
                flags);
    }
}
