package com.pagingetl.simulator.demarches;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import graphql.ErrorType;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.DataFetcherExceptionHandlerResult;
import graphql.language.SourceLocation;

/**
 * A GraphQL result as the real server (Rails + graphql-ruby) writes it: {@link ApiError}s become {@code errors[]}
 * entries with {@code extensions.code}, like {@code GraphQL::ExecutionError}; graphql-java's parse and validation
 * errors are reworded: unknown fields and arguments with their {@code extensions.code}, syntax errors as "Parse
 * error on ...". Other errors keep their message. Stateless.
 */
final class RubyWording {

    /** Turns a fetcher's exception into a located, pathed error carrying the API's error code. */
    static final DataFetcherExceptionHandler API_ERRORS = p -> {
        Map<String, Object> extensions = new LinkedHashMap<>();
        String message;
        if (p.getException() instanceof ApiError api) {
            message = api.getMessage();
            extensions.put("code", api.code());
        } else {
            message = "Internal server error";
            extensions.put("code", "internal_server_error");
            extensions.put("exception_id", UUID.randomUUID().toString());
        }
        GraphQLError error = GraphqlErrorBuilder.newError().message(message).path(p.getPath())
                .locations(p.getSourceLocation() == null ? List.of() : List.of(p.getSourceLocation()))
                .extensions(extensions).build();
        return CompletableFuture.completedFuture(DataFetcherExceptionHandlerResult.newResult(error).build());
    };

    private static final Pattern UNKNOWN_FIELD = Pattern.compile("Field '(.+)' in type '(.+)' is undefined");
    private static final Pattern UNKNOWN_ARGUMENT = Pattern.compile("\\(UnknownArgument@\\[(?:.*/)?([^/\\]]+)\\]\\)"
            + " : Unknown field argument '(.+)'");
    private static final Pattern OFFENDING_TOKEN = Pattern.compile("(?i)offending token '(.*)' at line");
    private static final Map<String, String> TOKENS = Map.of("}", "RCURLY", "{", "LCURLY", ")", "RPAREN",
            "(", "LPAREN", ":", "COLON", "$", "VAR_SIGN", "!", "BANG", "[", "LBRACKET", "]", "RBRACKET", "=", "EQUALS");

    private RubyWording() {
    }

    /** The body of an executed request: {@code errors} (when any) then {@code data} (when present). */
    static Map<String, Object> answer(ExecutionResult result) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (!result.getErrors().isEmpty()) {
            List<Map<String, Object>> errors = new ArrayList<>();
            for (GraphQLError error : result.getErrors()) {
                Map<String, Object> wording = of(error);
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("message", wording.get("message"));
                if (error.getLocations() != null && !error.getLocations().isEmpty()) {
                    e.put("locations", error.getLocations().stream()
                            .map(l -> Map.of("line", l.getLine(), "column", l.getColumn())).toList());
                }
                if (error.getPath() != null) {
                    e.put("path", error.getPath());
                }
                if (wording.containsKey("extensions")) {
                    e.put("extensions", wording.get("extensions"));
                } else if (error.getExtensions() != null && error.getExtensions().containsKey("code")) {
                    e.put("extensions", error.getExtensions());
                }
                errors.add(e);
            }
            out.put("errors", errors);
        }
        if (result.isDataPresent()) {
            out.put("data", result.getData());
        }
        return out;
    }

    /** The error's {@code message} and, where graphql-ruby gives one, {@code extensions}. */
    private static Map<String, Object> of(GraphQLError error) {
        Map<String, Object> out = new LinkedHashMap<>();
        String message = error.getMessage();
        Matcher field = UNKNOWN_FIELD.matcher(message);
        Matcher argument = UNKNOWN_ARGUMENT.matcher(message);
        if (error.getErrorType() == ErrorType.ValidationError && field.find()) {
            out.put("message", "Field '" + field.group(1) + "' doesn't exist on type '" + field.group(2) + "'");
            out.put("extensions", Map.of("code", "undefinedField", "typeName", field.group(2), "fieldName", field.group(1)));
        } else if (error.getErrorType() == ErrorType.ValidationError && argument.find()) {
            out.put("message", "Field '" + argument.group(1) + "' doesn't accept argument '" + argument.group(2) + "'");
            out.put("extensions", Map.of("code", "argumentNotAccepted", "name", argument.group(1), "typeName", "Field",
                    "argumentName", argument.group(2)));
        } else if (error.getErrorType() == ErrorType.InvalidSyntax) {
            out.put("message", parseError(message, error.getLocations()));
        } else {
            out.put("message", message);
        }
        return out;
    }

    private static String parseError(String message, List<SourceLocation> locations) {
        Matcher token = OFFENDING_TOKEN.matcher(message);
        String text = token.find() ? token.group(1) : null;
        if (text == null || text.equals("<EOF>")) {
            return "Unexpected end of document";
        }
        String at = locations == null || locations.isEmpty() ? ""
                : " at [" + locations.get(0).getLine() + ", " + locations.get(0).getColumn() + "]";
        String kind = TOKENS.getOrDefault(text, text.matches("[_A-Za-z][_0-9A-Za-z]*") ? "IDENTIFIER" : "UNKNOWN_CHAR");
        return "Parse error on \"" + text + "\" (" + kind + ")" + at;
    }
}
