package com.pagingetl.jobs.demarches;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.pagingetl.paging.PageToken;
import com.pagingetl.paging.PaginationStrategy;

/**
 * The job's page tokens and what it knows of the API's cursors. A token is {@code start} (no cursor: the
 * first page of the first run) or {@code after:<cursor>}. A cursor is opaque to the API's contract, but
 * its format is known (base64url of {@code "<order column UTC, nanoseconds>Z;<id>"}); it is decoded only
 * to describe a position in messages and to notice a cursor that goes backwards. Stateless.
 */
final class Cursors {

    static final String START = "start";
    private static final String AFTER = "after:";
    private static final Pattern KEY = Pattern.compile("(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{9}Z);(\\d+)");

    /** A decoded cursor: the order column's value and the row id. */
    record Key(String timestamp, long id) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = timestamp.compareTo(o.timestamp);
            return c != 0 ? c : Long.compare(id, o.id);
        }
    }

    private Cursors() {
    }

    static PageToken token(String cursor) {
        return cursor == null || cursor.isBlank() ? PageToken.of(START) : PageToken.of(AFTER + cursor);
    }

    /** The cursor a token continues after, or null for {@link #START}. */
    static String cursor(PageToken token) {
        return cursor(token.value());
    }

    static String cursor(String tokenValue) {
        if (tokenValue == null || tokenValue.equals(START)) {
            return null;
        }
        if (!tokenValue.startsWith(AFTER)) {
            throw new IllegalArgumentException("not a démarches page token: " + PaginationStrategy.abbreviate(tokenValue));
        }
        return tokenValue.substring(AFTER.length());
    }

    static Optional<Key> decode(String cursor) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor.trim()), StandardCharsets.UTF_8);
            Matcher m = KEY.matcher(plain);
            return m.matches() ? Optional.of(new Key(m.group(1), Long.parseLong(m.group(2)))) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** "after 2024-03-01T09:15:30.123456000Z;4242" when the cursor decodes, else the cursor abbreviated. */
    static String describe(String cursor) {
        if (cursor == null) {
            return "from the start";
        }
        return "after " + decode(cursor).map(k -> k.timestamp() + ";" + k.id())
                .orElseGet(() -> "cursor " + PaginationStrategy.abbreviate(cursor));
    }

    /** True when {@code next} decodes to a position at or before {@code previous}; false if either does not decode. */
    static boolean notAfter(String next, String previous) {
        Optional<Key> n = decode(next);
        Optional<Key> p = decode(previous);
        return n.isPresent() && p.isPresent() && n.get().compareTo(p.get()) <= 0;
    }
}
