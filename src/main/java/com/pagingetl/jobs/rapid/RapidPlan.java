package com.pagingetl.jobs.rapid;

import java.util.Comparator;
import java.util.List;

import tools.jackson.databind.json.JsonMapper;

/**
 * The partitions of one run, in the order their parts are concatenated: neighbouring small countries read
 * together, a country small enough to read at once, or, for a country above {@code maxPartitionSize}, one
 * slice per non-empty property category plus a remainder slice for categories outside 0..44; a slice still
 * too large is cut further into star rating ranges. Computed once, saved in the job's ExecutionContext
 * ({@value #KEY}) and reused by every restart. Partitions start in {@link #runOrder()}, largest first.
 */
record RapidPlan(List<Slice> slices) {

    static final String KEY = "rapid.plan";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * @param name      stable partition name: {@code US}, {@code US-cat-1}, {@code US-cat-other},
     *                  {@code US-cat-1-r3.5}, or {@code AD..BZ} for several small countries read together and
     *                  {@code US-cat-2..9} for several small categories of one country
     * @param country   the slice's one country; null when it packs several ({@code countries})
     * @param category  the one category of the slice; null for a whole country, the remainder or a pack of
     *                  categories
     * @param ratingMin lowest star rating of the slice (inclusive), or null for every rating and none
     * @param ratingMax highest star rating of the slice (inclusive), or null
     * @param expected  total results reported when the plan was made (run order and progress)
     * @param countries the countries a packed slice reads in one query ({@code country_code} repeated, which
     *                  the API ORs); null for a one-country slice and in plans saved before packing existed
     * @param categories the categories of {@code country} a packed slice reads in one query ({@code
     *                  category_id} repeated); null unless the slice packs categories
     */
    record Slice(String name, String country, String category, boolean remainder, String ratingMin,
                 String ratingMax, long expected, List<String> countries, List<String> categories) {

        Slice(String name, String country, String category, boolean remainder, long expected) {
            this(name, country, category, remainder, null, null, expected, null, null);
        }

        /** Whole countries read as one partition, named after the first and last: {@code AD..BZ}. */
        static Slice packed(List<String> countries, long expected) {
            return new Slice(countries.get(0) + ".." + countries.get(countries.size() - 1), null, null, false, null, null,
                    expected, List.copyOf(countries), null);
        }

        /** Categories of one country read as one partition, named after the first and last: {@code US-cat-2..9}. */
        static Slice packedCategories(String country, List<String> categories, long expected) {
            return new Slice(country + "-cat-" + categories.get(0) + ".." + categories.get(categories.size() - 1),
                    country, null, false, null, null, expected, null, List.copyOf(categories));
        }

        RapidQuery query(RapidQuery countryless) {
            RapidQuery q = countries != null ? countryless.withCountries(countries) : countryless.withCountry(country);
            if (categories != null) {
                q = q.withCategories(categories);
            } else if (category != null) {
                q = q.withCategory(category);
            } else if (remainder) {
                q = q.excludingCategories(RapidContentJob.CATEGORIES);
            }
            return ratingMin == null && ratingMax == null ? q : q.withRating(ratingMin, ratingMax);
        }

        /** This slice cut to one rating range, named {@code <name>-r<min>}. */
        Slice withRating(RatingRange range, long expected) {
            return new Slice(name + "-r" + range.min(), country, category, remainder, range.min(), range.max(),
                    expected, countries, categories);
        }

        String toJson() {
            return JSON.writeValueAsString(this);
        }

        static Slice fromJson(String json) {
            return JSON.readValue(json, Slice.class);
        }
    }

    /**
     * One inclusive {@code property_rating_min}/{@code _max} pair. {@link #ALL} covers every rating the API
     * writes (0.0 to 5.0 with one decimal) once: {@code 0.0-0.4, 0.5-0.9, ..., 4.5-4.9, 5.0-5.0}.
     */
    record RatingRange(String min, String max) {

        static final List<RatingRange> ALL = java.util.stream.IntStream.rangeClosed(0, 10)
                .mapToObj(h -> new RatingRange(tenths(h * 5), tenths(Math.min(50, h * 5 + 4)))).toList();

        private static String tenths(int t) {
            return t / 10 + "." + t % 10;
        }
    }

    String toJson() {
        return JSON.writeValueAsString(this);
    }

    static RapidPlan fromJson(String json) {
        return JSON.readValue(json, RapidPlan.class);
    }

    long expectedTotal() {
        return slices.stream().mapToLong(Slice::expected).sum();
    }

    /**
     * The order partitions start in: largest expected size first, so that the longest ones never start
     * last and run alone; equal sizes keep plan order.
     */
    List<Slice> runOrder() {
        return slices.stream().sorted(Comparator.comparingLong(Slice::expected).reversed()).toList();
    }
}
