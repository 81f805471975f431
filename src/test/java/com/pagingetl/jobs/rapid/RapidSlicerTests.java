package com.pagingetl.jobs.rapid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.pagingetl.http.ApiCallException;

/** The slicer against an in-memory property world whose probe answers as the Rapid filters do. */
class RapidSlicerTests {

    private static final RapidQuery BASE = new RapidQuery("en-US", "expedia", List.of(), List.of(), List.of(), null,
            List.of());

    private final ExecutorService pool = Executors.newFixedThreadPool(4);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    /** One property: country, category id, star rating in halves (0 = no rating). */
    record Property(String country, int category, int ratingHalves) {

        boolean matches(RapidQuery q) {
            if (!q.countries().contains(country)) {
                return false;
            }
            if (!q.categoryIds().isEmpty() && !q.categoryIds().contains(Integer.toString(category))
                    || q.categoryExclude().contains(Integer.toString(category))) {
                return false;
            }
            // As the simulator: any rating filter leaves out properties without a rating.
            if (q.ratingMin() != null && (ratingHalves == 0 || ratingHalves / 2.0 < Double.parseDouble(q.ratingMin()))) {
                return false;
            }
            return q.ratingMax() == null || ratingHalves != 0 && ratingHalves / 2.0 <= Double.parseDouble(q.ratingMax());
        }
    }

    static final class World implements RapidSlicer.Probe {
        final List<Property> properties = new ArrayList<>();
        final List<String> probed = Collections.synchronizedList(new ArrayList<>());

        World add(String country, int category, int ratingHalves, int count) {
            for (int i = 0; i < count; i++) {
                properties.add(new Property(country, category, ratingHalves));
            }
            return this;
        }

        @Override
        public long total(RapidQuery query, String what) {
            probed.add(what);
            return properties.stream().filter(p -> p.matches(query)).count();
        }

        /** How many of the slices each property falls in: exactly one each when the plan is complete. */
        void assertEachPropertyInExactlyOneSlice(List<RapidPlan.Slice> slices) {
            for (Property p : properties) {
                long in = slices.stream().filter(s -> p.matches(s.query(BASE))).count();
                assertThat(in).as("slices holding %s", p).isEqualTo(1);
            }
        }
    }

    @Test
    void smallCountriesStayWholeInGivenOrderAndEmptyOnesAreDropped() {
        World world = new World().add("FR", 1, 6, 30).add("GB", 2, 8, 20);

        List<RapidPlan.Slice> slices = new RapidSlicer(world, pool, 100, 1).slices(BASE, List.of("GB", "AQ", "FR"));

        assertThat(slices).extracting(RapidPlan.Slice::name).containsExactly("GB", "FR");
        assertThat(slices).extracting(RapidPlan.Slice::expected).containsExactly(20L, 30L);
        world.assertEachPropertyInExactlyOneSlice(slices);
    }

    @Test
    void countryAboveMaxIsSplitByCategoryWithARemainderForUnlistedCategories() {
        World world = new World().add("US", 1, 6, 60).add("US", 3, 7, 30).add("US", 99, 8, 20).add("FR", 1, 6, 10);

        List<RapidPlan.Slice> slices = new RapidSlicer(world, pool, 100, 1).slices(BASE, List.of("US", "FR"));

        assertThat(slices).extracting(RapidPlan.Slice::name).containsExactly("US-cat-1", "US-cat-3", "US-cat-other", "FR");
        world.assertEachPropertyInExactlyOneSlice(slices);
    }

    @Test
    void categoryStillAboveMaxIsCutIntoRatingRangesCoveringEveryPropertyOnce() {
        World world = new World().add("US", 3, 1, 5);
        for (int halves = 2; halves <= 10; halves++) {
            world.add("US", 1, halves, 40 + halves);
        }

        List<RapidPlan.Slice> slices = new RapidSlicer(world, pool, 150, 1).slices(BASE, List.of("US"));

        // Category 3 (5 properties, under the pack limit 15) is read with its empty neighbours 2 and 4.
        assertThat(slices).extracting(RapidPlan.Slice::name).containsExactly("US-cat-1-r1.0", "US-cat-1-r1.5",
                "US-cat-1-r2.0", "US-cat-1-r2.5", "US-cat-1-r3.0", "US-cat-1-r3.5", "US-cat-1-r4.0", "US-cat-1-r4.5",
                "US-cat-1-r5.0", "US-cat-2..4");
        assertThat(slices.get(0).ratingMin()).isEqualTo("1.0");
        assertThat(slices.get(0).ratingMax()).isEqualTo("1.4");
        assertThat(slices.get(8).ratingMax()).isEqualTo("5.0");
        assertThat(slices.stream().mapToLong(RapidPlan.Slice::expected).sum()).isEqualTo(world.properties.size());
        world.assertEachPropertyInExactlyOneSlice(slices);
    }

