package com.pagingetl.jobs.rapid;

import java.util.List;

import tools.jackson.databind.json.JsonMapper;

/**
 * The partitions of one run, in the order their parts are concatenated: a country small enough to read
 * at once, or, for a country above {@code maxPartitionSize}, one slice per non-empty property category
 * plus a remainder slice for categories outside 0..44. Computed once, saved in the job's
 * ExecutionContext ({@value #KEY}) and reused by every restart.
 */
record RapidPlan(List<Slice> slices) {

    static final String KEY = "rapid.plan";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * @param name     stable partition name: {@code US}, {@code US-cat-1}, {@code US-cat-other}
     * @param category the one category of the slice; null for a whole country or the remainder
     * @param expected total results reported when the plan was made (progress only)
     */
    record Slice(String name, String country, String category, boolean remainder, long expected) {

        RapidQuery query(RapidQuery countryless) {
            RapidQuery q = countryless.withCountry(country);
            if (category != null) {
                return q.withCategory(category);
            }
            return remainder ? q.excludingCategories(RapidContentJob.CATEGORIES) : q;
        }

        String toJson() {
            return JSON.writeValueAsString(this);
        }

        static Slice fromJson(String json) {
            return JSON.readValue(json, Slice.class);
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
}
