package com.pagingetl.paging;

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
        at(body, path, s -> {
            if (openOrNull(s, '[', path)) {
                do {
                    int start = s.skipValue();
                    out.add(s.cut(start, s.position()));
                } while (s.nextOrClose(']'));
            }
        });
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
     * One member of every element of the array at {@code path}, exactly as written: the {@code node}s of a
     * GraphQL connection's {@code edges} ({@code arrayElementMembers(body, "/data/demarche/dossiers/edges", "node")}).
     * Empty if the array is null or absent; an element that is not an object or lacks the member is an error.
     */
    public static List<byte[]> arrayElementMembers(byte[] body, String path, String member) {
        List<byte[]> out = new ArrayList<>();
        at(body, path, s -> {
            if (openOrNull(s, '[', path)) {
                do {
                    if (s.peek() != '{') {
                        throw new JsonFormatException("element " + out.size() + " of '" + path + "' is not an object");
                    }
                    s.expect('{');
                    byte[] found = null;
                    if (s.peek() == '}') {
                        s.expect('}');
                    } else {
                        do {
                            String name = s.memberName();
                            boolean wanted = found == null && name.equals(member);
                            int start = s.skipValue();
                            if (wanted) {
                                found = s.cut(start, s.position());
                            }
                        } while (s.nextOrClose('}'));
                    }
                    if (found == null) {
                        throw new JsonFormatException("element " + out.size() + " of '" + path + "' has no '" + member + "'");
                    }
                    out.add(found);
                } while (s.nextOrClose(']'));
            }
        });
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
            if (openOrNull(s, '{', path)) {
                do {
                    String name = s.memberName();
                    out.add(member(s, name));
                } while (s.nextOrClose('}'));
            }
        });
        return found[0] ? out : null;
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
        JsonScanner s = new JsonScanner(object);
        s.expect('{');
        if (s.peek() == '}') {
            return null;
        }
        do {
            boolean wanted = s.memberName().equals(name);
            if (wanted) {
                return member(s, name);
            }
            s.skipValue();
        } while (s.nextOrClose('}'));
        return null;
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
