package com.pagingetl.paging;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.json.JsonFactory;

/**
 * Cuts the records out of a page body exactly as the API wrote them: numbers keep their digits (TDG's
 * 19-digit versions), fields keep their order, strings their escapes. Only whitespace between tokens is
 * removed so that each record fits on one JSON Lines line. Stateless and thread-safe.
 */
public final class JsonRecords {

    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private JsonRecords() {
    }

    /** The elements of the array at {@code path} ("/data/demarche/dossiers/nodes"); empty if it is null or absent. */
    public static List<String> arrayElements(byte[] body, String path) {
        return collect(body, path, JsonToken.START_ARRAY);
    }

    /** The member values of the object at {@code path} ("" for the root), in document order. */
    public static List<String> objectValues(byte[] body, String path) {
        return collect(body, path, JsonToken.START_OBJECT);
    }

    /**
     * One member of every element of the array at {@code path}, exactly as written: the {@code node}s of a
     * GraphQL connection's {@code edges} ({@code arrayElementMembers(body, "/data/demarche/dossiers/edges", "node")}).
     * Empty if the array is null or absent; an element that is not an object or lacks the member is an error.
     */
    public static List<String> arrayElementMembers(byte[] body, String path, String member) {
        List<String> out = new ArrayList<>();
        try (JsonParser p = FACTORY.createParser(body)) {
            JsonToken t = seekPath(p, path);
            if (t == JsonToken.VALUE_NULL || t == null) {
                return out;
            }
            if (t != JsonToken.START_ARRAY) {
                throw new IllegalArgumentException("expected an array at '" + path + "' but found " + t);
            }
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                if (t != JsonToken.START_OBJECT) {
                    throw new IllegalArgumentException("element " + out.size() + " of '" + path + "' is not an object");
                }
                if (!seekField(p, member)) {
                    throw new IllegalArgumentException("element " + out.size() + " of '" + path + "' has no '" + member + "'");
                }
                p.nextToken();
                int start = (int) p.currentTokenLocation().getByteOffset();
                p.skipChildren();
                p.finishToken();
                int end = (int) p.currentLocation().getByteOffset();
                out.add(compact(body, start, end));
                while (p.nextToken() != JsonToken.END_OBJECT) {
                    p.nextToken();
                    p.skipChildren();
                }
            }
        }
        return out;
    }

    /** Moves the parser to the value at {@code path}; null when a segment is absent or not inside an object. */
    private static JsonToken seekPath(JsonParser p, String path) {
        JsonToken t = p.nextToken();
        for (String segment : segments(path)) {
            if (t != JsonToken.START_OBJECT || !seekField(p, segment)) {
                return null;
            }
            t = p.nextToken();
        }
        return t;
    }

    private static List<String> collect(byte[] body, String path, JsonToken container) {
        List<String> out = new ArrayList<>();
        try (JsonParser p = FACTORY.createParser(body)) {
            JsonToken t = seekPath(p, path);
            if (t == JsonToken.VALUE_NULL || t == null) {
                return out;
            }
            if (t != container) {
                throw new IllegalArgumentException("expected " + (container == JsonToken.START_ARRAY ? "an array" : "an object")
                        + " at '" + path + "' but found " + t);
            }
            while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != JsonToken.END_OBJECT) {
                if (t == JsonToken.PROPERTY_NAME) {
                    t = p.nextToken();
                }
                int start = (int) p.currentTokenLocation().getByteOffset();
                p.skipChildren();
                // Strings are decoded lazily: without this the location is still just after the opening quote.
                p.finishToken();
                int end = (int) p.currentLocation().getByteOffset();
                out.add(compact(body, start, end));
            }
        }
        return out;
    }

    private static String[] segments(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        return trimmed.isEmpty() ? new String[0] : trimmed.split("/");
    }

    /** Advances to the value of {@code name} in the current object; false if the object has no such member. */
    private static boolean seekField(JsonParser p, String name) {
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.PROPERTY_NAME) {
            if (name.equals(p.currentName())) {
                return true;
            }
            p.nextToken();
            p.skipChildren();
        }
        return false;
    }

    /** Removes whitespace outside strings; JSON strings cannot hold raw line breaks, so the result is one line. */
    static String compact(byte[] body, int start, int end) {
        boolean needs = false;
        boolean inString = false;
        for (int i = start; i < end && !needs; i++) {
            byte b = body[i];
            if (inString) {
                if (b == '\\') {
                    i++;
                } else if (b == '"') {
                    inString = false;
                }
            } else if (b == '"') {
                inString = true;
            } else if (b == ' ' || b == '\n' || b == '\r' || b == '\t') {
                needs = true;
            }
        }
        if (!needs) {
            return new String(body, start, end - start, StandardCharsets.UTF_8);
        }
        byte[] out = new byte[end - start];
        int n = 0;
        inString = false;
        for (int i = start; i < end; i++) {
            byte b = body[i];
            if (inString) {
                out[n++] = b;
                if (b == '\\' && i + 1 < end) {
                    out[n++] = body[++i];
                } else if (b == '"') {
                    inString = false;
                }
            } else if (b == '"') {
                inString = true;
                out[n++] = b;
            } else if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                out[n++] = b;
            }
        }
        return new String(out, 0, n, StandardCharsets.UTF_8);
    }
}
