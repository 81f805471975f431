package com.pagingetl.simulator.rapid;

import com.pagingetl.simulator.SampleData;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The vocabulary the Rapid data set is generated from, read once from {@code /sample-data/rapid/*.json} on the
 * classpath: countries with cities, categories, chains and brands, and the content vocabulary. Immutable and
 * thread-safe once loaded.
 */
final class RapidTemplates {

    /** {@code [name, state_province_code, state_province_name, latitude, longitude, airport IATA]} in the file. */
    @JsonFormat(shape = JsonFormat.Shape.ARRAY)
    record City(String name, String stateCode, String stateName, double latitude, double longitude, String iata) {
    }

    /** {@code phone} is the dialling prefix, {@code postal} the postal code pattern (# a digit, A a letter). */
    record Country(String code, int weight, String currency, String phone, String postal, String language,
                   List<City> cities) {
    }

    record Category(int id, String name, int weight) {
    }

    /** A chain or a brand. */
    interface Named {
        String id();

        String name();
    }

    /** The id of a chain or brand, 0 for an independent property's (null). */
    static String idOf(Named chainOrBrand) {
        return chainOrBrand == null ? "0" : chainOrBrand.id();
    }

    record Brand(String id, String name) implements Named {
    }

    record Chain(String id, String name, int weight, List<Brand> brands) implements Named {
    }

    /** An entry such as an amenity: id, name (may contain {n}), and the range of {n} when it has a value. */
    record Item(String id, String name, int min, int max) {
        boolean hasValue() {
            return max > 0;
        }
    }

    @JsonIgnoreProperties("_comment")
    record CountriesFile(List<Country> countries) {
    }

    @JsonIgnoreProperties("_comment")
    record CategoriesFile(List<Category> categories,
                          @JsonProperty("vacation_rental_category_ids") List<Integer> vacationRental) {
    }

    @JsonIgnoreProperties("_comment")
    record ChainsFile(@JsonProperty("independent_share") double independentShare, List<Chain> chains) {
    }

    final List<Country> countries;
    final List<Category> categories;
    final List<Integer> vacationRentalCategories;
    final List<Chain> chains;
    final double independentShare;
    final JsonNode content;
    private final Map<String, List<?>> lists = new ConcurrentHashMap<>();

    private RapidTemplates(CountriesFile countries, CategoriesFile categories, ChainsFile chains, JsonNode content) {
        this.countries = countries.countries();
        this.categories = categories.categories();
        this.vacationRentalCategories = categories.vacationRental();
        this.chains = chains.chains();
        this.independentShare = chains.independentShare();
        this.content = content;
    }

    static RapidTemplates load() {
        return new RapidTemplates(read("countries.json", CountriesFile.class), read("categories.json",
                CategoriesFile.class), read("chains.json", ChainsFile.class), read("content.json", JsonNode.class));
    }

    List<String> strings(String name) {
        return list(name, JsonNode::asString);
    }

    /** A content list of items; an item has a value range only when it has four elements. */
    List<Item> items(String name) {
        return list(name, n -> new Item(n.get(0).asString(), n.get(1).asString(),
                n.size() > 3 ? n.get(2).asInt() : 0, n.size() > 3 ? n.get(3).asInt() : 0));
    }

    List<JsonNode> rows(String name) {
        return list(name, n -> n);
    }

    /** The content list {@code name}, each element read by {@code element}: read once, as every rendering asks. */
    @SuppressWarnings("unchecked")
    private <T> List<T> list(String name, Function<JsonNode, T> element) {
        return (List<T>) lists.computeIfAbsent(name, k -> content.get(k).valueStream().map(element).toList());
    }

    String string(String name) {
        return content.get(name).asString();
    }

    private static <T> T read(String file, Class<T> type) {
        return JsonMapper.shared().readValue(SampleData.text("rapid", file), type);
    }
}
