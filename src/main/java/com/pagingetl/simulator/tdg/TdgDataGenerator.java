package com.pagingetl.simulator.tdg;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

import com.pagingetl.simulator.SampleData;
import com.pagingetl.simulator.tdg.TdgModel.FieldDef;
import com.pagingetl.simulator.tdg.TdgModel.TypeDef;

/**
 * Deterministic data for the model: object versions (uint64 nanosecond timestamps counted from a fixed
 * base, never from the wall clock) and field values computed from (seed, type, object index, version
 * ordinal) with the templates in {@code sample-data/tdg/}. Nothing is cached per object: a generated
 * object's fields are rendered again whenever they are read.
 *
 * <p>Thread-safe: templates are loaded once into immutable lists; every value is a pure function.
 */
final class TdgDataGenerator {

    /** 2023-11-14T22:13:20Z in nanoseconds: every generated version lies a few weeks after it. */
    static final long BASE_VERSION = 1_700_000_000_000_000_000L;
    /** Gap between consecutive generated version slots (about 4.3 s), so versions never collide. */
    static final long SLOT_NANOS = 4_321_000_117L;

    /** A format pattern: prefix, {@code %0<width>d} (width optional), suffix. */
    private static final Pattern FORMAT = Pattern.compile("(.*)%0?(\\d*)d(.*)");

    private final long seed;
    private final Map<String, List<String>> lists = new ConcurrentHashMap<>();
    private final Map<String, FieldGen[]> plans = new ConcurrentHashMap<>();

    private final List<String> firstNames;
    private final List<String> lastNames;

    TdgDataGenerator(long seed) {
        this.seed = seed;
        this.firstNames = list("first_names.txt");
        this.lastNames = list("last_names.txt");
    }