    @Test
    void ratingRangesAreContiguousAndCoverZeroToFiveInTenths() {
        List<RapidPlan.RatingRange> ranges = RapidPlan.RatingRange.ALL;

        assertThat(ranges.get(0).min()).isEqualTo("0.0");
        assertThat(ranges.get(ranges.size() - 1)).isEqualTo(new RapidPlan.RatingRange("5.0", "5.0"));
        for (int tenths = 0; tenths <= 50; tenths++) {
            double rating = tenths / 10.0;
            assertThat(ranges.stream().filter(r -> Double.parseDouble(r.min()) <= rating
                    && rating <= Double.parseDouble(r.max())).count()).as("ranges holding %s", rating).isEqualTo(1);
        }
    }

    @Test
    void sliceWithPropertiesWithoutRatingStaysWholeSoNoneIsLost() {
        World world = new World().add("US", 17, 0, 120).add("US", 17, 6, 80).add("US", 1, 6, 10);

        List<RapidPlan.Slice> slices = new RapidSlicer(world, pool, 150, 1).slices(BASE, List.of("US"));

        assertThat(slices).extracting(RapidPlan.Slice::name).containsExactly("US-cat-0..10", "US-cat-17");
        assertThat(slices.get(1).ratingMin()).isNull();
        world.assertEachPropertyInExactlyOneSlice(slices);
    }

    @Test
    void sliceAboveItsFairShareOfTheRunIsCutByRatingEvenBelowMax() {
        World world = new World().add("FR", 1, 2, 100).add("FR", 1, 9, 100).add("GB", 1, 6, 50).add("IT", 1, 6, 50);

        List<RapidPlan.Slice> byFour = new RapidSlicer(world, pool, 1000, 4).slices(BASE, List.of("FR", "GB", "IT"));
        List<RapidPlan.Slice> byOne = new RapidSlicer(world, pool, 1000, 1).slices(BASE, List.of("FR", "GB", "IT"));

        // 300 properties over 4 partitions at once: FR (200) would run on alone; max / 10 = 100 is the floor.
        assertThat(byFour).extracting(RapidPlan.Slice::name).containsExactly("FR-r1.0", "FR-r4.5", "GB", "IT");
        world.assertEachPropertyInExactlyOneSlice(byFour);
        // One partition at a time: FR stays whole; GB and IT (100, the pack limit max / 10) are read together.
        assertThat(byOne).extracting(RapidPlan.Slice::name).containsExactly("FR", "GB..IT");
        world.assertEachPropertyInExactlyOneSlice(byOne);
    }

    @Test
    void fairShareLimitNeverExceedsMaxAndNeverDropsBelowATenthOfIt() {
        assertThat(new RapidSlicer(new World(), pool, 20_000, 16).limit(44_529)).isEqualTo(2_784);
        assertThat(new RapidSlicer(new World(), pool, 20_000, 16).limit(1_000)).isEqualTo(2_000);
        assertThat(new RapidSlicer(new World(), pool, 20_000, 2).limit(1_000_000)).isEqualTo(20_000);
        assertThat(new RapidSlicer(new World(), pool, 20_000, 1).limit(5_000)).isEqualTo(5_000);
    }

