package com.pagingetl.bench;

import java.nio.charset.StandardCharsets;

/**
 * Just enough JSON to walk an API answer as bytes: find a member, list the elements of an array or the
 * values of an object as {@code [start, end)} ranges, read a short string or number. The reference clients
 * cut records with it instead of parsing them, which is the cheapest correct thing a client can do. It
 * assumes well-formed JSON (the simulators write it) and member names without escapes. Stateless.
 */
final class JsonBytes {

    /** Receives the byte range of one value. */
    @FunctionalInterface
    interface RangeConsumer {
        void accept(int start, int end);
    }

    private JsonBytes() {
    }

    static int skipWhitespace(byte[] b, int i) {
        while (i < b.length && (b[i] == ' ' || b[i] == '\n' || b[i] == '\r' || b[i] == '\t')) {
            i++;
        }
        return i;
    }

    /** The index just after the value that starts at {@code i} (no leading whitespace). */
    static int end(byte[] b, int i) {
        byte c = b[i];
        if (c == '"') {
            return stringEnd(b, i);
        }
        if (c == '{' || c == '[') {
            int depth = 0;
            while (i < b.length) {
                byte x = b[i];
                if (x == '"') {
                    i = stringEnd(b, i);
                    continue;
                }
                if (x == '{' || x == '[') {
                    depth++;
                } else if (x == '}' || x == ']') {
                    if (--depth == 0) {
                        return i + 1;
                    }
                }
                i++;
            }
            throw new IllegalArgumentException("unterminated JSON container");
        }
        while (i < b.length && b[i] != ',' && b[i] != '}' && b[i] != ']' && b[i] != ' ' && b[i] != '\n'
                && b[i] != '\r' && b[i] != '\t') {
            i++;
        }
        return i;
    }

    private static int stringEnd(byte[] b, int i) {
        i++;
        while (b[i] != '"') {
            i += b[i] == '\\' ? 2 : 1;
        }
        return i + 1;
    }

    /** Start of the value reached from the root through the member names, or -1 when absent or not objects. */
    static int path(byte[] b, String... names) {
        int at = skipWhitespace(b, 0);
        for (String name : names) {
            at = member(b, at, name);
            if (at < 0) {
                return -1;
            }
        }
        return at;
    }

    /** Start of the value of member {@code name} of the object at {@code object}, or -1. */
    static int member(byte[] b, int object, String name) {
        if (object < 0 || b[object] != '{') {
            return -1;
        }
        byte[] key = name.getBytes(StandardCharsets.UTF_8);
        int i = skipWhitespace(b, object + 1);
        while (b[i] != '}') {
            int keyEnd = stringEnd(b, i);
            boolean match = keyEnd - i - 2 == key.length && regionEquals(b, i + 1, key);
            i = skipWhitespace(b, keyEnd);
            i = skipWhitespace(b, i + 1);
            if (match) {
                return i;
            }
            i = skipWhitespace(b, end(b, i));
            if (b[i] == ',') {
                i = skipWhitespace(b, i + 1);
            }
        }
        return -1;
    }

    /** Each element of the array at {@code array}; nothing for {@code null} or -1. */
    static void elements(byte[] b, int array, RangeConsumer consumer) {
        if (array < 0 || b[array] == 'n') {
            return;
        }
        if (b[array] != '[') {
            throw new IllegalArgumentException("not an array at byte " + array);
        }
        int i = skipWhitespace(b, array + 1);
        while (b[i] != ']') {
            int e = end(b, i);
            consumer.accept(i, e);
            i = skipWhitespace(b, e);
            if (b[i] == ',') {
                i = skipWhitespace(b, i + 1);
            }
        }
    }

    /** Each member value of the object at {@code object}, in document order. */
    static void memberValues(byte[] b, int object, RangeConsumer consumer) {
        if (b[object] != '{') {
            throw new IllegalArgumentException("not an object at byte " + object);
        }
        int i = skipWhitespace(b, object + 1);
        while (b[i] != '}') {
            i = skipWhitespace(b, stringEnd(b, i));
            i = skipWhitespace(b, i + 1);
            int e = end(b, i);
            consumer.accept(i, e);
            i = skipWhitespace(b, e);
            if (b[i] == ',') {
                i = skipWhitespace(b, i + 1);
            }
        }
    }

    /** The text of the string or number at {@code at} (quotes removed, simple escapes resolved); null for null or -1. */
    static String text(byte[] b, int at) {
        if (at < 0 || b[at] == 'n') {
            return null;
        }
        int e = end(b, at);
        if (b[at] != '"') {
            return new String(b, at, e - at, StandardCharsets.UTF_8);
        }
        StringBuilder sb = new StringBuilder(e - at);
        String raw = new String(b, at + 1, e - at - 2, StandardCharsets.UTF_8);
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\') {
                char n = raw.charAt(++i);
                switch (n) {
                    case 'n' -> sb.append('\n');
                    case 't' -> sb.append('\t');
                    case 'r' -> sb.append('\r');
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'u' -> {
                        sb.append((char) Integer.parseInt(raw.substring(i + 1, i + 5), 16));
                        i += 4;
                    }
                    default -> sb.append(n);
                }
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    static boolean isTrue(byte[] b, int at) {
        return at >= 0 && b[at] == 't';
    }

    /** {@code value} as a JSON string literal. */
    static String quote(String value) {
        StringBuilder sb = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    private static boolean regionEquals(byte[] b, int at, byte[] key) {
        for (int k = 0; k < key.length; k++) {
            if (b[at + k] != key[k]) {
                return false;
            }
        }
        return true;
    }
}
