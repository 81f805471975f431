package com.pagingetl.simulator.rapid;

import static com.pagingetl.simulator.SampleData.pick;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Renders one property's {@code PropertyContent} JSON on demand from the data set's metadata, the templates and
 * a per-property, per-field random stream, so that the same seed always renders the same bytes and a projected
 * field ({@code include=name}) is identical to the same field of a full rendering. Stateless after construction
 * and thread-safe.
 */
final class PropertyRenderer {

    /** Fields of the catalog subset ({@code include=catalog}, and the catalog file). */
    static final Set<String> CATALOG_FIELDS = Set.of("property_id", "name", "address", "ratings", "location", "phone",
            "fax", "category", "rank", "business_model", "dates", "statistics", "chain", "brand", "supply_source");

    /** Every top-level PropertyContent field, in the order the simulator writes them. */
    static final List<String> ALL_FIELDS = List.of("property_id", "name", "address", "ratings", "location", "phone",
            "fax", "category", "business_model", "rank", "checkin", "checkout", "fees", "policies", "attributes",
            "amenities", "images", "onsite_payments", "rooms", "rates", "dates", "descriptions", "statistics",
            "airports", "themes", "all_inclusive", "tax_id", "chain", "brand", "spoken_languages", "multi_unit",
            "payment_registration_recommended", "vacation_rental_details", "supply_source");

    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final String[] LOCALIZED_LANGUAGES = {"fr-FR", "es-ES", "de-DE", "ja-JP", "pt-BR", "it-IT"};

    private final RapidDataSet data;
    private final RapidTemplates t;
    private final java.util.function.Supplier<String> baseUrl;

    PropertyRenderer(RapidDataSet data, java.util.function.Supplier<String> baseUrl) {
        this.data = data;
        this.t = data.templates;
        this.baseUrl = baseUrl;
    }

    /**
     * Writes {@code "<id>": {PropertyContent}} for the property at array index {@code i}.
     *
     * @param fields fields to render, or null for all; {@code property_id} is always written
     */
    void writeEntry(JsonGenerator g, int i, Set<String> fields) {
        g.writeName(Integer.toString(data.id(i)));
        write(g, i, fields);
    }

