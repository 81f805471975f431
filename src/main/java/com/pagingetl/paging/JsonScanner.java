package com.pagingetl.paging;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A byte-level JSON scanner over one page body: finds where values start and end, checks the grammar on the
 * way (strings and their escapes, numbers, literals, nesting), and never builds a tree or decodes a value it
 * does not need. This is what lets records travel from the HTTP body to the gzip stream as bytes: a full
 * tokenizer costs about seven times as much per record, and decoding to {@code String} and back twice that.
 *
 * <p>UTF-8 is passed through as bytes; only member names and the scalars a caller asks for are decoded.
 * Errors are {@link JsonFormatException}s naming the byte offset. Not thread-safe: one instance per body.
 */
final class JsonScanner {

    private final byte[] b;
    private final int end;
    private int pos;
    private byte[] stack = new byte[32];
    /** Whether the last {@link #skipValue} met whitespace outside strings, which a one-line record must lose. */
    private boolean sawSpace;

    JsonScanner(byte[] body) {
        this.b = body;
        this.end = body.length;
    }

    int position() {
        return pos;
    }

    /** Skips whitespace and returns the next byte without consuming it. */
    byte peek() {
        skipWhitespace();
        if (pos >= end) {
            throw error("a value", "the end of the body");
        }
        return b[pos];
    }

    void expect(char c) {
        if (peek() != c) {
            throw error("'" + c + "'", found());
        }
        pos++;
    }

    /** After a member value or element: true if a comma followed (consumed), false if {@code close} did (consumed). */
    boolean nextOrClose(char close) {
        byte c = peek();
        pos++;
        if (c == ',') {
            return true;
        }
        if (c == close) {
            return false;
        }
        pos--;
        throw error("',' or '" + close + "'", found());
    }

    /** Reads a member name (the scanner stands before its opening quote) and the colon after it. */
    String memberName() {
        if (peek() != '"') {
            throw error("a member name", found());
        }
        int start = pos;
        skipString();
        String name = decodeString(start, pos);
        expect(':');
        return name;
    }

    /**
     * Reads a member name and the colon after it, like {@link #memberName}, and returns the index of the first of
     * {@code names} (UTF-8) it equals, or -1: the name is compared as bytes, and decoded only when it has escapes.
     */
    int memberNameIn(byte[][] names) {
        if (peek() != '"') {
            throw error("a member name", found());
        }
        int start = pos;
        skipString();
        int stop = pos;
        expect(':');
        int length = stop - start - 2;
        for (int i = start + 1; i < stop - 1; i++) {
            if (b[i] == '\\') {
                String name = decodeString(start, stop);
                for (int n = 0; n < names.length; n++) {
                    if (name.equals(new String(names[n], StandardCharsets.UTF_8))) {
                        return n;
                    }
                }
                return -1;
            }
        }
        for (int n = 0; n < names.length; n++) {
            if (names[n].length == length && Arrays.equals(b, start + 1, stop - 1, names[n], 0, length)) {
                return n;
            }
        }
        return -1;
    }

    /** Skips one complete value, checking its grammar, and returns its start; {@link #position()} is then its end. */
    int skipValue() {
        peek();
        int start = pos;
        int stop = quickSkip(start);
        if (stop >= 0) {
            pos = stop;
            return start;
        }
        return checkedSkip(start);
    }

