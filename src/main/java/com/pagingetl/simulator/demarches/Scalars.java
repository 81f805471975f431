package com.pagingetl.simulator.demarches;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

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

    private Scalars() {
    }

    static final GraphQLScalarType DATE_TIME = GraphQLScalarType.newScalar().name("ISO8601DateTime")
            .coercing(new Coercing<Instant, String>() {
                @Override
                public String serialize(Object value, GraphQLContext context, Locale locale) {
                    if (value instanceof Instant instant) {
                        return Timestamps.format(instant);
                    }
                    throw new CoercingSerializeException("not a timestamp: " + value);
                }

                @Override
                public Instant parseValue(Object input, GraphQLContext context, Locale locale) {
                    if (input instanceof String text) {
                        try {
                            return Timestamps.parseInput(text);
                        } catch (DateTimeParseException e) {
                            throw new CoercingParseValueException(text + " is not a valid ISO 8601 date-time");
                        }
                    }
                    throw new CoercingParseValueException("ISO8601DateTime must be a string");
                }

                @Override
                public Instant parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
                    if (input instanceof StringValue text) {
                        try {
                            return Timestamps.parseInput(text.getValue());
                        } catch (DateTimeParseException e) {
                            throw new CoercingParseLiteralException(text.getValue() + " is not a valid ISO 8601 date-time");
                        }
                    }
                    throw new CoercingParseLiteralException("ISO8601DateTime must be a string");
                }
            }).build();

    static final GraphQLScalarType DATE = GraphQLScalarType.newScalar().name("ISO8601Date")
            .coercing(new Coercing<LocalDate, String>() {
                @Override
                public String serialize(Object value, GraphQLContext context, Locale locale) {
                    if (value instanceof LocalDate date) {
                        return date.toString();
                    }
                    throw new CoercingSerializeException("not a date: " + value);
                }

                @Override
                public LocalDate parseValue(Object input, GraphQLContext context, Locale locale) {
                    try {
                        return LocalDate.parse(String.valueOf(input));
                    } catch (DateTimeParseException e) {
                        throw new CoercingParseValueException(input + " is not a valid ISO 8601 date");
                    }
                }

                @Override
                public LocalDate parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
                    if (input instanceof StringValue text) {
                        try {
                            return LocalDate.parse(text.getValue());
                        } catch (DateTimeParseException e) {
                            throw new CoercingParseLiteralException(text.getValue() + " is not a valid ISO 8601 date");
                        }
                    }
                    throw new CoercingParseLiteralException("ISO8601Date must be a string");
                }
            }).build();

    static final GraphQLScalarType BIG_INT = GraphQLScalarType.newScalar().name("BigInt")
            .coercing(new Coercing<Long, String>() {
                @Override
                public String serialize(Object value, GraphQLContext context, Locale locale) {
                    return String.valueOf(value);
                }

                @Override
                public Long parseValue(Object input, GraphQLContext context, Locale locale) {
                    try {
                        return Long.parseLong(String.valueOf(input));
                    } catch (NumberFormatException e) {
                        throw new CoercingParseValueException(input + " is not an integer");
                    }
                }

                @Override
                public Long parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
                    if (input instanceof IntValue i) {
                        return i.getValue().longValueExact();
                    }
                    if (input instanceof StringValue s) {
                        try {
                            return Long.parseLong(s.getValue());
                        } catch (NumberFormatException e) {
                            throw new CoercingParseLiteralException(s.getValue() + " is not an integer");
                        }
                    }
                    throw new CoercingParseLiteralException("BigInt must be an integer or a string");
                }
            }).build();
}
