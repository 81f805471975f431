package com.pagingetl.simulator.demarches;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Function;

/**
 * Conversions between the simulator's internal timestamps (epoch nanoseconds, UTC, always whole microseconds
 * like PostgreSQL's) and the wire formats: second-precision Europe/Paris output, and the lenient ISO 8601
 * input of graphql-ruby's {@code ISO8601DateTime}. Stateless and thread-safe.
 */
final class Timestamps {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final long NANOS_PER_MICRO = 1_000L;
    static final long NANOS_PER_SECOND = 1_000_000_000L;

    private static final DateTimeFormatter OUTPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private Timestamps() {
    }

    static long nanos(Instant instant) {
        return instant.getEpochSecond() * NANOS_PER_SECOND + instant.getNano();
    }

    static long nanos(String isoInstant) {
        return nanos(Instant.parse(isoInstant));
    }

    static Instant instant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, NANOS_PER_SECOND), Math.floorMod(nanos, NANOS_PER_SECOND));
    }

    /** Output format of the API: {@code 2024-03-01T10:15:30+01:00}, fractional seconds truncated. */
    static String format(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).atZone(PARIS).format(OUTPUT);
    }

    /**
     * Parses a client-supplied date-time: full ISO 8601 with an offset, a local date-time (read in Paris time, like
     * Rails' zone) or a date alone (midnight in Paris).
     *
     * @throws DateTimeParseException when the value is none of these
     */
    static Instant parseInput(String value) {
        String text = value.trim();
        for (Function<String, Instant> shape : List.<Function<String, Instant>>of(t -> OffsetDateTime.parse(t).toInstant(),
                t -> ZonedDateTime.parse(t).toInstant(), t -> LocalDateTime.parse(t).atZone(PARIS).toInstant())) {
            try {
                return shape.apply(text);
            } catch (DateTimeParseException notThisShape) {
                // try the next shape
            }
        }
        return LocalDate.parse(text).atStartOfDay(PARIS).toInstant();
    }
}
