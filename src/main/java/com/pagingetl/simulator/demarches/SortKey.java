package com.pagingetl.simulator.demarches;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;

/**
 * A keyset position: the ordering column (epoch nanoseconds, UTC) and the row id that breaks ties, compared
 * as the row value {@code (ts, id)} the real API uses. Its cursor is the real API's: base64url without padding of
 * {@code "<ts UTC %Y-%m-%dT%H:%M:%S.%NZ>;<id>"}, e.g. {@code 2024-03-01T09:15:30.123456000Z;4242}. Immutable.
 */
record SortKey(long nanos, long id) implements Comparable<SortKey> {

    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.nnnnnnnnn'Z'")
            .withZone(ZoneOffset.UTC);

    /** The smallest key at {@code nanos}: a lower bound that includes every row with that timestamp. */
    static SortKey floor(long nanos) {
        return new SortKey(nanos, Long.MIN_VALUE);
    }

    /** @throws ApiError {@code bad_request} with the real API's message when the cursor is not base64url of "ts;id" */
    static SortKey parse(String cursor) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor.trim()), StandardCharsets.UTF_8);
            int separator = plain.lastIndexOf(';');
            Instant ts = Instant.parse(plain.substring(0, separator));
            return new SortKey(Timestamps.nanos(ts), Long.parseLong(plain.substring(separator + 1)));
        } catch (RuntimeException e) {
            throw new ApiError("bad_request", "Invalid input: \"" + cursor + "\"");
        }
    }

    String cursor() {
        String plain = TS.format(Timestamps.instant(nanos)) + ";" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int compareTo(SortKey other) {
        int byTime = Long.compare(nanos, other.nanos);
        return byTime != 0 ? byTime : Long.compare(id, other.id);
    }
}
