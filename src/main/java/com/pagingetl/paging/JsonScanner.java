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

    /** Skips one complete value, checking its grammar, and returns its start; {@link #position()} is then its end. */
    int skipValue() {
        peek();
        int start = pos;
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
