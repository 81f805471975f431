package com.pagingetl.jobs.rapid;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The first request of one slice of {@code /v3/properties/content}: language, supply source, one or
 * more countries, optionally one or more categories (or the exclusion of the listed ones), optionally a star
 * rating range ({@code property_rating_min}/{@code _max}, inclusive, as the API's decimal strings), the
 * incremental {@code date_updated_start} and the {@code include} projection. Later pages come from the
 * next links, which carry the whole query. Immutable.
 */
record RapidQuery(String language, String supplySource, List<String> countries, List<String> categoryIds,
                  List<String> categoryExclude, String ratingMin, String ratingMax, LocalDate dateUpdatedStart,
                  List<String> include) {

    static final String CONTENT_PATH = "/v3/properties/content";

    RapidQuery(String language, String supplySource, List<String> countries, List<String> categoryIds,
               List<String> categoryExclude, LocalDate dateUpdatedStart, List<String> include) {
        this(language, supplySource, countries, categoryIds, categoryExclude, null, null, dateUpdatedStart, include);
    }

    URI firstPage(URI base) {
        return build(base, include);
    }

    /** The smallest first page that still reports {@code Pagination-Total-Results}. */
    URI probe(URI base) {
        return build(base, List.of("property_id"));
    }

    RapidQuery withCountry(String country) {
        return withCountries(List.of(country));
    }

    /** This query for any of {@code countries} ({@code country_code} repeated: the API ORs them). */
    RapidQuery withCountries(List<String> countries) {
        return new RapidQuery(language, supplySource, List.copyOf(countries), categoryIds, categoryExclude, ratingMin,
                ratingMax, dateUpdatedStart, include);
    }

    RapidQuery withCategory(String category) {
        return withCategories(List.of(category));
    }

    /** This query for any of {@code categories} ({@code category_id} repeated: the API ORs them). */
    RapidQuery withCategories(List<String> categories) {
        return new RapidQuery(language, supplySource, countries, List.copyOf(categories), List.of(), ratingMin,
                ratingMax, dateUpdatedStart, include);
    }

    RapidQuery excludingCategories(List<String> categories) {
        return new RapidQuery(language, supplySource, countries, List.of(), categories, ratingMin, ratingMax,
                dateUpdatedStart, include);
    }

    /** This query restricted to star ratings from {@code min} to {@code max}, both inclusive. */
    RapidQuery withRating(String min, String max) {
        return new RapidQuery(language, supplySource, countries, categoryIds, categoryExclude, min, max,
                dateUpdatedStart, include);
    }

    private URI build(URI base, List<String> includes) {
        List<String> params = new ArrayList<>();
        add(params, "language", language);
        add(params, "supply_source", supplySource);
        countries.forEach(c -> add(params, "country_code", c));
        categoryIds.forEach(c -> add(params, "category_id", c));
        categoryExclude.forEach(c -> add(params, "category_id_exclude", c));
        if (ratingMin != null) {
            add(params, "property_rating_min", ratingMin);
        }
        if (ratingMax != null) {
            add(params, "property_rating_max", ratingMax);
        }
        if (dateUpdatedStart != null) {
            add(params, "date_updated_start", dateUpdatedStart.toString());
        }
        includes.forEach(i -> add(params, "include", i));
        return URI.create(stripSlash(base.toString()) + CONTENT_PATH + "?" + String.join("&", params));
    }

    static URI inactive(URI base, LocalDate since) {
        return URI.create(stripSlash(base.toString()) + "/v3/properties/inactive?since=" + since);
    }

    private static void add(List<String> params, String name, String value) {
        params.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
