package com.pagingetl.jobs.rapid;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cuts a rapidContent run into slices by size probes, every probe as soon as it can be asked and all of
 * them on one executor (the planner's, {@link RapidPlanner#probeThreads twice the run's concurrency}):
 * <ol>
 *   <li>the requested countries are probed in as many contiguous groups as probes go out at once (one
 *       query with {@code country_code} repeated). A group without results is dropped; one of at most
 *       {@code maxPartitionSize / 10} becomes one packed slice ({@code AD..BZ}); a larger one is halved and
 *       each half probed again, down to single countries. The guide's list has 249 countries, most of them
 *       small or empty: this saves a probe per country, and the first and empty last page of each small
 *       country's own partition;</li>
 *   <li>a country above {@code maxPartitionSize} is probed at once in groups of categories (0..44,
 *       {@code category_id} repeated), packed or halved the same way down to single categories
 *       ({@code US-cat-2..9}, {@code US-cat-1}), and for the remainder ({@code category_id_exclude=0..44}),
 *       without waiting for the other countries;</li>
 *   <li>a slice still above its limit is probed per star rating range ({@link RapidPlan.RatingRange#ALL}).
 *       The limit is {@code maxPartitionSize}, or, when smaller, the slice's fair share of the run
 *       ({@code total / concurrency}, at least {@code maxPartitionSize / 10}), so that no partition runs
 *       on alone after the others finished. A slice above {@code maxPartitionSize} is cut as soon as its
 *       own probe returns; the fair share waits for the country totals.</li>
 * </ol>
 * The API leaves out properties without a star rating from any rating filter (the simulator does too;
 * the spec does not say), so a rating cut is used only when its ranges add up to the slice's total: else
 * the slice stays whole and nothing can be lost. Empty slices are dropped. The result is in plan order:
 * countries as given, then category, remainder, rating.
 *
 * <p>Thread-safe for one call at a time; it holds no state between calls.
 */
final class RapidSlicer {

    /** Reads {@code Pagination-Total-Results} of a query's minimal first page. */
    @FunctionalInterface
    interface Probe {
        long total(RapidQuery query, String what);
    }

    private static final Logger log = LoggerFactory.getLogger(RapidSlicer.class);

    private final Probe probe;
    private final Executor executor;
    private final int maxPartitionSize;
    private final int concurrency;

    RapidSlicer(Probe probe, Executor executor, int maxPartitionSize, int concurrency) {
        this.probe = probe;
        this.executor = executor;
        this.maxPartitionSize = maxPartitionSize;
        this.concurrency = concurrency;
    }

    /** The non-empty slices of {@code countries} under {@code base} (a query without country), in plan order. */
    List<RapidPlan.Slice> slices(RapidQuery base, List<String> countries) {
        List<RapidPlan.Slice> coarse = joinAll(groups(countries).stream().map(g -> packOrHalve(g, "countries ",
                base::withCountries, RapidPlan.Slice::packed, code -> country(base, code))).toList());
        long total = coarse.stream().mapToLong(RapidPlan.Slice::expected).sum();
        long limit = limit(total);
        // A slice still above maxPartitionSize here was already offered to the rating cut, which refused it.
        return joinAll(coarse.stream().map(s -> s.ratingMin() == null && s.expected() > limit
                && s.expected() <= maxPartitionSize ? byRating(base, s) : CompletableFuture.completedFuture(List.of(s)))
                .toList());
    }

    /** The size above which a slice is cut by rating, for a run of {@code total} results. */
    long limit(long total) {
        long fairShare = Math.max((total + concurrency - 1) / concurrency, maxPartitionSize / 10);
        return Math.min(maxPartitionSize, fairShare);
    }

    /**
     * Countries or categories cut into as many contiguous groups as probes go out at once, so that the first
     * round of probes covers all of them.
     */
    private List<List<String>> groups(List<String> members) {
        int n = Math.min(members.size(), RapidPlanner.probeThreads(concurrency));
        List<List<String>> groups = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            groups.add(members.subList(i * members.size() / n, (i + 1) * members.size() / n));
        }
        return groups;
    }

    /**
     * Probes several countries (or categories of one country) in one query: none is dropped, at most
     * {@link #packLimit()} become one packed slice, more are halved and each half probed in turn, down to a
     * single member, which {@code single} plans.
     *
     * @param label what the probe is, before {@code first..last}: {@code "countries "}, {@code "US categories "}
     * @param query the query of a group
     * @param pack  the packed slice of a group and its total
     */
    private CompletableFuture<List<RapidPlan.Slice>> packOrHalve(List<String> group, String label,
            Function<List<String>, RapidQuery> query, BiFunction<List<String>, Long, RapidPlan.Slice> pack,
            Function<String, CompletableFuture<List<RapidPlan.Slice>>> single) {
        if (group.size() == 1) {
            return single.apply(group.get(0));
        }
        String what = label + group.get(0) + ".." + group.get(group.size() - 1);
        return probeAsync(query.apply(group), what).thenCompose(total -> {
            if (total == 0) {
                return CompletableFuture.completedFuture(List.of());
            }
            if (total <= packLimit()) {
                return CompletableFuture.completedFuture(List.of(pack.apply(group, total)));
            }
            int half = group.size() / 2;
            return flatten(List.of(packOrHalve(group.subList(0, half), label, query, pack, single),
                    packOrHalve(group.subList(half, group.size()), label, query, pack, single)));
        });
    }

    /**
     * The most results a packed slice of several countries or categories holds: the fair share's floor
     * ({@code maxPartitionSize / 10}), known before any probe, so that a pack never needs the rating cut.
     */
    private long packLimit() {
        return maxPartitionSize / 10;
    }

    private CompletableFuture<List<RapidPlan.Slice>> country(RapidQuery base, String code) {
        return probeAsync(base.withCountry(code), code).thenCompose(total -> {
            if (total == 0) {
                return CompletableFuture.completedFuture(List.of());
            }
            RapidPlan.Slice whole = new RapidPlan.Slice(code, code, null, false, total);
            return total <= maxPartitionSize ? CompletableFuture.completedFuture(List.of(whole)) : byCategory(base, code);
        });
    }

    private CompletableFuture<List<RapidPlan.Slice>> byCategory(RapidQuery base, String code) {
        List<CompletableFuture<List<RapidPlan.Slice>>> parts = new ArrayList<>();
        RapidQuery country = base.withCountry(code);
        for (List<String> group : groups(RapidContentJob.CATEGORIES)) {
            parts.add(packOrHalve(group, code + " categories ", country::withCategories,
                    (categories, total) -> RapidPlan.Slice.packedCategories(code, categories, total),
                    category -> cutIfAboveMax(base,
                            new RapidPlan.Slice(code + "-cat-" + category, code, category, false, 0))));
        }
        parts.add(cutIfAboveMax(base, new RapidPlan.Slice(code + "-cat-other", code, null, true, 0)));
        return flatten(parts);
    }

    /** Probes {@code slice} and cuts it by rating at once when it exceeds {@code maxPartitionSize}. */
    private CompletableFuture<List<RapidPlan.Slice>> cutIfAboveMax(RapidQuery base, RapidPlan.Slice slice) {
        return probeAsync(slice.query(base), slice.name()).thenCompose(n -> {
            if (n == 0) {
                return CompletableFuture.completedFuture(List.of());
            }
            RapidPlan.Slice sized = new RapidPlan.Slice(slice.name(), slice.country(), slice.category(),
                    slice.remainder(), n);
            return n > maxPartitionSize ? byRating(base, sized) : CompletableFuture.completedFuture(List.of(sized));
        });
    }

    private CompletableFuture<List<RapidPlan.Slice>> byRating(RapidQuery base, RapidPlan.Slice slice) {
        List<RapidPlan.RatingRange> ranges = RapidPlan.RatingRange.ALL;
        List<CompletableFuture<Long>> totals = ranges.stream()
                .map(r -> probeAsync(slice.query(base).withRating(r.min(), r.max()), slice.name() + " rating "
                        + r.min() + "-" + r.max())).toList();
        return CompletableFuture.allOf(totals.toArray(CompletableFuture[]::new)).thenApply(done -> {
            List<RapidPlan.Slice> out = new ArrayList<>();
            long sum = 0;
            for (int i = 0; i < ranges.size(); i++) {
                long n = totals.get(i).join();
                sum += n;
                if (n > 0) {
                    out.add(slice.withRating(ranges.get(i), n));
                }
            }
            if (sum != slice.expected()) {
                log.info("rapidContent plan: {} ({} properties) kept whole: its rating ranges hold {} (properties "
                        + "without a star rating, or data changing while probed)", slice.name(), slice.expected(), sum);
                return List.of(slice);
            }
            log.info("rapidContent plan: {} ({} properties) cut by star rating into {} partitions", slice.name(),
                    slice.expected(), out.size());
            return out;
        });
    }

    private CompletableFuture<Long> probeAsync(RapidQuery query, String what) {
        return CompletableFuture.supplyAsync(() -> probe.total(query, what), executor);
    }

    private static CompletableFuture<List<RapidPlan.Slice>> flatten(List<CompletableFuture<List<RapidPlan.Slice>>> parts) {
        return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new))
                .thenApply(done -> parts.stream().flatMap(p -> p.join().stream()).toList());
    }

    /** Waits for every part, or for the first failure, which is rethrown as it was thrown. */
    private static List<RapidPlan.Slice> joinAll(List<CompletableFuture<List<RapidPlan.Slice>>> parts) {
        CompletableFuture<List<RapidPlan.Slice>> all = flatten(parts);
        CompletableFuture<Object> firstFailure = new CompletableFuture<>();
        parts.forEach(p -> p.whenComplete((v, e) -> {
            if (e != null) {
                firstFailure.completeExceptionally(e);
            }
        }));
        try {
            CompletableFuture.anyOf(all, firstFailure).join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause() instanceof CompletionException inner ? inner.getCause() : e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
        return all.join();
    }
}