    /** Writes the PropertyContent object of the property at array index {@code i}. */
    void write(JsonGenerator g, int i, Set<String> fields) {
        int id = data.id(i);
        String pid = Integer.toString(id);
        RapidTemplates.Country country = data.country(i);
        RapidTemplates.City city = country.cities().get(rnd(id, 1).nextInt(country.cities().size()));
        boolean vrbo = (data.flags(i) & RapidDataSet.FLAG_VRBO) != 0;
        String name = name(i, id, city);
        g.writeStartObject();
        g.writeStringProperty("property_id", pid);
        for (int f = 1; f < ALL_FIELDS.size(); f++) {
            String field = ALL_FIELDS.get(f);
            if (fields != null && !fields.contains(field)) {
                continue;
            }
            SplittableRandom r = rnd(id, 100 + f);
            switch (field) {
                case "name" -> g.writeStringProperty("name", name);
                case "address" -> address(g, r, pid, country, city, vrbo);
                case "ratings" -> ratings(g, r, i);
                case "location" -> location(g, r, city, vrbo);
                case "phone" -> g.writeStringProperty("phone", phone(r, country));
                case "fax" -> {
                    if (!vrbo && r.nextInt(3) == 0) {
                        g.writeStringProperty("fax", phone(r, country));
                    }
                }
                case "category" -> object(g, "category", "id", Integer.toString(data.categoryId(i)), "name",
                        categoryName(i));
                case "business_model" -> object(g, "business_model",
                        "expedia_collect", (data.flags(i) & RapidDataSet.FLAG_EXPEDIA_COLLECT) != 0,
                        "property_collect", (data.flags(i) & RapidDataSet.FLAG_PROPERTY_COLLECT) != 0);
                case "rank" -> g.writeNumberProperty("rank", vrbo ? 99_999_999 : 1 + r.nextInt(250_000));
                case "checkin" -> checkin(g, r, vrbo);
                case "checkout" -> object(g, "checkout", "time", pick(r, t.strings("checkout_times")));
                case "fees" -> fees(g, r, country);
                case "policies" -> object(g, "policies", "know_before_you_go", t.string("know_before_you_go"));
                case "attributes" -> {
                    g.writeObjectPropertyStart("attributes");
                    itemMap(g, "general", r, t.items("attributes_general"), 1, 3);
                    itemMap(g, "pets", r, t.items("attributes_pets"), 1, 2);
                    g.writeEndObject();
                }
                case "amenities" -> itemMap(g, "amenities", r, t.items("amenities"), 4, 9);
                case "images" -> images(g, r, id, 2 + r.nextInt(3), -1);
                case "onsite_payments" -> {
                    g.writeObjectPropertyStart("onsite_payments");
                    g.writeStringProperty("currency", country.currency());
                    itemMap(g, "types", r, t.items("payment_types"), 2, 5);
                    g.writeEndObject();
                }
                case "rooms" -> rooms(g, r, id);
                case "rates" -> rates(g, r, id);
                case "dates" -> object(g, "dates",
                        "added", MILLIS.format(Instant.ofEpochMilli(data.addedDay(i) * 86_400_000L
                                + rnd(id, 2).nextInt(86_400_000))),
                        "updated", MILLIS.format(Instant.ofEpochMilli(data.updatedMillis(i))));
                case "descriptions" -> descriptions(g, r, i, name, city);
                case "statistics" -> itemMap(g, "statistics", r, t.items("statistics"), 1, 3);
                case "airports" -> {
                    g.writeObjectPropertyStart("airports");
                    object(g, "preferred", "iata_airport_code", city.iata());
                    g.writeEndObject();
                }
                case "themes" -> itemMap(g, "themes", r, t.items("themes"), 0, 3);
                case "all_inclusive" -> {
                    if (data.categoryId(i) == 8 || r.nextInt(20) == 0) {
                        boolean all = data.categoryId(i) == 8;
                        object(g, "all_inclusive", "all_rate_plans", all, "some_rate_plans", !all, "details",
                                "<p>Onsite food and beverages are included in the room price (some restrictions may"
                                        + " apply).</p>");
                    }
                }
                case "tax_id" -> {
                    if (r.nextInt(4) == 0) {
                        g.writeStringProperty("tax_id", String.format(Locale.ROOT, "%s-%03d-%03d-%04d-01",
                                country.code(), r.nextInt(1000), r.nextInt(1000), r.nextInt(10_000)));
                    }
                }
                case "chain" -> named(g, "chain", data.chain(i));
                case "brand" -> named(g, "brand", data.brand(i));
                case "spoken_languages" -> itemMap(g, "spoken_languages", r, t.items("spoken_languages"), 1, 4);
                case "multi_unit" -> g.writeBooleanProperty("multi_unit",
                        (data.flags(i) & RapidDataSet.FLAG_MULTI_UNIT) != 0);
                case "payment_registration_recommended" -> g.writeBooleanProperty("payment_registration_recommended",
                        (data.flags(i) & RapidDataSet.FLAG_PROPERTY_COLLECT) != 0 && r.nextInt(4) == 0);
                case "vacation_rental_details" -> {
                    if (vrbo) {
                        vacationRental(g, r, id);
                    }
                }
                case "supply_source" -> g.writeStringProperty("supply_source", vrbo ? "vrbo" : "expedia");
                default -> throw new IllegalStateException(field);
            }
        }
        g.writeEndObject();
    }

