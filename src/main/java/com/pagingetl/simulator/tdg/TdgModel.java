package com.pagingetl.simulator.tdg;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.pagingetl.simulator.SampleData;

/**
 * The data model the simulator serves, read from {@code sample-data/tdg/model.json}: aggregate types,
 * their fields, indexes (the first one is primary), versioning and where their objects come from.
 * The GraphQL schema is generated from it, as TDG generates its schema from the Avro-like model.
 *
 * <p>Immutable and thread-safe once loaded.
 */
public record TdgModel(List<TypeDef> types) {

    public enum FieldType { STRING, LONG, INT, DOUBLE, BOOLEAN, DECIMAL }

    /** One model field; {@code gen} describes how the generator fills it (may be null). */
    public record FieldDef(String name, FieldType type, JsonNode gen) {
    }

    /** A single-field index; compound indexes are not modelled by the simulator. */
    public record IndexDef(String name, String field, int fieldPosition) {
    }

    /** One aggregate type. {@code dataKind} is {@code table} or {@code generated}. */
    public record TypeDef(String name, boolean versioned, String updateTimeField, List<FieldDef> fields,
                          List<IndexDef> indexes, String dataKind, String dataFile, String historyField) {

        public IndexDef primary() {
            return indexes.get(0);
        }

        public List<IndexDef> secondaryIndexes() {
            return indexes.subList(1, indexes.size());
        }

        public int fieldIndex(String field) {
            for (int i = 0; i < fields.size(); i++) {
                if (fields.get(i).name().equals(field)) {
                    return i;
                }
            }
            return -1;
        }

        public IndexDef index(String indexName) {
            return indexes.stream().filter(i -> i.name().equals(indexName)).findFirst().orElse(null);
        }

        public int updateTimePosition() {
            return updateTimeField == null ? -1 : fieldIndex(updateTimeField);
        }
    }

    private static final Set<String> SYSTEM_FIELDS = Set.of("version", "bucket_id", "cursor");

    public TdgModel {
        types = List.copyOf(types);
    }

    public TypeDef type(String name) {
        return types.stream().filter(t -> t.name().equals(name)).findFirst().orElse(null);
    }

    /** Loads the default model packaged under {@code /sample-data/tdg/model.json}. */
    public static TdgModel loadDefault() {
        return parse(JsonMapper.shared().readTree(SampleData.text("tdg", "model.json")));
    }

    /** Loads a model from a file (option {@code sim.model}); templates still come from the classpath. */
    public static TdgModel load(java.nio.file.Path file) {
        try {
            return parse(JsonMapper.shared().readTree(java.nio.file.Files.readString(file)));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("simulator option sim.model=" + file + " is not valid: " + e.getMessage(), e);
        }
    }

    /** Parses and validates a model document; throws IllegalArgumentException naming the problem. */
    public static TdgModel parse(JsonNode root) {
        List<TypeDef> types = new ArrayList<>();
        Set<String> typeNames = new HashSet<>();
        for (JsonNode t : root.path("types")) {
            String name = text(t, "name", "type");
            if (!name.matches("[A-Za-z_][A-Za-z0-9_]*") || !typeNames.add(name)) {
                throw new IllegalArgumentException("model: bad or duplicate type name '" + name + "'");
            }
            List<FieldDef> fields = new ArrayList<>();
            List<String> fieldNames = new ArrayList<>();
            for (JsonNode f : t.path("fields")) {
                String fname = text(f, "name", name + " field");
                if (SYSTEM_FIELDS.contains(fname)) {
                    throw new IllegalArgumentException("model: " + name + "." + fname + " is a system field");
                }
                if (fieldNames.contains(fname)) {
                    throw new IllegalArgumentException("model: duplicate field " + name + "." + fname);
                }
                fieldNames.add(fname);
                FieldType type;
                try {
                    type = FieldType.valueOf(text(f, "type", name + "." + fname).toUpperCase());
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("model: unknown type of field " + name + "." + fname);
                }
                fields.add(new FieldDef(fname, type, f.get("gen")));
            }
            if (fields.isEmpty()) {
                throw new IllegalArgumentException("model: type " + name + " has no fields");
            }
            List<IndexDef> indexes = new ArrayList<>();
            for (JsonNode i : t.path("indexes")) {
                String field = text(i, "field", name + " index");
                int pos = fieldNames.indexOf(field);
                if (pos < 0) {
                    throw new IllegalArgumentException("model: index of " + name + " on unknown field " + field);
                }
                indexes.add(new IndexDef(i.path("name").asString(field), field, pos));
            }
            if (indexes.isEmpty()) {
                throw new IllegalArgumentException("model: type " + name + " needs at least a primary index");
            }
            String updateTime = t.path("updateTimeField").isString() ? t.path("updateTimeField").asString() : null;
            if (updateTime != null && !fieldNames.contains(updateTime)) {
                throw new IllegalArgumentException("model: updateTimeField " + updateTime + " is not a field of " + name);
            }
            JsonNode data = t.path("data");
            String kind = data.path("kind").asString("generated");
            if (!kind.equals("table") && !kind.equals("generated")) {
                throw new IllegalArgumentException("model: data.kind of " + name + " must be table or generated");
            }
            String historyField = data.path("historyField").isString() ? data.path("historyField").asString() : null;
            types.add(new TypeDef(name, t.path("versioned").asBoolean(false), updateTime, List.copyOf(fields),
                    List.copyOf(indexes), kind, data.path("file").isString() ? data.path("file").asString() : null,
                    historyField));
        }
        if (types.isEmpty()) {
            throw new IllegalArgumentException("model: no types");
        }
        return new TdgModel(types);
    }

    private static String text(JsonNode node, String field, String what) {
        JsonNode v = node.get(field);
        if (v == null || !v.isString() || v.asString().isBlank()) {
            throw new IllegalArgumentException("model: " + what + " needs a '" + field + "'");
        }
        return v.asString();
    }
}
