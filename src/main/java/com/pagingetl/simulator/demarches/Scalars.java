package com.pagingetl.simulator.demarches;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.Function;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.IntValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;

/**
 * The custom scalars as graphql-ruby implements them: {@code ISO8601DateTime} (second precision, Paris offset on
 * output; ISO 8601 or a bare date on input), {@code ISO8601Date}, {@code BigInt} (a string on output). Stateless.
 */
final class Scalars {

    /** What a scalar reads: a string variable only, or any variable's text; BigInt also integer literals. */
    private enum Reads { STRINGS, TEXT, TEXT_AND_INTEGERS }

    static final GraphQLScalarType DATE_TIME = scalar("ISO8601DateTime", Instant.class, "timestamp", Timestamps::format,
            Timestamps::parseInput, "a valid ISO 8601 date-time", Reads.STRINGS);
    static final GraphQLScalarType DATE = scalar("ISO8601Date", LocalDate.class, "date", LocalDate::toString,
            LocalDate::parse, "a valid ISO 8601 date", Reads.TEXT);
    static final GraphQLScalarType BIG_INT = scalar("BigInt", Object.class, null, String::valueOf, Long::parseLong,
            "an integer", Reads.TEXT_AND_INTEGERS);

    private Scalars() {
    }

    /**
     * A scalar that writes values of {@code type} with {@code format} and reads text with {@code parse}; a value
     * of another type is refused as "not a {@code what}".
     *
     * @param invalid what a text that {@code parse} refuses is not
     */
    private static <T> GraphQLScalarType scalar(String name, Class<T> type, String what, Function<T, String> format,
                                                Function<String, ?> parse, String invalid, Reads reads) {
        boolean intLiterals = reads == Reads.TEXT_AND_INTEGERS;
        String literalKinds = intLiterals ? "an integer or a string" : "a string";
        return GraphQLScalarType.newScalar().name(name).coercing(new Coercing<Object, String>() {
            @Override
            public String serialize(Object value, GraphQLContext context, Locale locale) {
                if (type.isInstance(value)) {
                    return format.apply(type.cast(value));
                }
                throw new CoercingSerializeException("not a " + what + ": " + value);
            }

            @Override
            public Object parseValue(Object input, GraphQLContext context, Locale locale) {
                if (reads == Reads.STRINGS && !(input instanceof String)) {
                    throw new CoercingParseValueException(name + " must be a string");
                }
                try {
                    return parse.apply(String.valueOf(input));
                } catch (DateTimeParseException | NumberFormatException e) {
                    throw new CoercingParseValueException(input + " is not " + invalid);
                }
            }

            @Override
            public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context,
                                       Locale locale) {
                if (intLiterals && input instanceof IntValue i) {
                    return i.getValue().longValueExact();
                }
                if (!(input instanceof StringValue text)) {
                    throw new CoercingParseLiteralException(name + " must be " + literalKinds);
                }
                try {
                    return parse.apply(text.getValue());
                } catch (DateTimeParseException | NumberFormatException e) {
                    throw new CoercingParseLiteralException(text.getValue() + " is not " + invalid);
                }
            }
        }).build();
    }
}
