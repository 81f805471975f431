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
 * Validates the query parameters of {@code GET /properties/content} and {@code /properties/inactive} into a
 * {@link RapidQuery}, collecting every problem into one nested {@code invalid_input} error as the real API does.
 * Stateless and thread-safe.
 */
final class RapidQueryParser {

    static final Set<String> LANGUAGES = Set.of("ar-SA", "cs-CZ", "da-DK", "de-DE", "el-GR", "en-US", "es-ES",
            "es-MX", "fi-FI", "fr-CA", "fr-FR", "hr-HR", "hu-HU", "id-ID", "is-IS", "it-IT", "ja-JP", "lt-LT", "ko-KR",
            "ms-MY", "nb-NO", "nl-NL", "pl-PL", "pt-BR", "pt-PT", "ru-RU", "sk-SK", "sv-SE", "th-TH", "tr-TR", "uk-UA",
            "vi-VN", "zh-CN", "zh-TW");
    static final int MAX_PROPERTY_IDS = 250;
    /** Real filters whose data the simulator does not model: refused loudly rather than silently ignored. */
    private static final List<String> UNSUPPORTED = List.of("amenity_id", "attribute_id", "spoken_language_id",
            "all_inclusive");
    private static final Pattern DIGITS = Pattern.compile("\\d{1,9}");
    private static final Pattern INTEGER = Pattern.compile("-?\\d{1,9}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    private RapidQueryParser() {
    }

    static RapidQuery parseContent(Map<String, List<String>> params) {
        List<RapidError> errors = new ArrayList<>();
        String language = language(params, errors);
        String supplySource = supplySource(params, errors);
        Set<String> countries = null;
        if (params.containsKey("country_code")) {
            countries = new HashSet<>();
            for (String c : params.get("country_code")) {
                if (!COUNTRY.matcher(c).matches()) {
                    errors.add(RapidError.param("country_code.invalid",
                            "Country code must be a 2-letter ISO 3166-1 alpha-2 code in upper case.", "country_code", c));
                }
                countries.add(c);
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
        if (businessModels != null) {
            for (String b : businessModels) {
                if (!b.equals("expedia_collect") && !b.equals("property_collect")) {
                    errors.add(RapidError.param("business_model.not_supported",
                            "Business model is not supported. Supported business models are: [expedia_collect, "
                                    + "property_collect]", "business_model", b));
                }
            }
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
    static long parseSince(Map<String, List<String>> params) {
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

    private static String language(Map<String, List<String>> params, List<RapidError> errors) {
        List<String> values = params.get("language");
        if (values == null || values.isEmpty() || values.get(0).isEmpty()) {
            errors.add(RapidError.param("language.required",
                    "A language is required. Supported languages are: " + RapidError.SUPPORTED_LANGUAGES, "language"));
            return null;
        }
        if (values.size() > 1) {
            errors.add(RapidError.param("language.above_maximum",
                    "The number of languages passed in must not be greater than 1.", "language"));
            return null;
        }
        if (!LANGUAGES.contains(values.get(0))) {
            errors.add(RapidError.param("language.not_supported",
                    "Language is not supported. Supported languages are: " + RapidError.SUPPORTED_LANGUAGES,
                    "language", values.get(0)));
        }
        return values.get(0);
    }

    private static String supplySource(Map<String, List<String>> params, List<RapidError> errors) {
        List<String> values = params.get("supply_source");
        if (values == null || values.isEmpty() || values.get(0).isEmpty()) {
            errors.add(RapidError.param("supply_source.required",
                    "A supply source is required. Supported supply sources are: [expedia, vrbo]", "supply_source"));
            return null;
        }
        if (values.size() > 1) {
            errors.add(RapidError.param("supply_source.above_maximum",
                    "The number of supply sources passed in must not be greater than 1.", "supply_source"));
            return null;
        }
        if (!values.get(0).equals("expedia") && !values.get(0).equals("vrbo")) {
            errors.add(RapidError.param("supply_source.not_supported",
                    "Supply source is not supported. Supported supply sources are: [expedia, vrbo]",
                    "supply_source", values.get(0)));
        }
        return values.get(0);
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
            for (String v : out) {
                if (!INTEGER.matcher(v).matches()) {
                    errors.add(RapidError.param(name + ".invalid", name + " must be an integer.", name, v));
                }
            }
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
