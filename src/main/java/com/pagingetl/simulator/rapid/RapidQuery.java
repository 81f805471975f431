package com.pagingetl.simulator.rapid;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A validated {@code GET /properties/content} query. Null or empty filter sets mean "no filter"; day bounds are
 * UTC epoch days, inclusive. {@link #parse} and {@link #since} validate the query parameters, collecting every
 * problem into one nested {@code invalid_input} error as the real API does. Immutable.
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

    /** The supported languages, in the order the API's errors list them. */
    private static final List<String> LANGUAGES = List.of("ar-SA", "cs-CZ", "da-DK", "de-DE", "el-GR", "en-US",
            "es-ES", "es-MX", "fi-FI", "fr-CA", "fr-FR", "hr-HR", "hu-HU", "id-ID", "is-IS", "it-IT", "ja-JP", "lt-LT",
            "ko-KR", "ms-MY", "nb-NO", "nl-NL", "pl-PL", "pt-BR", "pt-PT", "ru-RU", "sk-SK", "sv-SE", "th-TH", "tr-TR",
            "uk-UA", "vi-VN", "zh-CN", "zh-TW");
    private static final int MAX_PROPERTY_IDS = 250;
    /** Real filters whose data the simulator does not model: refused loudly rather than silently ignored. */
    private static final List<String> UNSUPPORTED = List.of("amenity_id", "attribute_id", "spoken_language_id",
            "all_inclusive");
    private static final Pattern DIGITS = Pattern.compile("\\d{1,9}");
    private static final Pattern INTEGER = Pattern.compile("-?\\d{1,9}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    boolean paginated() {
        return propertyIds == null;
    }

    /** Every active property of {@code supplySource} in en-US, rendering {@code fields} (null for all). */
    static RapidQuery all(String supplySource, Set<String> fields) {
        return new RapidQuery("en-US", supplySource, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, fields);
    }

    /** @throws RapidApiException 400 {@code invalid_input} listing every invalid parameter */
    static RapidQuery parse(Map<String, List<String>> params) {
        List<RapidError> errors = new ArrayList<>();
        String language = oneOf(params, "language", "language", LANGUAGES, errors);
        String supplySource = oneOf(params, "supply_source", "supply source", List.of("expedia", "vrbo"), errors);
        Set<String> countries = values(params, "country_code");
        for (String c : params.getOrDefault("country_code", List.of())) {
            if (!COUNTRY.matcher(c).matches()) {
                errors.add(RapidError.param("country_code.invalid",
                        "Country code must be a 2-letter ISO 3166-1 alpha-2 code in upper case.", "country_code", c));
            }
        }
        Set<Integer> categories = categories(params, "category_id", errors);
        Set<Integer> excludes = categories(params, "category_id_exclude", errors);
        Long updatedStart = day(params, "date_updated_start", errors);
        Long updatedEnd = day(params, "date_updated_end", errors);
        Long addedStart = day(params, "date_added_start", errors);
        Long addedEnd = day(params, "date_added_end", errors);
        Double ratingMin = rating(params, "property_rating_min", errors);
        Double ratingMax = rating(params, "property_rating_max", errors);
        Boolean multiUnit = null;
        String mu = single(params, "multi_unit", errors);
        if (mu != null) {
            if (!mu.equals("true") && !mu.equals("false")) {
                errors.add(RapidError.param("multi_unit.invalid", "multi_unit must be true or false.", "multi_unit", mu));
            }
            multiUnit = Boolean.parseBoolean(mu);
        }
        Set<String> businessModels = values(params, "business_model");
        List<String> models = List.of("expedia_collect", "property_collect");
        if (businessModels != null) {
            businessModels.stream().filter(b -> !models.contains(b))
                    .forEach(b -> errors.add(notSupported("business_model", "business model", models, b)));
        }
        Set<String> chainIds = integers(params, "chain_id", errors);
        Set<String> brandIds = integers(params, "brand_id", errors);
        for (String name : UNSUPPORTED) {
            if (params.containsKey(name)) {
                errors.add(RapidError.param(name + ".not_supported",
                        "The simulator does not model " + name + "; remove this filter.", name));
            }
        }
        int[] propertyIds = propertyIds(params, errors);
        Set<String> fields = include(params, errors);
        if (!errors.isEmpty()) {
            throw new RapidApiException(RapidError.invalidInput(errors));
        }
        return new RapidQuery(language, supplySource, countries, categories, excludes, updatedStart, updatedEnd,
                addedStart, addedEnd, ratingMin, ratingMax, multiUnit, businessModels, chainIds, brandIds, propertyIds,
                fields);
    }

    /** The {@code since} day of {@code /properties/inactive}, as an epoch day. */
    static long since(Map<String, List<String>> params) {
        List<String> values = params.get("since");
        if (values == null || values.isEmpty() || values.get(0).isEmpty()) {
            throw new RapidApiException(RapidError.invalidInput(List.of(RapidError.param("since.required",
                    "The since field is required. Please provide a date in ISO 8601 (YYYY-MM-DD) format.", "since"))));
        }
        try {
            if (values.size() > 1) {
                throw new DateTimeParseException("repeated", values.get(1), 0);
            }
            return LocalDate.parse(values.get(0)).toEpochDay();
        } catch (DateTimeParseException e) {
            throw new RapidApiException(RapidError.invalidInput(List.of(RapidError.param("since.invalid_date_format",
                    "The since field is not formatted correctly. Please provide a date in ISO 8601 (YYYY-MM-DD) format.",
                    "since", String.join(",", values)))));
        }
    }

    /** A required parameter given once with one of the {@code supported} values; {@code label} names it in messages. */
    private static String oneOf(Map<String, List<String>> params, String name, String label, List<String> supported,
                                List<RapidError> errors) {
        List<String> values = params.get(name);
        if (values == null || values.isEmpty() || values.get(0).isEmpty()) {
            errors.add(RapidError.param(name + ".required",
                    "A " + label + " is required. Supported " + label + "s are: " + supported, name));
            return null;
        }
        if (values.size() > 1) {
            errors.add(RapidError.param(name + ".above_maximum",
                    "The number of " + label + "s passed in must not be greater than 1.", name));
            return null;
        }
        if (!supported.contains(values.get(0))) {
            errors.add(notSupported(name, label, supported, values.get(0)));
        }
        return values.get(0);
    }

    private static RapidError notSupported(String name, String label, List<String> supported, String value) {
        return RapidError.param(name + ".not_supported", Character.toUpperCase(label.charAt(0)) + label.substring(1)
                + " is not supported. Supported " + label + "s are: " + supported, name, value);
    }

    private static Set<Integer> categories(Map<String, List<String>> params, String name, List<RapidError> errors) {
        if (!params.containsKey(name)) {
            return null;
        }
        Set<Integer> out = new HashSet<>();
        for (String v : params.get(name)) {
            if (DIGITS.matcher(v).matches()) {
                out.add(Integer.parseInt(v));
            } else {
                errors.add(RapidError.param(name + ".invalid", "Category ids must be numeric.", name, v));
            }
        }
        return out;
    }

    private static Set<String> integers(Map<String, List<String>> params, String name, List<RapidError> errors) {
        Set<String> out = values(params, name);
        if (out != null) {
            out.stream().filter(v -> !INTEGER.matcher(v).matches()).forEach(v -> errors.add(
                    RapidError.param(name + ".invalid", name + " must be an integer.", name, v)));
        }
        return out;
    }

    private static Set<String> values(Map<String, List<String>> params, String name) {
        return params.containsKey(name) ? new LinkedHashSet<>(params.get(name)) : null;
    }

    private static String single(Map<String, List<String>> params, String name, List<RapidError> errors) {
        List<String> values = params.get(name);
        if (values == null) {
            return null;
        }
        if (values.size() > 1) {
            errors.add(RapidError.param(name + ".above_maximum",
                    "The number of " + name + " values passed in must not be greater than 1.", name));
        }
        return values.get(0);
    }

    private static Long day(Map<String, List<String>> params, String name, List<RapidError> errors) {
        String v = single(params, name, errors);
        if (v == null) {
            return null;
        }
        try {
            if (!v.matches("\\d{4}-\\d{2}-\\d{2}")) {
                throw new DateTimeParseException("format", v, 0);
            }
            return LocalDate.parse(v).toEpochDay();
        } catch (DateTimeParseException e) {
            errors.add(RapidError.param(name + ".invalid_date_format", "The " + name
                    + " field is not formatted correctly. Please provide a date in ISO 8601 (YYYY-MM-DD) format.", name, v));
            return null;
        }
    }

    private static Double rating(Map<String, List<String>> params, String name, List<RapidError> errors) {
        String v = single(params, name, errors);
        if (v == null) {
            return null;
        }
        try {
            double d = Double.parseDouble(v);
            if (d < 0 || d > 5 || Double.isNaN(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            errors.add(RapidError.param(name + ".invalid", name + " must be a number from 0.0 to 5.0.", name, v));
            return null;
        }
    }

    private static int[] propertyIds(Map<String, List<String>> params, List<RapidError> errors) {
        List<String> values = params.get("property_id");
        if (values == null) {
            return null;
        }
        List<String> bad = values.stream().filter(v -> !DIGITS.matcher(v).matches()).toList();
        if (!bad.isEmpty()) {
            errors.add(RapidError.param("property_id.must_be_numeric", "All provided property_id query parameters "
                    + "must be numeric (contains only digits 0-9, with no other characters).", "property_id",
                    bad.toArray(String[]::new)));
        }
        if (values.size() > MAX_PROPERTY_IDS) {
            errors.add(RapidError.param("property_id.above_maximum",
                    "A maximum of 250 property_id query parameters may be provided to this request.", "property_id"));
        }
        return bad.isEmpty() ? values.stream().mapToInt(Integer::parseInt).toArray() : null;
    }

    private static Set<String> include(Map<String, List<String>> params, List<RapidError> errors) {
        List<String> values = params.get("include");
        if (values == null) {
            return null;
        }
        Set<String> fields = new HashSet<>();
        fields.add("property_id");
        for (String v : values) {
            switch (v) {
                case "property_id", "property_ids" -> { }
                case "catalog" -> fields.addAll(PropertyRenderer.CATALOG_FIELDS);
                default -> {
                    if (PropertyRenderer.ALL_FIELDS.contains(v)) {
                        fields.add(v);
                    } else {
                        errors.add(RapidError.param("include.not_supported", "Include value is not supported. "
                                + "Use property_id, catalog or a top-level property field name.", "include", v));
                    }
                }
            }
        }
        return fields;
    }
}
