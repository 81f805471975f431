package com.pagingetl.simulator.tdg;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;

import graphql.language.BooleanValue;
import graphql.language.FloatValue;
import graphql.language.IntValue;
import graphql.language.NullValue;
import graphql.language.StringValue;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;

/**
 * TDG's custom scalars. {@code Long} carries 64-bit integers exactly (versions are 19-digit nanosecond
 * timestamps above 2^53): it serializes a Java long, so the JSON holds an exact integer, and accepts an
 * integer or a decimal string as input ({@code version: "1514"}). {@code AnyScalar} takes any scalar
 * literal, as in the {@code update: [[op, path, value]]} lists.
 *
 * <p>Stateless and thread-safe.
 */
@SuppressWarnings("deprecation")
final class TdgScalars {

    static final GraphQLScalarType LONG = GraphQLScalarType.newScalar()
            .name("Long")
            .description("64-bit integer, serialized as an exact JSON integer; accepts an integer or a string")
            .coercing(new Coercing<Object, Object>() {
                @Override
                public Object serialize(Object value) {
                    if (value instanceof Number n) {
                        return n.longValue();
                    }
                    throw new CoercingSerializeException("Not a Long: " + value);
                }

                @Override
                public Object parseValue(Object input) {
                    try {
                        return toLong(input);
                    } catch (RuntimeException e) {
                        throw new CoercingParseValueException("Expected a 64-bit integer but was '" + input + "'");
                    }
                }

                @Override
                public Object parseLiteral(Object input) {
                    try {
                        return toLong(input instanceof IntValue i ? i.getValue()
                                : input instanceof StringValue s ? s.getValue() : null);
                    } catch (RuntimeException e) {
                        throw new CoercingParseLiteralException("Expected a 64-bit integer but was '" + input + "'");
                    }
                }
            })
            .build();

    static final GraphQLScalarType ANY = GraphQLScalarType.newScalar()
            .name("AnyScalar")
            .description("Type to process any scalar type")
            .coercing(new Coercing<Object, Object>() {
                @Override
                public Object serialize(Object value) {
                    return value;
                }

                @Override
                public Object parseValue(Object input) {
                    if (input instanceof Map || input instanceof Collection) {
                        throw new CoercingParseValueException("Not scalar kind");
                    }
                    return input instanceof BigInteger b ? b.longValueExact()
                            : input instanceof BigDecimal d ? d.doubleValue() : input;
                }

                @Override
                public Object parseLiteral(Object input) {
                    if (input instanceof IntValue i) {
                        return i.getValue().longValueExact();
                    }
                    if (input instanceof FloatValue f) {
                        return f.getValue().doubleValue();
                    }
                    if (input instanceof StringValue s) {
                        return s.getValue();
                    }
                    if (input instanceof BooleanValue b) {
                        return b.isValue();
                    }
                    if (input instanceof NullValue) {
                        return null;
                    }
                    throw new CoercingParseLiteralException("Not scalar kind");
                }
            })
            .build();

    private TdgScalars() {
    }

    static long toLong(Object input) {
        if (input instanceof Long || input instanceof Integer || input instanceof Short) {
            return ((Number) input).longValue();
        }
        if (input instanceof BigInteger b) {
            return b.longValueExact();
        }
        if (input instanceof BigDecimal d) {
            return d.longValueExact();
        }
        if (input instanceof String s && s.strip().matches("-?[0-9]{1,19}")) {
            return Long.parseLong(s.strip());
        }
        throw new IllegalArgumentException("not a Long");
    }
}
