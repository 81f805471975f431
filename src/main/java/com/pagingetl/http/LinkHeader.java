package com.pagingetl.http;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Parses an RFC 8288 {@code Link} header: {@code <uri>; rel="next"; expires=2023-06-29T20:15:05.324Z},
 * possibly several links separated by commas. Parameter names are case-insensitive, values may be quoted.
 * Stateless and thread-safe.
 */
public final class LinkHeader {

    /** One link: its target and its parameters (lower-case names). */
    public record Link(URI uri, Map<String, String> params) {
        public Optional<String> param(String name) {
            return Optional.ofNullable(params.get(name.toLowerCase(Locale.ROOT)));
        }

        public boolean hasRel(String rel) {
            return param("rel").map(r -> List.of(r.toLowerCase(Locale.ROOT).split("\\s+")).contains(rel))
                    .orElse(false);
        }
    }

    private LinkHeader() {
    }

    /** The first link with {@code rel} among all the given header values, if any. */
    public static Optional<Link> find(List<String> headerValues, String rel) {
        for (String value : headerValues) {
            for (Link link : parse(value)) {
                if (link.hasRel(rel)) {
                    return Optional.of(link);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Parses one header value.
     *
     * @throws IllegalArgumentException with a message saying what is wrong when the value is not a Link header
     */
    public static List<Link> parse(String value) {
        List<Link> links = new ArrayList<>();
        int i = 0;
        int n = value.length();
        while (i < n) {
            i = skipSpaces(value, i);
            if (i >= n) {
                break;
            }
            if (value.charAt(i) != '<') {
                throw new IllegalArgumentException("malformed Link header: expected '<' at position " + i);
            }
            int close = value.indexOf('>', i);
            if (close < 0) {
                throw new IllegalArgumentException("malformed Link header: unterminated '<' at position " + i);
            }
            URI uri;
            try {
                uri = new URI(value.substring(i + 1, close).trim());
            } catch (Exception e) {
                throw new IllegalArgumentException("malformed Link header: target is not a URI (" + e.getMessage() + ")");
            }
            i = close + 1;
            Map<String, String> params = new LinkedHashMap<>();
            while (true) {
                i = skipSpaces(value, i);
                if (i >= n || value.charAt(i) == ',') {
                    i++;
                    break;
                }
                if (value.charAt(i) != ';') {
                    throw new IllegalArgumentException("malformed Link header: expected ';' or ',' at position " + i);
                }
                i = skipSpaces(value, i + 1);
                int eq = i;
                while (eq < n && value.charAt(eq) != '=' && value.charAt(eq) != ';' && value.charAt(eq) != ',') {
                    eq++;
                }
                String name = value.substring(i, eq).trim().toLowerCase(Locale.ROOT);
                if (name.isEmpty()) {
                    throw new IllegalArgumentException("malformed Link header: empty parameter name at position " + i);
                }
                String paramValue = "";
                i = eq;
                if (i < n && value.charAt(i) == '=') {
                    i = skipSpaces(value, i + 1);
                    if (i < n && value.charAt(i) == '"') {
                        int end = value.indexOf('"', i + 1);
                        if (end < 0) {
                            throw new IllegalArgumentException("malformed Link header: unterminated quoted value");
                        }
                        paramValue = value.substring(i + 1, end);
                        i = end + 1;
                    } else {
                        int end = i;
                        while (end < n && value.charAt(end) != ';' && value.charAt(end) != ',') {
                            end++;
                        }
                        paramValue = value.substring(i, end).trim();
                        i = end;
                    }
                }
                params.putIfAbsent(name, paramValue);
            }
            links.add(new Link(uri, Map.copyOf(params)));
        }
        return links;
    }

    private static int skipSpaces(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }
}
