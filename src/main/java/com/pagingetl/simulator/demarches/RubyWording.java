package com.pagingetl.simulator.demarches;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import graphql.ErrorType;
import graphql.GraphQLError;
import graphql.language.SourceLocation;

/**
 * Rewrites graphql-java's parse and validation errors in graphql-ruby's words, as the real server (Rails +
 * graphql-ruby) writes them: unknown fields and arguments with their {@code extensions.code}, syntax errors
 * as "Parse error on ...". Other errors keep their message. Stateless.
 */
final class RubyWording {

    private static final Pattern UNKNOWN_FIELD = Pattern.compile("Field '(.+)' in type '(.+)' is undefined");
    private static final Pattern UNKNOWN_ARGUMENT = Pattern.compile("\\(UnknownArgument@\\[(?:.*/)?([^/\\]]+)\\]\\)"
            + " : Unknown field argument '(.+)'");
    private static final Pattern OFFENDING_TOKEN = Pattern.compile("(?i)offending token '(.*)' at line");
    private static final Map<String, String> TOKENS = Map.of("}", "RCURLY", "{", "LCURLY", ")", "RPAREN",
            "(", "LPAREN", ":", "COLON", "$", "VAR_SIGN", "!", "BANG", "[", "LBRACKET", "]", "RBRACKET", "=", "EQUALS");

    private RubyWording() {
    }

    /** The error's {@code message} and, where graphql-ruby gives one, {@code extensions}. */
    static Map<String, Object> of(GraphQLError error) {
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
