package com.pagingetl.simulator;

import java.util.Collections;
import java.util.List;
import java.util.Queue;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The one fault plan of the simulators, asked once per API request. In order: a one-shot fault queued by a test
 * or an admin call ("next N requests" scripts), then "every request after the n-th answers this status", then
 * the configured shares with one seeded draw per request: connection reset, 429, 5xx (one of the API's server
 * error kinds, evenly), then the API's own shares ({@link #withShare}). What a fault looks like on the wire (body,
 * headers) is the API's own: the simulator maps the {@link Decision}. Thread-safe.
 *
 * @param <K> the API's fault kinds
 */
public final class SimulatedFaults<K> {

    /** What to do with one request: a fault kind, a bare HTTP status, or neither ({@link #none()}). */
    public record Decision<K>(K fault, int status) {
        public boolean none() {
            return fault == null && status == 0;
        }
    }

    /** One band of the seeded draw: its share of requests and the kinds it answers with, one picked evenly. */
    private record Band<K>(double share, List<K> kinds, boolean picked) {
    }

    private final Queue<K> queued = new ConcurrentLinkedQueue<>();
    private final SplittableRandom random;
    private final List<Band<K>> bands = new CopyOnWriteArrayList<>();
    private long failAfter = -1;
    private long counted;
    private int failStatus;

    /**
     * @param reset        the kind for a reset connection; {@code rateLimit} likewise for a 429 (null when the API
     *                     has no rate-limit share)
     * @param serverErrors the kinds a 5xx draw picks from, evenly
     */
    public SimulatedFaults(long seed, double errorShare, double rateLimitShare, double resetShare, K reset, K rateLimit,
                           List<K> serverErrors) {
        this.random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        band(resetShare, Collections.singletonList(reset), false);
        band(rateLimitShare, Collections.singletonList(rateLimit), false);
        // A 5xx always draws its kind, even from a list of one, so that a seed gives the same faults as it always did.
        band(errorShare, List.copyOf(serverErrors), true);
    }

    /** Adds a share of requests answered with {@code kind}, an API's own fault (a GraphQL timeout); returns this. */
    public SimulatedFaults<K> withShare(K kind, double share) {
        return band(share, List.of(kind), false);
    }

    private SimulatedFaults<K> band(double share, List<K> kinds, boolean picked) {
        if (share > 0) {
            bands.add(new Band<>(share, kinds, picked));
        }
        return this;
    }

    /** Applies {@code fault} to one upcoming request; queued faults apply in order, one per request. */
    public void injectNext(K fault) {
        queued.add(fault);
    }

    /** Every request after the next {@code n} (counted from this call) answers {@code status}, until {@link #clear}. */
    public synchronized void failRequestsAfter(int n, int status) {
        if (n < 0 || status < 400 || status > 599) {
            throw new IllegalArgumentException("failRequestsAfter needs n >= 0 and a 4xx/5xx status: " + n + ", " + status);
        }
        failAfter = n;
        counted = 0;
        failStatus = status;
    }

    /** Removes queued faults and the fail-after mode; the configured shares stay. */
    public synchronized void clear() {
        queued.clear();
        failAfter = -1;
    }

    /** The decision for the request being served. */
    public synchronized Decision<K> next() {
        K fault = queued.poll();
        if (fault != null) {
            return new Decision<>(fault, 0);
        }
        if (failAfter >= 0 && ++counted > failAfter) {
            return new Decision<>(null, failStatus);
        }
        if (bands.isEmpty()) {
            return new Decision<>(null, 0);
        }
        double dice = random.nextDouble();
        double upTo = 0;
        for (Band<K> band : bands) {
            upTo += band.share();
            if (dice < upTo) {
                List<K> kinds = band.kinds();
                return new Decision<>(kinds.get(band.picked() ? random.nextInt(kinds.size()) : 0), 0);
            }
        }
        return new Decision<>(null, 0);
    }
}
