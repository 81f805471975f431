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

    static final GraphQLScalarType DATE_TIME = scalar("ISO8601DateTime", Instant.class, "timestamp", Timestamps::format,
            Timestamps::parseInput, "a valid ISO 8601 date-time", false);
    static final GraphQLScalarType DATE = scalar("ISO8601Date", LocalDate.class, "date", LocalDate::toString,
            LocalDate::parse, "a valid ISO 8601 date", false);
    static final GraphQLScalarType BIG_INT = scalar("BigInt", Object.class, null, String::valueOf, Long::parseLong,
            "an integer", true);

    private Scalars() {
    }

    /**
     * A scalar that writes values of {@code type} with {@code format} and reads text with {@code parse}; a value
     * of another type is refused as "not a {@code what}". A date-time variable must be a string, the others take
     * any value's text; only {@code BigInt} ({@code intLiterals}) also reads an integer literal.
     *
     * @param invalid what a text that {@code parse} refuses is not
     */
    private static <T> GraphQLScalarType scalar(String name, Class<T> type, String what, Function<T, String> format,
                                                Function<String, ?> parse, String invalid, boolean intLiterals) {
        boolean stringValuesOnly = type == Instant.class;
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
                if (stringValuesOnly && !(input instanceof String)) {
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