    /**
     * {@link #skipValue} by the steps that name what is wrong: the value at {@code start}, whatever it holds.
     * Package-private for the test that holds the two ways to the same answers.
     */
    int checkedSkip(int start) {
        pos = start;
        sawSpace = false;
        int depth = 0;
        while (true) {
            byte c = depth == 0 ? b[pos] : innerPeek();
            boolean closed = false;
            switch (c) {
                case '{' -> {
                    pos++;
                    if (innerPeek() == '}') {
                        pos++;
                        closed = true;
                    } else {
                        push(depth++, (byte) '}');
                        innerMemberName();
                    }
                }
                case '[' -> {
                    pos++;
                    if (innerPeek() == ']') {
                        pos++;
                        closed = true;
                    } else {
                        push(depth++, (byte) ']');
                    }
                }
                case '"' -> {
                    skipString();
                    closed = true;
                }
                case 't' -> literal("true");
                case 'f' -> literal("false");
                case 'n' -> literal("null");
                default -> {
                    if (c == '-' || (c >= '0' && c <= '9')) {
                        number();
                    } else {
                        throw error("a value", found());
                    }
                }
            }
            // Every branch has consumed a whole value unless it opened a container.
            if (c == '{' && !closed || c == '[' && !closed) {
                continue;
            }
            while (true) {
                if (depth == 0) {
                    return start;
                }
                byte close = stack[depth - 1];
                byte n = innerPeek();
                pos++;
                if (n == ',') {
                    if (close == '}') {
                        innerMemberName();
                    }
                    break;
                }
                if (n != close) {
                    pos--;
                    throw error("',' or '" + (char) close + "'", found());
                }
                depth--;
            }
        }
    }

    /**
     * The value at {@code start} skipped in one loop over local variables, which is what a page of records costs
     * to check when it is well-formed (the method calls of {@link #checkedSkip} per token cost more than the bytes,
     * with C1 code). It accepts nothing that {@link #checkedSkip} refuses; anything unusual (an error, a unicode
     * escape, whitespace before a colon, nesting deeper than the stack) makes it answer -1, and {@link #checkedSkip}
     * then scans the value again and says what is wrong, if anything. On success it sets {@link #sawSpace} and
     * returns the value's end.
     */
    private int quickSkip(int start) {
        final byte[] b = this.b;
        final int end = this.end;
        final byte[] stack = this.stack;
        int p = start;
        int depth = 0;
        boolean space = false;
        boolean name = false;
        while (true) {
            // p stands at a value (after its member name when name is set), whitespace before it already skipped
            if (name) {
                p = quickName(b, p, end);
                if (p < 0) {
                    return -1;
                }
                int q = quickSpace(b, p, end);
                space |= q != p;
                p = q;
                name = false;
            }
            if (p >= end) {
                return -1;
            }
            byte c = b[p];
            if (c == '"') {
                p = quickString(b, p, end);
                if (p < 0) {
                    return -1;
                }
            } else if (c == '{' || c == '[') {
                byte close = c == '{' ? (byte) '}' : (byte) ']';
                int inside = p + 1;
                p = quickSpace(b, inside, end);
                space |= p != inside;
                if (p >= end) {
                    return -1;
                }
                if (b[p] == close) {
                    p++;
                } else {
                    if (depth == stack.length) {
                        return -1;
                    }
                    stack[depth++] = close;
                    name = close == '}';
                    continue;
                }
            } else if (c == 't' || c == 'f' || c == 'n') {
                byte[] word = c == 't' ? TRUE : c == 'f' ? FALSE : NULL;
                if (p + word.length > end || !Arrays.equals(b, p, p + word.length, word, 0, word.length)) {
                    return -1;
                }
                p += word.length;
            } else {
                p = quickNumber(b, p, end);
                if (p < 0) {
                    return -1;
                }
            }
            // a complete value ends at p: close what it completes, until a comma asks for the next value
            while (true) {
                if (depth == 0) {
                    sawSpace = space;
                    return p;
                }
                int q = quickSpace(b, p, end);
                space |= q != p;
                p = q;
                if (p >= end) {
                    return -1;
                }
                byte close = stack[depth - 1];
                byte n = b[p++];
                if (n == ',') {
                    q = quickSpace(b, p, end);
                    space |= q != p;
                    p = q;
                    name = close == '}';
                    break;
                }
                if (n != close) {
                    return -1;
                }
                depth--;
            }
        }
    }

    private static int quickSpace(byte[] b, int p, int end) {
        while (p < end && isWhitespace(b[p])) {
            p++;
        }
        return p;
    }

    private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
    private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
    private static final byte[] NULL = {'n', 'u', 'l', 'l'};

