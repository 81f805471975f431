package com.pagingetl.simulator.rapid;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
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

    record City(String name, String stateCode, String stateName, double latitude, double longitude, String iata) {
    }

    record Country(String code, int weight, String currency, String phonePrefix, String postalPattern,
                   String language, List<City> cities) {
    }

    record Category(int id, String name, int weight) {
    }

    /** A chain or a brand. */
    interface Named {
        String id();

        String name();
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

    final List<Country> countries;
    final List<Category> categories;
    final List<Integer> vacationRentalCategories;
    final List<Chain> chains;
    final double independentShare;
    final JsonNode content;
    private final Map<String, List<?>> lists = new ConcurrentHashMap<>();

    private RapidTemplates(JsonNode countries, JsonNode categories, JsonNode chains, JsonNode content) {
        this.countries = new ArrayList<>();
        for (JsonNode c : countries.get("countries")) {
            List<City> cities = new ArrayList<>();
            for (JsonNode city : c.get("cities")) {
                cities.add(new City(city.get(0).asString(), text(city.get(1)), text(city.get(2)),
                        city.get(3).asDouble(), city.get(4).asDouble(), city.get(5).asString()));
            }
            this.countries.add(new Country(c.get("code").asString(), c.get("weight").asInt(),
                    c.get("currency").asString(), c.get("phone").asString(), c.get("postal").asString(),
                    c.get("language").asString(), List.copyOf(cities)));
        }
        this.categories = new ArrayList<>();
        for (JsonNode c : categories.get("categories")) {
            this.categories.add(new Category(c.get("id").asInt(), c.get("name").asString(), c.get("weight").asInt()));
        }
        this.vacationRentalCategories = new ArrayList<>();
        for (JsonNode c : categories.get("vacation_rental_category_ids")) {
            vacationRentalCategories.add(c.asInt());
        }
        this.chains = new ArrayList<>();
        for (JsonNode c : chains.get("chains")) {
            List<Brand> brands = new ArrayList<>();
            for (JsonNode b : c.get("brands")) {
                brands.add(new Brand(b.get("id").asString(), b.get("name").asString()));
            }
            this.chains.add(new Chain(c.get("id").asString(), c.get("name").asString(), c.get("weight").asInt(),
                    List.copyOf(brands)));
        }
        this.independentShare = chains.get("independent_share").asDouble();
        this.content = content;
    }

    static RapidTemplates load() {
        JsonMapper mapper = JsonMapper.shared();
        return new RapidTemplates(read(mapper, "countries.json"), read(mapper, "categories.json"),
                read(mapper, "chains.json"), read(mapper, "content.json"));
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

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asString();
    }

    private static JsonNode read(JsonMapper mapper, String file) {
        String path = "/sample-data/rapid/" + file;
        try (InputStream in = RapidTemplates.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing simulator template " + path + " on the classpath");
            }
            return mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