    @Test
    void probesRunAsManyAtOnceAsThePoolAllowsAndCategoryProbesDoNotWaitForTheOtherCountries() throws Exception {
        CountDownLatch categoryProbed = new CountDownLatch(1);
        CountDownLatch fourInFlight = new CountDownLatch(4);
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        java.util.concurrent.atomic.AtomicBoolean lastHeldForCategories = new java.util.concurrent.atomic.AtomicBoolean();
        // Concurrency 2: four groups of two countries, each above the pack limit (6), so each is halved.
        List<String> countries = List.of("US", "C1", "C2", "C3", "C4", "C5", "C6", "LAST");
        World world = new World().add("US", 1, 6, 50).add("US", 2, 6, 50);
        for (String c : countries.subList(1, countries.size())) {
            world.add(c, 1, 6, 5);
        }
        // Latches, not elapsed time: the first four probes each wait until four are in flight (a pool that ran
        // fewer at once would leave them waiting out the hang guard), and LAST waits for a category probe.
        RapidSlicer.Probe slow = (query, what) -> {
            int now = inFlight.incrementAndGet();
            maxInFlight.accumulateAndGet(now, Math::max);
            try {
                fourInFlight.countDown();
                fourInFlight.await(60, TimeUnit.SECONDS);
                if (what.startsWith("US-cat") || what.startsWith("US categories")) {
                    categoryProbed.countDown();
                }
                if (what.equals("LAST") && !categoryProbed.await(60, TimeUnit.SECONDS)) {
                    // A planner that waited for every country before probing categories would hold here.
                    lastHeldForCategories.set(true);
                }
                return world.total(query, what);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            } finally {
                inFlight.decrementAndGet();
            }
        };

        List<RapidPlan.Slice> slices = new RapidSlicer(slow, pool, 60, 2).slices(BASE, countries);

        assertThat(lastHeldForCategories).as("LAST was answered only after the hang guard: no category probe ran meanwhile").isFalse();
        assertThat(maxInFlight.get()).isEqualTo(4);
        assertThat(slices).extracting(RapidPlan.Slice::name).startsWith("US-cat-1", "US-cat-2", "C1").endsWith("LAST");
    }

    @Test
    void smallNeighbouringCountriesArePackedIntoOnePartitionAndLargerGroupsHalvedDownToSingleCountries() {
        // Pack limit 100 / 10 = 10; concurrency 1 probes two groups first: A1..A4 and B1..FR.
        World world = new World().add("A1", 1, 6, 2).add("A3", 2, 6, 3).add("B1", 1, 6, 4).add("B2", 1, 6, 4)
                .add("FR", 1, 6, 50);

        List<RapidPlan.Slice> slices = new RapidSlicer(world, pool, 100, 1).slices(BASE,
                List.of("A1", "A2", "A3", "A4", "B1", "B2", "B3", "FR"));

        // B1..FR holds 58: halved into B1..B2 (8, packed) and B3..FR (50), halved again into B3 (empty) and FR.
        assertThat(slices).extracting(RapidPlan.Slice::name).containsExactly("A1..A4", "B1..B2", "FR");
        assertThat(slices.get(0).countries()).containsExactly("A1", "A2", "A3", "A4");
        assertThat(slices.get(0).country()).isNull();
        assertThat(slices.get(0).expected()).isEqualTo(5);
        assertThat(slices.get(0).query(BASE).countries()).containsExactly("A1", "A2", "A3", "A4");
        assertThat(slices.get(2).countries()).isNull();
        assertThat(world.probed).containsExactlyInAnyOrder("countries A1..A4", "countries B1..FR", "countries B1..B2",
                "countries B3..FR", "B3", "FR");
        world.assertEachPropertyInExactlyOneSlice(slices);
    }

    @Test
    void smallCategoriesOfALargeCountryArePackedAndALargeOneKeepsItsOwnCuts() {
        // Pack limit 10; concurrency 1 probes the categories in two groups, 0..21 and 22..44, and the remainder.
        World world = new World().add("US", 1, 6, 60).add("US", 2, 6, 3).add("US", 5, 7, 4).add("US", 30, 8, 2)
                .add("US", 99, 8, 20);

        List<RapidPlan.Slice> slices = new RapidSlicer(world, pool, 60, 1).slices(BASE, List.of("US"));

        // 0..21 (67) halves to 0..10 (67), 0..4 (63): 0..1 (60), 2..4 (3, packed); 5..10 (4, packed);
        // 22..44 (2) is one pack; category 1 (60) is a slice of its own.
        assertThat(slices).extracting(RapidPlan.Slice::name).containsExactly("US-cat-1", "US-cat-2..4", "US-cat-5..10",
                "US-cat-22..44", "US-cat-other");
        RapidPlan.Slice pack = slices.get(1);
        assertThat(pack.country()).isEqualTo("US");
        assertThat(pack.category()).isNull();
        assertThat(pack.categories()).containsExactly("2", "3", "4");
        assertThat(pack.query(BASE).categoryIds()).containsExactly("2", "3", "4");
        assertThat(pack.expected()).isEqualTo(3);
        assertThat(RapidPlan.fromJson(new RapidPlan(slices).toJson()).slices()).isEqualTo(slices);
        world.assertEachPropertyInExactlyOneSlice(slices);
    }