    /** A member name at {@code p} and its colon right after it: the end, or -1 (also for whitespace between them). */
    private static int quickName(byte[] b, int p, int end) {
        if (p >= end || b[p] != '"') {
            return -1;
        }
        p = quickString(b, p, end);
        return p >= 0 && p < end && b[p] == ':' ? p + 1 : -1;
    }

    /** The end of the string token at {@code p}, or -1 for a control character, a bad or unicode escape, or no end. */
    private static int quickString(byte[] b, int p, int end) {
        p++;
        while (p < end) {
            byte c = b[p];
            if (c == '"') {
                return p + 1;
            }
            if (c == '\\') {
                if (p + 1 >= end) {
                    return -1;
                }
                byte e = b[p + 1];
                if (e != '"' && e != '\\' && e != '/' && e != 'b' && e != 'f' && e != 'n' && e != 'r' && e != 't') {
                    return -1;
                }
                p += 2;
            } else if (c >= 0 && c < 0x20) {
                return -1;
            } else {
                p++;
            }
        }
        return -1;
    }

    /** The end of the JSON number at {@code p}, or -1 when none is there. */
    private static int quickNumber(byte[] b, int p, int end) {
        if (b[p] == '-') {
            p++;
        }
        int from = p;
        while (p < end && b[p] >= '0' && b[p] <= '9') {
            p++;
        }
        if (p == from || b[from] == '0' && p - from > 1) {
            return -1;
        }
        if (p < end && b[p] == '.') {
            from = ++p;
            while (p < end && b[p] >= '0' && b[p] <= '9') {
                p++;
            }
            if (p == from) {
                return -1;
            }
        }
        if (p < end && (b[p] == 'e' || b[p] == 'E')) {
            p++;
            if (p < end && (b[p] == '+' || b[p] == '-')) {
                p++;
            }
            from = p;
            while (p < end && b[p] >= '0' && b[p] <= '9') {
                p++;
            }
            if (p == from) {
                return -1;
            }
        }
        return p;
    }

