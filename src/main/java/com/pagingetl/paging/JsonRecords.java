package com.pagingetl.paging;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Cuts the records out of a page body exactly as the API wrote them, as bytes: numbers keep their digits
 * (TDG's 19-digit versions), fields keep their order, strings their escapes and their UTF-8. Only whitespace
 * between tokens is removed so that each record fits on one JSON Lines line. The whole body is checked to be
 * one well-formed JSON document on the way, so a truncated or malformed page is refused rather than cut.
 * Stateless and thread-safe; errors are {@link JsonFormatException}s (an {@link IllegalArgumentException})
 * that name the path or the byte offset.
 */
public final class JsonRecords {

    private JsonRecords() {
    }

    /** The members of an object: names and values in document order. */
    public record Members(List<String> names, List<byte[]> values) {
    }

    /**
     * One member of an object as the scanner saw it.
     *
     * @param kind the first character of the value: {@code { [ " t f n} or {@code 0} for a number
     * @param text a scalar's text (a string decoded, other scalars as written); null for objects and arrays
     */
    public record Member(String name, char kind, String text) {
        public boolean isNull() {
            return kind == 'n';
        }
    }

    /** The elements of the array at {@code path} ("/data/demarche/dossiers/nodes"); empty if it is null or absent. */
    public static List<byte[]> arrayElements(byte[] body, String path) {
        List<byte[]> out = new ArrayList<>();
        at(body, path, s -> out.addAll(elements(s, path)));
        return out;
    }

    /** The members of the object at {@code path} ("" for the root), in document order. */
    public static Members objectMembers(byte[] body, String path) {
        List<String> names = new ArrayList<>();
        List<byte[]> values = new ArrayList<>();
        at(body, path, s -> {
            if (openOrNull(s, '{', path)) {
                do {
                    names.add(s.memberName());
                    int start = s.skipValue();
                    values.add(s.cut(start, s.position()));
                } while (s.nextOrClose('}'));
            }
        });
        return new Members(names, values);
    }

    /**
     * A GraphQL connection cut in one pass: each edge's {@code node} exactly as written (nodes that are
     * {@code null} included) with that edge's {@code cursor}, and the {@code pageInfo}.
     *
     * @param cursors     edge {@code i}'s cursor, or null when it is absent or not a string
     * @param hasNextPage whether {@code pageInfo.hasNextPage} is {@code true}
     * @param endCursor   {@code pageInfo.endCursor}, or null when it is absent or not a string
     */
    public record Connection(List<byte[]> nodes, List<String> cursors, boolean hasNextPage, String endCursor) {
    }

    /**
     * The connection at {@code path} ("/data/demarche/dossiers"), or null when nothing or {@code null} is there.
     * Its {@code edges} may be null or absent (no nodes); an edge that is not an object or has no {@code node}
     * is an error, and so is a connection that is not an object.
     */
    public static Connection connection(byte[] body, String path) {
        Connection[] out = {null};
        at(body, path, s -> {
            if (s.peek() == 'n') {
                s.skipValue();
                return;
            }
            List<byte[]> nodes = new ArrayList<>();
            List<String> cursors = new ArrayList<>();
            Member hasNextPage = null;
            Member endCursor = null;
            if (openOrNull(s, '{', path)) {
                do {
                    String name = s.memberName();
                    if (name.equals("edges")) {
                        edges(s, path + "/edges", nodes, cursors);
                    } else if (name.equals("pageInfo") && s.peek() == '{') {
                        for (Member m : objectScalars(s, path + "/pageInfo")) {
                            hasNextPage = m.name().equals("hasNextPage") ? m : hasNextPage;
                            endCursor = m.name().equals("endCursor") ? m : endCursor;
                        }
                    } else {
                        s.skipValue();
                    }
                } while (s.nextOrClose('}'));
            }
            out[0] = new Connection(nodes, cursors, hasNextPage != null && hasNextPage.kind() == 't',
                    endCursor != null && endCursor.kind() == '"' ? endCursor.text() : null);
        });
        return out[0];
    }

    private static void edges(JsonScanner s, String path, List<byte[]> nodes, List<String> cursors) {
        if (!openOrNull(s, '[', path)) {
            return;
        }
        do {
            if (s.peek() != '{') {
                throw new JsonFormatException("element " + nodes.size() + " of '" + path + "' is not an object");
            }
            s.expect('{');
            byte[] node = null;
            String cursor = null;
            if (s.peek() == '}') {
                s.expect('}');
            } else {
                do {
                    String name = s.memberName();
                    if (name.equals("cursor")) {
                        Member m = member(s, name);
                        cursor = m.kind() == '"' ? m.text() : null;
                    } else {
                        int start = s.skipValue();
                        if (node == null && name.equals("node")) {
                            node = s.cut(start, s.position());
                        }
                    }
                } while (s.nextOrClose('}'));
            }
            if (node == null) {
                throw new JsonFormatException("element " + nodes.size() + " of '" + path + "' has no 'node'");
            }
            nodes.add(node);
            cursors.add(cursor);
        } while (s.nextOrClose(']'));
    }

    /** The members of the object the scanner stands before, with their kinds and scalar texts. */
    private static List<Member> objectScalars(JsonScanner s, String path) {
        List<Member> out = new ArrayList<>();
        if (openOrNull(s, '{', path)) {
            do {
                String name = s.memberName();
                out.add(member(s, name));
            } while (s.nextOrClose('}'));
        }
        return out;
    }

    /** The members of the root object with their kinds and scalar texts, in document order; checks the whole body. */
    public static List<Member> rootMembers(byte[] body) {
        return members(body, "");
    }

    /**
     * The members of the object at {@code path} ("/data") with their kinds and scalar texts, in document order;
     * checks the whole body. Null when nothing is at {@code path}; empty for an empty object or {@code null}.
     */
    public static List<Member> members(byte[] body, String path) {
        List<Member> out = new ArrayList<>();
        boolean[] found = {false};
        at(body, path, s -> {
            found[0] = true;
            out.addAll(objectScalars(s, path));
        });
        return found[0] ? out : null;
    }

    /**
     * The root object's members (as {@link #rootMembers}) and the elements of the array at {@code arrayPath}
     * ("/regras", "/data/Account"), both from one scan of the body, which is checked whole.
     *
     * @param elements the array's elements, empty for {@code []}; null when nothing, {@code null} or no array is
     *                 at the path
     */
    public record Envelope(List<Member> members, List<byte[]> elements) {
    }

    /** See {@link Envelope}; the path's first occurrence counts, as for {@link #arrayElements}. */
    public static Envelope envelope(byte[] body, String arrayPath) {
        String[] path = segments(arrayPath);
        List<Member> members = new ArrayList<>();
        List<List<byte[]>> found = new ArrayList<>(1);
        JsonScanner s = new JsonScanner(body);
        if (openOrNull(s, '{', "")) {
            do {
                String name = s.memberName();
                byte c = s.peek();
                if (found.isEmpty() && path.length > 0 && name.equals(path[0]) && (c == '{' || c == '[')) {
                    found.add(null);
                    walk(s, path, 1, at -> found.set(0, at.peek() == '[' ? elements(at, arrayPath) : skipped(at)));
                    members.add(new Member(name, (char) c, null));
                } else {
                    members.add(member(s, name));
                }
            } while (s.nextOrClose('}'));
        }
        s.expectEnd();
        return new Envelope(members, found.isEmpty() ? null : found.get(0));
    }

    private static List<byte[]> elements(JsonScanner s, String path) {
        List<byte[]> out = new ArrayList<>();
        if (openOrNull(s, '[', path)) {
            do {
                int start = s.skipValue();
                out.add(s.cut(start, s.position()));
            } while (s.nextOrClose(']'));
        }
        return out;
    }

    private static List<byte[]> skipped(JsonScanner s) {
        s.skipValue();
        return null;
    }

    /**
     * {@code text} as a JSON string literal: quotes, backslashes and control characters escaped, everything else
     * as is. GraphQL string literals escape the same way. For request bodies built without a mapper.
     */
    public static String quote(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
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

    /** The member {@code name} of {@code members}, or null when absent. */
    public static Member find(List<Member> members, String name) {
        for (Member m : members) {
            if (m.name().equals(name)) {
                return m;
            }
        }
        return null;
    }

    /** The member {@code name} of a JSON object (a record already cut), or null when absent. Stops at the member. */
    public static Member member(byte[] object, String name) {
        return membersNamed(object, name)[0];
    }

    /**
     * The members {@code names} of a JSON object (a record already cut), each null when absent, the first of a
     * repeated name counting, from one pass that stops once all are found. Names are compared as bytes.
     */
    public static Member[] membersNamed(byte[] object, String... names) {
        byte[][] wanted = new byte[names.length][];
        for (int n = 0; n < names.length; n++) {
            wanted[n] = names[n].getBytes(StandardCharsets.UTF_8);
        }
        Member[] found = new Member[names.length];
        int missing = names.length;
        JsonScanner s = new JsonScanner(object);
        s.expect('{');
        if (s.peek() == '}') {
            return found;
        }
        do {
            int n = s.memberNameIn(wanted);
            if (n >= 0 && found[n] == null) {
                found[n] = member(s, names[n]);
                if (--missing == 0) {
                    return found;
                }
            } else {
                s.skipValue();
            }
        } while (s.nextOrClose('}'));
        return found;
    }

    private static Member member(JsonScanner s, String name) {
        int start = s.skipValue();
        char kind = (char) s.at(start);
        boolean container = kind == '{' || kind == '[';
        if (kind == '-' || (kind >= '0' && kind <= '9')) {
            kind = '0';
        }
        return new Member(name, kind, container ? null : s.scalarText(start, s.position()));
    }

    /**
     * Positions the scanner at the value at {@code path} and hands it to {@code target}, which consumes it;
     * everything else is skipped, and the document is checked to its end.
     */
    private static void at(byte[] body, String path, Consumer<JsonScanner> target) {
        JsonScanner s = new JsonScanner(body);
        walk(s, segments(path), 0, target);
        s.expectEnd();
    }

    private static void walk(JsonScanner s, String[] path, int level, Consumer<JsonScanner> target) {
        if (level == path.length) {
            target.accept(s);
            return;
        }
        if (s.peek() != '{') {
            s.skipValue();
            return;
        }
        s.expect('{');
        if (s.peek() == '}') {
            s.expect('}');
            return;
        }
        boolean found = false;
        do {
            if (!found && s.memberName().equals(path[level])) {
                found = true;
                walk(s, path, level + 1, target);
            } else {
                if (found) {
                    s.memberName();
                }
                s.skipValue();
            }
        } while (s.nextOrClose('}'));
    }

    /** Consumes {@code null} (false), or the opening of the expected container (true unless it is empty). */
    private static boolean openOrNull(JsonScanner s, char open, String path) {
        byte c = s.peek();
        if (c == 'n') {
            s.skipValue();
            return false;
        }
        if (c != open) {
            throw new JsonFormatException("expected " + (open == '[' ? "an array" : "an object") + " at '" + path
                    + "' but found " + describe(c));
        }
        s.expect(open);
        if (s.peek() == (open == '[' ? ']' : '}')) {
            s.expect(open == '[' ? ']' : '}');
            return false;
        }
        return true;
    }

    private static String describe(byte c) {
        return switch (c) {
            case '{' -> "an object";
            case '[' -> "an array";
            case '"' -> "a string";
            case 't', 'f' -> "a boolean";
            default -> "a number or something else";
        };
    }

    private static String[] segments(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        return trimmed.isEmpty() ? new String[0] : trimmed.split("/");
    }
}