    @Test
    void emptyGroupsCostOneProbeAndNoPartition() {
        World world = new World().add("FR", 1, 6, 5);

        List<RapidPlan.Slice> slices = new RapidSlicer(world, pool, 100, 1).slices(BASE,
                List.of("A1", "A2", "A3", "A4", "FR", "GB"));

        assertThat(slices).extracting(RapidPlan.Slice::name).containsExactly("A4..GB");
        assertThat(world.probed).containsExactlyInAnyOrder("countries A1..A3", "countries A4..GB");
        world.assertEachPropertyInExactlyOneSlice(slices);
    }

    @Test
    void packedSliceReadsBackFromTheSavedPlanWithItsCountries() {
        RapidPlan plan = new RapidPlan(List.of(RapidPlan.Slice.packed(List.of("AD", "AE", "AF"), 12),
                new RapidPlan.Slice("US-cat-1", "US", "1", false, 900)));

        RapidPlan read = RapidPlan.fromJson(plan.toJson());

        assertThat(read).isEqualTo(plan);
        assertThat(read.slices().get(0).name()).isEqualTo("AD..AF");
        assertThat(read.slices().get(0).query(BASE).countries()).containsExactly("AD", "AE", "AF");
        assertThat(read.slices().get(1).query(BASE).countries()).containsExactly("US");
    }

    @Test
    void thePlannerSendsTwiceAsManyProbesAtOnceAsPartitionsRead() {
        // As many as the extract keeps in flight with read-ahead; half of a full run's requests are probes.
        assertThat(RapidPlanner.probeThreads(1)).isEqualTo(2);
        assertThat(RapidPlanner.probeThreads(4)).isEqualTo(8);
        assertThat(RapidPlanner.probeThreads(32)).isEqualTo(64);
    }

    @Test
    void aFailedProbeFailsThePlanWithItsOwnMessage() {
        RapidSlicer.Probe failing = (query, what) -> {
            if (what.equals("FR")) {
                throw new ApiCallException("size probe of FR failed: HTTP 503 after 6 attempts");
            }
            return 3;
        };

        assertThatThrownBy(() -> new RapidSlicer(failing, pool, 100, 2).slices(BASE, List.of("GB", "FR", "IT")))
                .isInstanceOf(ApiCallException.class).hasMessage("size probe of FR failed: HTTP 503 after 6 attempts");
    }

    @Test
    void runOrderIsLargestFirstAndKeepsPlanOrderForEqualSizes() {
        RapidPlan plan = new RapidPlan(List.of(new RapidPlan.Slice("AD", "AD", null, false, 5),
                new RapidPlan.Slice("FR", "FR", null, false, 300), new RapidPlan.Slice("GB", "GB", null, false, 5),
                new RapidPlan.Slice("US-cat-1-r3.5", "US", "1", false, "3.5", "3.9", 900, null, null)));

        assertThat(plan.runOrder()).extracting(RapidPlan.Slice::name).containsExactly("US-cat-1-r3.5", "FR", "AD", "GB");
        assertThat(RapidPlan.fromJson(plan.toJson())).isEqualTo(plan);
    }

    @Test
    void planSavedBeforeRatingCutsStillReadsBack() {
        String saved = "{\"slices\":[{\"name\":\"US-cat-1\",\"country\":\"US\",\"category\":\"1\",\"remainder\":false,"
                + "\"expected\":13351}]}";

        RapidPlan.Slice slice = RapidPlan.fromJson(saved).slices().get(0);

        assertThat(slice).isEqualTo(new RapidPlan.Slice("US-cat-1", "US", "1", false, 13351));
        assertThat(slice.query(BASE).ratingMin()).isNull();
    }
}
