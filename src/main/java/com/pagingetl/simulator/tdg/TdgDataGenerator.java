package com.pagingetl.simulator.tdg;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.databind.JsonNode;

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

    private final long seed;
    private final Map<String, List<String>> lists = new ConcurrentHashMap<>();

    TdgDataGenerator(long seed) {
        this.seed = seed;
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
        return value(typeOrdinal, type, f, index, ordinal);
    }

    static Object updateTimeValue(FieldDef field, long version) {
        return switch (field.type()) {
            case LONG -> version;
            case STRING -> java.time.Instant.ofEpochSecond(0, version).toString();
            default -> throw new IllegalArgumentException("updateTimeField must be long or string");
        };
    }

    private Object value(int typeOrdinal, TypeDef type, int f, int index, int ordinal) {
        FieldDef field = type.fields().get(f);
        JsonNode gen = field.gen();
        String kind = gen == null ? "default" : gen.path("kind").asString("default");
        boolean perVersion = gen != null && gen.path("perVersion").asBoolean(false);
        long r = mix(seed, typeOrdinal, index, f, perVersion ? ordinal : 0);
        switch (kind) {
            case "format":
                return String.format(gen.path("pattern").asString("%d"), index + 1);
            case "person":
                return person(r);
            case "email": {
                int nameField = type.fieldIndex(gen.path("nameField").asString(""));
                String name = nameField < 0 ? "user" : person(mix(seed, typeOrdinal, index, nameField, 0));
                List<String> domains = list(gen.path("domains").asString("email_domains.txt"));
                return name.toLowerCase().replace(' ', '.') + (index % 997) + "@"
                        + domains.get((int) Long.remainderUnsigned(r, domains.size()));
            }
            case "pick": {
                List<String> values = new ArrayList<>();
                if (gen.has("file")) {
                    values.addAll(list(gen.path("file").asString()));
                }
                for (JsonNode v : gen.path("values")) {
                    values.add(v.asString());
                }
                return convert(field, values.get((int) Long.remainderUnsigned(r, values.size())));
            }
            case "decimal": {
                long min = gen.path("min").asLong(0) * 100;
                long max = gen.path("max").asLong(1000) * 100;
                long cents = min + Long.remainderUnsigned(r, Math.max(1, max - min));
                return BigDecimal.valueOf(cents, 2).setScale(2, RoundingMode.UNNECESSARY).toPlainString();
            }
            case "double": {
                long min = gen.path("min").asLong(0);
                long max = gen.path("max").asLong(1000);
                return min + Long.remainderUnsigned(r, Math.max(1, (max - min) * 4)) / 4.0;
            }
            case "date": {
                LocalDate from = LocalDate.of(gen.path("fromYear").asInt(2015), 1, 1);
                LocalDate to = LocalDate.of(gen.path("toYear").asInt(2023), 1, 1);
                long days = to.toEpochDay() - from.toEpochDay();
                return from.plusDays(Long.remainderUnsigned(r, Math.max(1, days))).toString();
            }
            default:
                return switch (field.type()) {
                    case STRING, DECIMAL -> field.name() + "-" + (index + 1);
                    case LONG -> Long.remainderUnsigned(r, 1_000_000L);
                    case INT -> (int) Long.remainderUnsigned(r, 1000);
                    case DOUBLE -> Long.remainderUnsigned(r, 100_000) / 100.0;
                    case BOOLEAN -> (r & 1) == 0;
                };
        }
    }

    private String person(long r) {
        List<String> first = list("first_names.txt");
        List<String> last = list("last_names.txt");
        return first.get((int) Long.remainderUnsigned(r, first.size())) + " "
                + last.get((int) Long.remainderUnsigned(r >>> 17, last.size()));
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

    List<String> list(String file) {
        return lists.computeIfAbsent(file, TdgDataGenerator::readLines);
    }

    private static List<String> readLines(String file) {
        String path = "/sample-data/tdg/" + file;
        try (InputStream in = TdgDataGenerator.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("template " + path + " is not on the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return reader.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read template " + path, e);
        }
    }

    /** SplitMix64 over the inputs: a cheap, well-spread, deterministic hash. */
    static long mix(long seed, long a, long b, long c, long d) {
        long h = seed * 0x9E3779B97F4A7C15L;
        for (long v : new long[] {a, b, c, d}) {
            h += v * 0xBF58476D1CE4E5B9L + 0x94D049BB133111EBL;
            h = (h ^ (h >>> 30)) * 0xBF58476D1CE4E5B9L;
            h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
            h ^= h >>> 31;
        }
        return h;
    }
}