    private String name(int i, int id, RapidTemplates.City city) {
        SplittableRandom r = rnd(id, 3);
        RapidTemplates.Brand brand = data.brand(i);
        String pattern = pick(r, t.strings(brand != null ? "name_patterns_branded" : "name_patterns_independent"));
        return pattern.replace("{brand}", brand == null ? "" : brand.name())
                .replace("{city}", city.name())
                .replace("{district}", pick(r, t.strings("districts")))
                .replace("{adjective}", pick(r, t.strings("adjectives")))
                .replace("{noun}", pick(r, t.strings("nouns")))
                .replace("{feature}", pick(r, t.strings("features")))
                .replace("{surname}", pick(r, t.strings("surnames")))
                .replace("{category}", categoryName(i).replace("Private vacation home", "Vacation Home"));
    }

    private String categoryName(int i) {
        return t.categories.get(data.categoryId(i)).name();
    }

    private void address(JsonGenerator g, SplittableRandom r, String pid, RapidTemplates.Country country,
                         RapidTemplates.City city, boolean vrbo) {
        g.writeObjectPropertyStart("address");
        if (!vrbo) {
            g.writeStringProperty("line_1", (1 + r.nextInt(9_999)) + " " + pick(r, t.strings("streets")));
            if (r.nextInt(6) == 0) {
                g.writeStringProperty("line_2", "Suite " + (100 + r.nextInt(900)));
            }
        }
        g.writeStringProperty("city", city.name());
        if (city.stateCode() != null) {
            g.writeStringProperty("state_province_code", city.stateCode());
        }
        if (city.stateName() != null) {
            g.writeStringProperty("state_province_name", city.stateName());
        }
        if (!country.postal().isEmpty()) {
            g.writeStringProperty("postal_code", postal(r, country.postal()));
        }
        g.writeStringProperty("country_code", country.code());
        g.writeBooleanProperty("obfuscation_required", vrbo);
        g.writeObjectPropertyStart("localized");
        g.writeObjectPropertyStart("links");
        String first = country.language().equals("en-US") ? LOCALIZED_LANGUAGES[r.nextInt(LOCALIZED_LANGUAGES.length)]
                : country.language();
        for (String language : first.equals("en-US") ? new String[]{first} : new String[]{first, "en-US"}) {
            object(g, language, "method", "GET", "href", baseUrl.get() + "/v3/properties/content?language="
                    + language + "&include=address&property_id=" + pid + (vrbo ? "&supply_source=vrbo" : ""));
        }
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndObject();
    }

    private void ratings(JsonGenerator g, SplittableRandom r, int i) {
        g.writeObjectPropertyStart("ratings");
        double stars = data.starRating(i);
        if (stars > 0) {
            object(g, "property", "rating", Double.toString(stars), "type", "Star");
        }
        g.writeObjectPropertyStart("guest");
        g.writeNumberProperty("count", r.nextInt(5) == 0 ? r.nextInt(20) : r.nextInt(60_000));
        double overall = 2.5 + r.nextInt(26) / 10.0;
        g.writeStringProperty("overall", Double.toString(overall));
        for (String aspect : new String[]{"cleanliness", "service", "comfort", "condition", "location",
                "neighborhood", "quality", "value", "amenities"}) {
            g.writeStringProperty(aspect, Double.toString(Math.min(5.0, Math.max(1.0,
                    Math.round((overall + (r.nextInt(11) - 5) / 10.0) * 10) / 10.0))));
        }
        g.writeStringProperty("recommendation_percent", (int) (overall * 18 + r.nextInt(10)) + "%");
        g.writeEndObject();
        g.writeEndObject();
    }

    private void location(JsonGenerator g, SplittableRandom r, RapidTemplates.City city, boolean vrbo) {
        double lat = round6(city.latitude() + (r.nextDouble() - 0.5) * 0.12);
        double lon = round6(city.longitude() + (r.nextDouble() - 0.5) * 0.12);
        g.writeObjectPropertyStart("location");
        object(g, "coordinates", "latitude", lat, "longitude", lon);
        if (vrbo) {
            object(g, "obfuscated_coordinates", "latitude", round6(lat + (r.nextDouble() - 0.5) * 0.02),
                    "longitude", round6(lon + (r.nextDouble() - 0.5) * 0.02));
        }
        g.writeBooleanProperty("obfuscation_required", false);
        g.writeEndObject();
    }