    /** Rows of a {@code table} type: each row holds its versions' values, oldest first. */
    List<List<Object[]>> table(TypeDef type) {
        List<String> lines = list(type.dataFile());
        if (lines.isEmpty()) {
            return List.of();
        }
        List<String> header = Arrays.asList(lines.get(0).split(",", -1));
        int historyColumn = header.indexOf("history");
        int historyFieldPos = type.historyField() == null ? -1 : type.fieldIndex(type.historyField());
        List<List<Object[]>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            Object[] latest = new Object[type.fields().size()];
            for (int f = 0; f < latest.length; f++) {
                int col = header.indexOf(type.fields().get(f).name());
                latest[f] = col < 0 || col >= cells.length ? null : convert(type.fields().get(f), cells[col]);
            }
            List<Object[]> versions = new ArrayList<>();
            if (historyColumn >= 0 && historyFieldPos >= 0 && historyColumn < cells.length
                    && !cells[historyColumn].isBlank()) {
                for (String old : cells[historyColumn].split("\\|")) {
                    Object[] v = latest.clone();
                    v[historyFieldPos] = convert(type.fields().get(historyFieldPos), old);
                    versions.add(v);
                }
            }
            versions.add(latest);
            rows.add(versions);
        }
        return rows;
    }

    /** How many versions generated object {@code index} has: 1 .. 2*perObject-1, perObject on average. */
    int versionCount(int typeOrdinal, int index, int perObject) {
        if (perObject <= 1) {
            return 1;
        }
        return 1 + (int) Long.remainderUnsigned(mix(seed, typeOrdinal, index, -1, 0), 2L * perObject - 1);
    }

    /** The version of slot {@code slot}: strictly increasing in the slot, deterministic per seed. */
    long version(int typeOrdinal, long slot) {
        long jitter = Long.remainderUnsigned(mix(seed, typeOrdinal, slot, -2, 0), SLOT_NANOS / 4);
        return BASE_VERSION + typeOrdinal * 1_000L + slot * SLOT_NANOS + jitter;
    }

    /** Field values of generated object {@code index} at version ordinal {@code ordinal}. */
    Object[] values(int typeOrdinal, TypeDef type, int index, int ordinal, long version) {
        Object[] values = new Object[type.fields().size()];
        for (int f = 0; f < values.length; f++) {
            values[f] = fieldValue(typeOrdinal, type, f, index, ordinal, version);
        }
        return values;
    }

    /** One field of generated object {@code index} at version ordinal {@code ordinal}. */
    Object fieldValue(int typeOrdinal, TypeDef type, int f, int index, int ordinal, long version) {
        if (f == type.updateTimePosition()) {
            return updateTimeValue(type.fields().get(f), version);
        }
        FieldGen gen = plan(type)[f];
        return gen.render().value(typeOrdinal, index, mix(seed, typeOrdinal, index, f, gen.perVersion() ? ordinal : 0));
    }

    static Object updateTimeValue(FieldDef field, long version) {
        return switch (field.type()) {
            case LONG -> version;
            case STRING -> java.time.Instant.ofEpochSecond(0, version).toString();
            default -> throw new IllegalArgumentException("updateTimeField must be long or string");
        };
    }

    /**
     * Whether generated objects {@code 0..size-1} of {@code type} have increasing primary keys: a string made by a
     * {@code format} pattern zero-padded wide enough for every number up to {@code size}.
     */
    boolean keyInObjectOrder(TypeDef type, int size) {
        int pk = type.primary().fieldPosition();
        FieldGen gen = plan(type)[pk];
        return gen.kind().equals("format") && type.fields().get(pk).type() == TdgModel.FieldType.STRING
                && Integer.toString(size).length() <= gen.width();
    }

    /** A field's generator, built once per type so rendering does no JSON lookups; {@code width} is a format's. */
    private record FieldGen(String kind, int width, boolean perVersion, Render render) {
    }

    /** One field of object {@code index} of the type numbered {@code typeOrdinal}, from its hash {@code r}. */
    private interface Render {
        Object value(int typeOrdinal, int index, long r);
    }

    private FieldGen[] plan(TypeDef type) {
        return plans.computeIfAbsent(type.name(), k -> {
            FieldGen[] plan = new FieldGen[type.fields().size()];
            for (int f = 0; f < plan.length; f++) {
                plan[f] = fieldGen(type, type.fields().get(f));
            }
            return plan;
        });
    }

    private FieldGen fieldGen(TypeDef type, FieldDef field) {
        JsonNode gen = field.gen();
        String kind = gen == null ? "default" : gen.path("kind").asString("default");
        boolean perVersion = gen != null && gen.path("perVersion").asBoolean(false);
        if (!kind.equals("format")) {
            return new FieldGen(kind, 0, perVersion, render(type, field, kind, gen));
        }
        // "<prefix>%0<width>d<suffix>": the object's 1-based number, zero-padded.
        Matcher m = FORMAT.matcher(gen.path("pattern").asString("%d"));
        if (!m.matches()) {
            throw new IllegalArgumentException("model: format pattern of " + field.name() + " needs %d");
        }
        String prefix = m.group(1);
        int width = m.group(2).isEmpty() ? 0 : Integer.parseInt(m.group(2));
        String suffix = m.group(3);
        return new FieldGen(kind, width, perVersion, (typeOrdinal, index, r) -> {
            String number = Integer.toString(index + 1);
            return prefix + "0".repeat(Math.max(0, width - number.length())) + number + suffix;
        });
    }

    private Render render(TypeDef type, FieldDef field, String kind, JsonNode gen) {
        switch (kind) {
            case "person":
                return (typeOrdinal, index, r) -> person(r);
            case "email": {
                int nameField = type.fieldIndex(gen.path("nameField").asString(""));
                List<String> domains = list(gen.path("domains").asString("email_domains.txt"));
                return (typeOrdinal, index, r) -> (nameField < 0 ? "user"
                        : person(mix(seed, typeOrdinal, index, nameField, 0))).toLowerCase().replace(' ', '.')
                        + (index % 997) + "@" + pick(domains, r);
            }
            case "pick": {
                List<String> values = new ArrayList<>();
                if (gen.has("file")) {
                    values.addAll(list(gen.path("file").asString()));
                }
                gen.path("values").forEach(v -> values.add(v.asString()));
                if (values.isEmpty()) {
                    throw new IllegalArgumentException("model: pick of " + field.name() + " has no values");
                }
                return (typeOrdinal, index, r) -> convert(field, pick(values, r));
            }
            case "decimal": {
                long min = gen.path("min").asLong(0);
                long range = Math.max(1, (gen.path("max").asLong(1000) - min) * 100);
                return (typeOrdinal, index, r) -> BigDecimal.valueOf(min * 100 + Long.remainderUnsigned(r, range), 2)
                        .toPlainString();
            }
            case "double": {
                long min = gen.path("min").asLong(0);
                long range = Math.max(1, (gen.path("max").asLong(1000) - min) * 4);
                return (typeOrdinal, index, r) -> min + Long.remainderUnsigned(r, range) / 4.0;
            }
            case "date": {
                LocalDate from = LocalDate.of(gen.path("fromYear").asInt(2015), 1, 1);
                long days = Math.max(1, LocalDate.of(gen.path("toYear").asInt(2023), 1, 1).toEpochDay() - from.toEpochDay());
                return (typeOrdinal, index, r) -> from.plusDays(Long.remainderUnsigned(r, days)).toString();
            }
            default:
                return (typeOrdinal, index, r) -> switch (field.type()) {
                    case STRING, DECIMAL -> field.name() + "-" + (index + 1);
                    case LONG -> Long.remainderUnsigned(r, 1_000_000L);
                    case INT -> (int) Long.remainderUnsigned(r, 1000);
                    case DOUBLE -> Long.remainderUnsigned(r, 100_000) / 100.0;
                    case BOOLEAN -> (r & 1) == 0;
                };
        }
    }

    private static String pick(List<String> values, long r) {
        return values.get((int) Long.remainderUnsigned(r, values.size()));
    }

    private String person(long r) {
        return pick(firstNames, r) + " " + pick(lastNames, r >>> 17);
    }

    static Object convert(FieldDef field, String raw) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        return switch (field.type()) {
            case STRING, DECIMAL -> raw;
            case LONG -> Long.parseLong(raw);
            case INT -> Integer.parseInt(raw);
            case DOUBLE -> Double.parseDouble(raw);
            case BOOLEAN -> Boolean.parseBoolean(raw);
        };
    }

    /** The non-blank lines, stripped, of template {@code file}, read once. */
    List<String> list(String file) {
        return lists.computeIfAbsent(file, f -> SampleData.text("tdg", f).lines().map(String::strip)
                .filter(l -> !l.isEmpty()).toList());
    }

    /** SplitMix64 over the inputs: a cheap, well-spread, deterministic hash. */
    static long mix(long seed, long a, long b, long c, long d) {
        long h = seed * 0x9E3779B97F4A7C15L;
        h = step(h, a);
        h = step(h, b);
        h = step(h, c);
        return step(h, d);
    }

    private static long step(long h, long v) {
        h += v * 0xBF58476D1CE4E5B9L + 0x94D049BB133111EBL;
        h = (h ^ (h >>> 30)) * 0xBF58476D1CE4E5B9L;
        h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
        return h ^ (h >>> 31);
    }
}
