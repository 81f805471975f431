package com.pagingetl.simulator;

import java.util.Comparator;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Two iterators in the same order read as one, the way a simulator reads its generated base (computed from the seed,
 * never stored) together with the rows written since; on a tie the first iterator's element comes first. Reads one
 * element ahead on each side. Not thread-safe: one read, one thread.
 */
public final class SortedMerge<T> implements Iterator<T> {

    private final Iterator<T> a;
    private final Iterator<T> b;
    private final Comparator<? super T> order;
    private T nextA;
    private T nextB;

    public SortedMerge(Iterator<T> a, Iterator<T> b, Comparator<? super T> order) {
        this.a = a;
        this.b = b;
        this.order = order;
        this.nextA = a.hasNext() ? a.next() : null;
        this.nextB = b.hasNext() ? b.next() : null;
    }

    @Override
    public boolean hasNext() {
        return nextA != null || nextB != null;
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        T out;
        if (nextB == null || nextA != null && order.compare(nextA, nextB) <= 0) {
            out = nextA;
            nextA = a.hasNext() ? a.next() : null;
        } else {
            out = nextB;
            nextB = b.hasNext() ? b.next() : null;
        }
        return out;
    }
}