    private void checkin(JsonGenerator g, SplittableRandom r, boolean vrbo) {
        g.writeObjectPropertyStart("checkin");
        if (!vrbo && r.nextInt(3) == 0) {
            g.writeStringProperty("24_hour", "24-hour check-in");
        }
        g.writeStringProperty("begin_time", pick(r, t.strings("checkin_begin_times")));
        if (!vrbo) {
            g.writeStringProperty("end_time", pick(r, t.strings("checkin_end_times")));
        }
        g.writeStringProperty("instructions", t.string("checkin_instructions"));
        g.writeStringProperty("special_instructions", pick(r, t.strings("special_instructions")));
        g.writeNumberProperty("min_age", vrbo ? 21 + r.nextInt(5) : 18 + r.nextInt(4));
        g.writeEndObject();
    }

    private void fees(JsonGenerator g, SplittableRandom r, RapidTemplates.Country country) {
        g.writeObjectPropertyStart("fees");
        if (r.nextInt(3) == 0) {
            g.writeStringProperty("mandatory", fee(r, "fees_mandatory", country));
        }
        g.writeStringProperty("optional", fee(r, "fees_optional", country));
        g.writeEndObject();
    }

    /** The fee text {@code name} with the country's currency and an amount per {@code {n}}. */
    private String fee(SplittableRandom r, String name, RapidTemplates.Country country) {
        return expand(t.string(name), v -> v.equals("currency") ? country.currency()
                : Integer.toString(5 + r.nextInt(60)));
    }