    /** The bytes of {@code [start, end)} without whitespace outside strings, so that a record fits on one line. */
    byte[] cut(int start, int stop) {
        if (!sawSpace) {
            return Arrays.copyOfRange(b, start, stop);
        }
        byte[] out = new byte[stop - start];
        int n = 0;
        boolean inString = false;
        for (int i = start; i < stop; i++) {
            byte c = b[i];
            if (inString) {
                out[n++] = c;
                if (c == '\\') {
                    out[n++] = b[++i];
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
                out[n++] = c;
            } else if (!isWhitespace(c)) {
                out[n++] = c;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** The text of a scalar value at {@code [start, stop)}: a string decoded, any other scalar as written. */
    String scalarText(int start, int stop) {
        return b[start] == '"' ? decodeString(start, stop) : new String(b, start, stop - start, StandardCharsets.ISO_8859_1);
    }

    byte at(int index) {
        return b[index];
    }

    /** Checks that nothing but whitespace follows the document. */
    void expectEnd() {
        skipWhitespace();
        if (pos < end) {
            throw error("the end of the body", found());
        }
    }

    private void innerMemberName() {
        if (innerPeek() != '"') {
            throw error("a member name", found());
        }
        skipString();
        if (innerPeek() != ':') {
            throw error("':'", found());
        }
        pos++;
        innerPeek();
    }

    /** Like {@link #peek} inside a value being skipped: whitespace there is remembered. */
    private byte innerPeek() {
        int before = pos;
        skipWhitespace();
        if (pos != before) {
            sawSpace = true;
        }
        if (pos >= end) {
            throw error("more of the value", "the end of the body (truncated?)");
        }
        return b[pos];
    }

    private void push(int depth, byte close) {
        if (depth == stack.length) {
            stack = Arrays.copyOf(stack, depth * 2);
        }
        stack[depth] = close;
    }

    private void skipString() {
        int p = pos + 1;
        while (p < end) {
            byte c = b[p];
            if (c == '"') {
                pos = p + 1;
                return;
            }
            if (c == '\\') {
                if (p + 1 >= end) {
                    break;
                }
                byte e = b[p + 1];
                if (e == 'u') {
                    for (int k = 2; k <= 5; k++) {
                        if (p + k >= end || Character.digit(b[p + k], 16) < 0) {
                            pos = p;
                            throw error("four hex digits after \\u", "something else");
                        }
                    }
                    p += 6;
                    continue;
                }
                if (e != '"' && e != '\\' && e != '/' && e != 'b' && e != 'f' && e != 'n' && e != 'r' && e != 't') {
                    pos = p;
                    throw error("a valid escape", "'\\" + (char) e + "'");
                }
                p += 2;
                continue;
            }
            if (c >= 0 && c < 0x20) {
                pos = p;
                throw error("a closing quote", "a raw control character in a string");
            }
            p++;
        }
        throw error("the end of a string", "the end of the body (truncated?)");
    }

    private void literal(String word) {
        int n = word.length();
        if (pos + n > end) {
            throw error("'" + word + "'", "the end of the body");
        }
        for (int i = 0; i < n; i++) {
            if (b[pos + i] != word.charAt(i)) {
                throw error("'" + word + "'", found());
            }
        }
        pos += n;
    }

    private void number() {
        int p = pos;
        if (b[p] == '-') {
            p++;
        }
        int digits = digits(p);
        if (digits == 0 || (b[p] == '0' && digits > 1)) {
            throw error("a number", found());
        }
        p += digits;
        if (p < end && b[p] == '.') {
            int fraction = digits(p + 1);
            if (fraction == 0) {
                pos = p;
                throw error("digits after the decimal point", found());
            }
            p += 1 + fraction;
        }
        if (p < end && (b[p] == 'e' || b[p] == 'E')) {
            p++;
            if (p < end && (b[p] == '+' || b[p] == '-')) {
                p++;
            }
            int exponent = digits(p);
            if (exponent == 0) {
                pos = p;
                throw error("an exponent", found());
            }
            p += exponent;
        }
        pos = p;
    }

    private int digits(int from) {
        int p = from;
        while (p < end && b[p] >= '0' && b[p] <= '9') {
            p++;
        }
        return p - from;
    }

    private void skipWhitespace() {
        while (pos < end && isWhitespace(b[pos])) {
            pos++;
        }
    }

    private static boolean isWhitespace(byte c) {
        return c == ' ' || c == '\n' || c == '\r' || c == '\t';
    }

    /** Decodes the string token at {@code [start, stop)} (quotes included). */
    private String decodeString(int start, int stop) {
        boolean plain = true;
        for (int i = start + 1; i < stop - 1; i++) {
            if (b[i] == '\\') {
                plain = false;
                break;
            }
        }
        if (plain) {
            return new String(b, start + 1, stop - start - 2, StandardCharsets.UTF_8);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(stop - start);
        StringBuilder text = new StringBuilder();
        for (int i = start + 1; i < stop - 1; i++) {
            byte c = b[i];
            if (c != '\\') {
                out.write(c);
                continue;
            }
            text.append(out.toString(StandardCharsets.UTF_8));
            out.reset();
            byte e = b[++i];
            switch (e) {
                case 'b' -> text.append('\b');
                case 'f' -> text.append('\f');
                case 'n' -> text.append('\n');
                case 'r' -> text.append('\r');
                case 't' -> text.append('\t');
                case 'u' -> {
                    text.append((char) Integer.parseInt(new String(b, i + 1, 4, StandardCharsets.ISO_8859_1), 16));
                    i += 4;
                }
                default -> text.append((char) e);
            }
        }
        return text.append(out.toString(StandardCharsets.UTF_8)).toString();
    }

    private String found() {
        if (pos >= end) {
            return "the end of the body";
        }
        int c = b[pos] & 0xff;
        return c >= 0x20 && c < 0x7f ? "'" + (char) c + "'" : String.format("byte 0x%02x", c);
    }

    private JsonFormatException error(String expected, String found) {
        return new JsonFormatException("malformed JSON at byte " + pos + ": expected " + expected + " but found " + found);
    }
}
