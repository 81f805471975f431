package com.pagingetl.simulator.demarches;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;

/**
 * The real API's cursor: base64url without padding of {@code "<ts UTC %Y-%m-%dT%H:%M:%S.%NZ>;<id>"}, e.g.
 * {@code 2024-03-01T09:15:30.123456000Z;4242}. Stateless and thread-safe.
 */
final class CursorCodec {

    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.nnnnnnnnn'Z'")
            .withZone(ZoneOffset.UTC);

    private CursorCodec() {
    }

    static String encode(SortKey key) {
        return encode(key.nanos(), key.id());
    }

    static String encode(long nanos, long id) {
        String plain = TS.format(Timestamps.instant(nanos)) + ";" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws InvalidCursorException when the cursor is not base64url of {@code "<ts>;<id>"} */
    static SortKey decode(String cursor) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor.trim()), StandardCharsets.UTF_8);
            int separator = plain.lastIndexOf(';');
            Instant ts = Instant.parse(plain.substring(0, separator));
            long id = Long.parseLong(plain.substring(separator + 1));
            return new SortKey(Timestamps.nanos(ts), id);
        } catch (RuntimeException e) {
            throw new InvalidCursorException(cursor);
        }
    }

    /** A cursor the server cannot read; the message is the real API's. */
    static final class InvalidCursorException extends RuntimeException {
        InvalidCursorException(String cursor) {
            super("Invalid input: \"" + cursor + "\"");
        }
    }
}