    private void images(JsonGenerator g, SplittableRandom r, int id, int count, int onlyCategory) {
        g.writeArrayPropertyStart("images");
        for (int k = 0; k < count; k++) {
            List<JsonNode> captions = t.rows("image_captions");
            JsonNode caption = captions.get(k == 0 && onlyCategory < 0 ? 0
                    : onlyCategory >= 0 ? 3 : 1 + r.nextInt(captions.size() - 1));
            g.writeStartObject();
            g.writeStringProperty("caption", caption.get(0).asString());
            g.writeBooleanProperty("hero_image", k == 0);
            g.writeNumberProperty("category", caption.get(1).asInt());
            g.writeObjectPropertyStart("links");
            String hash = Integer.toHexString(r.nextInt() | 0x10000000);
            String dir = "https://i.travelapi.com/lodging/" + (id / 1_000_000 + 1) * 1_000_000 + "/"
                    + (id / 10_000 + 1) * 10_000 + "/" + (id / 100 + 1) * 100 + "/" + id + "/" + hash + "_";
            for (JsonNode size : t.rows("image_sizes")) {
                object(g, size.get(0).asString(), "method", "GET", "href", dir + size.get(1).asString() + ".jpg");
            }
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private void rooms(JsonGenerator g, SplittableRandom r, int id) {
        g.writeObjectPropertyStart("rooms");
        int count = 1 + r.nextInt(2);
        List<String> types = t.strings("room_types");
        int start = r.nextInt(types.size());
        for (int k = 0; k < count; k++) {
            String roomId = Integer.toString(200_000 + (id % 100_000) * 10 + k);
            JsonNode bed = pick(r, t.rows("bed_groups"));
            g.writeObjectPropertyStart(roomId);
            g.writeStringProperty("id", roomId);
            g.writeStringProperty("name", types.get((start + k) % types.size()));
            int sqm = 15 + r.nextInt(60);
            object(g, "descriptions", "overview", "<strong>" + bed.get(1).asString() + "</strong><br />"
                    + Math.round(sqm * 10.764) + "-sq-foot (" + sqm + "-sq-meter) room<br /><br /><b>Internet</b> - "
                    + "Free WiFi");
            itemMap(g, "amenities", r, t.items("room_amenities"), 1, 3);
            images(g, r, id, 1, 3);
            g.writeObjectPropertyStart("bed_groups");
            g.writeObjectPropertyStart(bed.get(0).asString());
            g.writeStringProperty("id", bed.get(0).asString());
            g.writeStringProperty("description", bed.get(1).asString());
            g.writeArrayPropertyStart("configuration");
            g.writeStartObject();
            g.writeStringProperty("type", bed.get(2).asString());
            g.writeStringProperty("size", bed.get(3).asString());
            g.writeNumberProperty("quantity", bed.get(4).asInt());
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndObject();
            object(g, "area", "square_meters", sqm, "square_feet", Math.round(sqm * 10.764));
            itemMap(g, "views", r, t.items("views"), 0, 1);
            g.writeObjectPropertyStart("occupancy");
            int adults = 1 + r.nextInt(4);
            int children = r.nextInt(3);
            object(g, "max_allowed", "total", adults + children, "children", children, "adults", adults);
            g.writeObjectPropertyStart("age_categories");
            object(g, "Adult", "name", "Adult", "minimum_age", 12 + r.nextInt(7));
            g.writeEndObject();
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private void rates(JsonGenerator g, SplittableRandom r, int id) {
        g.writeObjectPropertyStart("rates");
        int count = 1 + r.nextInt(2);
        for (int k = 0; k < count; k++) {
            String rateId = Integer.toString(300_000_000 + (id % 1_000_000) * 10 + k);
            g.writeObjectPropertyStart(rateId);
            g.writeStringProperty("id", rateId);
            itemMap(g, "amenities", r, t.items("rate_amenities"), 1, 2);
            if (r.nextInt(3) == 0) {
                g.writeStringProperty("special_offer_description", "<strong>Breakfast for 2</strong> - Rate includes"
                        + " the following:\r\n<ul><li>Accommodations as selected</li>\r\n<li>Breakfast</li></ul>");
            }
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private void descriptions(JsonGenerator g, SplittableRandom r, int i, String name, RapidTemplates.City city) {
        String category = categoryName(i).toLowerCase(Locale.ROOT);
        String feature = pick(r, t.strings("features"));
        String noun = pick(r, t.strings("nouns"));
        RapidTemplates.Item amenity = pick(r, t.items("amenities"));
        String amenityName = amenity.name().replace(" - {n}", "").replace("{n}", "2");
        g.writeObjectPropertyStart("descriptions");
        for (var entry : t.content.get("descriptions").properties()) {
            JsonNode value = entry.getValue();
            String template = value.isArray() ? value.get(r.nextInt(value.size())).asString() : value.asString();
            String text = expand(template, v -> switch (v) {
                case "city" -> city.name();
                case "name" -> name;
                case "category" -> category;
                case "feature" -> feature;
                case "noun" -> noun;
                case "amenity" -> amenityName;
                case "amenity_lower" -> amenityName.toLowerCase(Locale.ROOT);
                case "rating" -> Integer.toString(Math.max(1, (int) data.starRating(i)));
                case "rooms" -> Integer.toString(10 + r.nextInt(400));
                default -> Integer.toString(1 + r.nextInt(9));
            });
            g.writeStringProperty(entry.getKey(), text);
        }
        g.writeEndObject();
    }

    private void vacationRental(JsonGenerator g, SplittableRandom r, int id) {
        g.writeObjectPropertyStart("vacation_rental_details");
        g.writeBooleanProperty("private_host", r.nextBoolean());
        object(g, "property_manager", "name", pick(r, t.strings("surnames")) + " Rentals");
        g.writeArrayPropertyStart("house_rules");
        List<String> rules = t.strings("house_rules");
        int from = r.nextInt(rules.size());
        for (int k = 0; k < 3; k++) {
            g.writeString(rules.get((from + k) % rules.size()));
        }
        g.writeEndArray();
        g.writeStringProperty("listing_id", Integer.toString(1_000_000 + id % 9_000_000));
        g.writeStringProperty("listing_source", "VRBO");
        g.writeEndObject();
    }

    /**
     * Writes {@code "field":} an id-keyed map of {@code min..max} distinct items; a {@code value} is a string, as the
     * OpenAPI types it.
     */
    private static void itemMap(JsonGenerator g, String field, SplittableRandom r, List<RapidTemplates.Item> items,
                                int min, int max) {
        g.writeName(field);
        int count = Math.min(items.size(), min + r.nextInt(max - min + 1));
        int start = r.nextInt(items.size());
        int step = 1 + r.nextInt(Math.max(1, items.size() - 1));
        g.writeStartObject();
        boolean[] used = new boolean[items.size()];
        for (int k = 0, at = start; k < count; k++, at = (at + step) % items.size()) {
            while (used[at]) {
                at = (at + 1) % items.size();
            }
            used[at] = true;
            RapidTemplates.Item item = items.get(at);
            g.writeObjectPropertyStart(item.id());
            g.writeStringProperty("id", item.id());
            if (item.hasValue()) {
                int v = item.min() + r.nextInt(item.max() - item.min() + 1);
                g.writeStringProperty("name", item.name().replace("{n}", Integer.toString(v)));
                g.writeStringProperty("value", Integer.toString(v));
            } else {
                g.writeStringProperty("name", item.name());
            }
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    /** Writes {@code "field": {"id","name"}} of a chain or brand; an independent property's is 0, Independent. */
    private static void named(JsonGenerator g, String field, RapidTemplates.Named chainOrBrand) {
        object(g, field, "id", RapidTemplates.idOf(chainOrBrand), "name",
                chainOrBrand == null ? "Independent" : chainOrBrand.name());
    }

    /** Writes {@code "field": {k1: v1, k2: v2...}}; a value is a string, a boolean or a boxed number. */
    private static void object(JsonGenerator g, String field, Object... keysAndValues) {
        g.writeObjectPropertyStart(field);
        for (int k = 0; k < keysAndValues.length; k += 2) {
            if (keysAndValues[k + 1] instanceof String text) {
                g.writeStringProperty((String) keysAndValues[k], text);
            } else {
                g.writePOJOProperty((String) keysAndValues[k], keysAndValues[k + 1]);
            }
        }
        g.writeEndObject();
    }

    /** Replaces each {@code {name}} in one pass (descriptions are rendered for every property of every page). */
    private static String expand(String template, java.util.function.Function<String, String> vars) {
        StringBuilder out = new StringBuilder(template.length() + 64);
        int from = 0;
        int open;
        while ((open = template.indexOf('{', from)) >= 0) {
            int close = template.indexOf('}', open);
            if (close < 0) {
                break;
            }
            out.append(template, from, open).append(vars.apply(template.substring(open + 1, close)));
            from = close + 1;
        }
        return out.append(template, from, template.length()).toString();
    }

    private static String phone(SplittableRandom r, RapidTemplates.Country country) {
        return country.phone() + "-" + (200 + r.nextInt(800)) + "-" + (200 + r.nextInt(800)) + "-"
                + (1000 + r.nextInt(9000));
    }

    private static String postal(SplittableRandom r, String pattern) {
        StringBuilder out = new StringBuilder(pattern.length());
        for (char c : pattern.toCharArray()) {
            out.append(c == '#' ? (char) ('0' + r.nextInt(10)) : c == 'A' ? (char) ('A' + r.nextInt(26)) : c);
        }
        return out.toString();
    }

    private static double round6(double v) {
        return Math.round(v * 1_000_000) / 1_000_000.0;
    }

    private SplittableRandom rnd(int id, int salt) {
        long h = data.seed * 0x9E3779B97F4A7C15L + id * 0xBF58476D1CE4E5B9L + salt * 0x94D049BB133111EBL;
        return new SplittableRandom(h ^ (h >>> 31));
    }
}
