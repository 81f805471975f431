package com.pagingetl.launch;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * What the value of one {@code name=value} job parameter may be: checks a value and says, for messages and
 * --help, which values are allowed. Values stay text (they are job parameters, stored and compared as
 * written), so a type only accepts or refuses; it never rewrites. Stateless and thread-safe.
 */
public interface ParameterType {

    /** The problem of a lower bound of "updated since" that lies ahead: nothing can have been updated since then. */
    String FUTURE = "it is in the future: nothing can have been updated since then, and the run would move the"
            + " watermark past everything older";

    /** The allowed values, as they complete "expected ...": "a whole number from 2 to 100". */
    String allowed();

    /** Null when {@code value} is allowed, else what is wrong with it ("expected a whole number from 2 to 100"). */
    String problem(String value);

    /**
     * A whole number from {@code min} to {@code max}, written in its one canonical way (no sign, no leading zero,
     * no spaces): a scope value is compared as text, so 1001 and 01001 would be two scopes.
     */
    static ParameterType integer(long min, long max) {
        String allowed = "a whole number from " + min + " to " + max;
        return of(allowed, value -> {
            long n;
            try {
                n = Long.parseLong(value);
            } catch (NumberFormatException e) {
                return "expected " + allowed;
            }
            if (n < min || n > max) {
                return "expected " + allowed;
            }
            return Long.toString(n).equals(value) ? null : "write the number as " + n;
        });
    }

    static ParameterType bool() {
        return oneOf(List.of("true", "false"));
    }

    /** One of {@code values}, exactly as written there. A long list is abbreviated in messages (--help shows the default). */
    static ParameterType oneOf(List<String> values) {
        List<String> copy = List.copyOf(values);
        String allowed = copy.size() <= 12 ? "one of " + String.join(", ", copy)
                : "one of the " + copy.size() + " values " + String.join(", ", copy.subList(0, 4)) + ", ..., "
                + copy.get(copy.size() - 1);
        return of(allowed, value -> copy.contains(value) ? null : "expected " + allowed);
    }

    static ParameterType oneOf(String... values) {
        return oneOf(Arrays.asList(values));
    }

    /** Text matching {@code pattern} as a whole; {@code allowed} says what that is in words. */
    static ParameterType matching(Pattern pattern, String allowed) {
        return of(allowed, value -> pattern.matcher(value).matches() ? null : "expected " + allowed);
    }

    /**
     * An ISO 8601 calendar date, YYYY-MM-DD, not in the future: these are lower bounds of "updated since", and a
     * future one would make a run of nothing that still moves the watermark past everything older. The latest
     * time zone's today is the latest date allowed.
     */
    static ParameterType date() {
        String allowed = "a date of the form YYYY-MM-DD, not in the future";
        return of(allowed, value -> {
            if (!parses(LocalDate::parse, value)) {
                return "expected " + allowed;
            }
            return LocalDate.parse(value).isAfter(LocalDate.now(ZoneOffset.MAX)) ? FUTURE : null;
        });
    }

    /**
     * An ISO 8601 date (2020-02-22) or date-time with offset (2020-02-22T00:00:00+01:00), not in the future (see
     * {@link #date()}).
     */
    static ParameterType dateOrDateTime() {
        String allowed = "an ISO 8601 date (2020-02-22) or date-time with offset (2020-02-22T00:00:00+01:00), not in the future";
        return of(allowed, value -> {
            if (parses(OffsetDateTime::parse, value)) {
                return OffsetDateTime.parse(value).isAfter(OffsetDateTime.now()) ? FUTURE : null;
            }
            if (parses(LocalDate::parse, value)) {
                return LocalDate.parse(value).isAfter(LocalDate.now(ZoneOffset.MAX)) ? FUTURE : null;
            }
            return "expected " + allowed;
        });
    }

    /** A comma-separated list of at least one element, each of {@code element}; spaces around commas are allowed. */
    static ParameterType listOf(ParameterType element) {
        String allowed = "a comma-separated list of at least one value, each " + element.allowed();
        return of(allowed, value -> {
            List<String> items = ParameterValues.split(value);
            if (items.isEmpty()) {
                return "expected " + allowed;
            }
            for (String item : items) {
                if (element.problem(item) != null) {
                    return "'" + item + "' is not " + element.allowed();
                }
            }
            return null;
        });
    }

    private static boolean parses(Function<String, ?> parser, String value) {
        try {
            parser.apply(value);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** A type from its words and its check ({@code value -> problem or null}). */
    static ParameterType of(String allowed, UnaryOperator<String> problem) {
        return new ParameterType() {
            @Override
            public String allowed() {
                return allowed;
            }

            @Override
            public String problem(String value) {
                return problem.apply(value);
            }
        };
    }
}
