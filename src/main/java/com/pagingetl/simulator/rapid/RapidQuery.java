package com.pagingetl.simulator.rapid;

import java.util.Set;

/**
 * A validated {@code GET /properties/content} query. Null or empty filter sets mean "no filter"; day bounds are
 * UTC epoch days, inclusive. Immutable.
 *
 * @param countries     country codes (OR)
 * @param categories    category ids to keep (OR)
 * @param excludes      category ids to drop
 * @param propertyIds   explicit property ids; when non-null the answer is one unpaginated page
 * @param fields        top-level fields to render, or null for all ({@code property_id} is always rendered)
 */
record RapidQuery(String language, String supplySource, Set<String> countries, Set<Integer> categories,
                  Set<Integer> excludes, Long updatedStart, Long updatedEnd, Long addedStart, Long addedEnd,
                  Double ratingMin, Double ratingMax, Boolean multiUnit, Set<String> businessModels,
                  Set<String> chainIds, Set<String> brandIds, int[] propertyIds, Set<String> fields) {

    boolean paginated() {
        return propertyIds == null;
    }
}
