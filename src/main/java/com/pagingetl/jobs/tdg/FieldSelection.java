package com.pagingetl.jobs.tdg;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.pagingetl.launch.UsageException;

/**
 * The fields a run exports, from a GraphQL file: either a selection set ({@code { title phone_code }}, or
 * the names alone, one per line) or a whole query document ({@code query { Country { title } }}), whose
 * field arguments are ignored because the job supplies its own. {@code #} starts a comment. The job adds
 * {@code cursor} (paging), {@code version} and the type's update-time field when the file lacks them.
 *
 * <p>The file is {@code jobs/tdgVersions/<Type>.graphql} on the classpath (the jar packages the operator
 * folder), or the file named by {@code etl.jobs.tdg-versions.fields-file}. Immutable.
 *
 * @param text the selection set to send, without its outer braces
 * @param fields the top-level field names, in order
 */
record FieldSelection(String text, List<String> fields) {

    static final String RESOURCE_DIR = "jobs/tdgVersions/";

    /** Loads the selection for {@code type}; a missing or unreadable file is a usage error naming where it was looked for. */
    static FieldSelection load(String type, Path fieldsFile, String updateField) {
        String source;
        String where;
        if (fieldsFile != null) {
            where = "etl.jobs.tdg-versions.fields-file=" + fieldsFile;
            try {
                source = Files.readString(fieldsFile, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UsageException(where + " cannot be read: " + e.getMessage());
            }
        } else {
            where = "classpath:" + RESOURCE_DIR + type + ".graphql";
            try (InputStream in = FieldSelection.class.getClassLoader().getResourceAsStream(RESOURCE_DIR + type + ".graphql")) {
                if (in == null) {
                    throw new UsageException("no field list for type " + type + ": add jobs/tdgVersions/" + type
                            + ".graphql (a selection set such as { title phone_code }) or set etl.jobs.tdg-versions.fields-file");
                }
                source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UsageException(where + " cannot be read: " + e.getMessage());
            }
        }
        try {
            return parse(type, source).withRequired(updateField);
        } catch (IllegalArgumentException e) {
            throw new UsageException(where + ": " + e.getMessage());
        }
    }

    static FieldSelection parse(String type, String source) {
        List<String> tokens = tokens(source);
        if (!tokens.isEmpty() && (tokens.get(0).equals("query") || tokens.get(0).equals("fragment"))) {
            int brace = tokens.indexOf("{");
            if (brace < 0) {
                throw new IllegalArgumentException("the query document has no selection set");
            }
            tokens = tokens.subList(brace, tokens.size());
        }
        tokens = unwrap(tokens);
        // A document selecting the type itself: keep its inner selection.
        if (!tokens.isEmpty() && tokens.get(0).equals(type)) {
            int i = 1;
            if (i < tokens.size() && tokens.get(i).equals("(")) {
                i = skipGroup(tokens, i, "(", ")");
            }
            if (i < tokens.size() && tokens.get(i).equals("{") && skipGroup(tokens, i, "{", "}") == tokens.size()) {
                tokens = unwrap(tokens.subList(i, tokens.size()));
            }
        }
        List<String> fields = topLevelFields(tokens);
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("the selection names no field");
        }
        return new FieldSelection(String.join(" ", tokens), fields);
    }

    /** This selection plus {@code cursor}, {@code version} and the update field when missing. */
    FieldSelection withRequired(String updateField) {
        Set<String> missing = new LinkedHashSet<>();
        missing.add("cursor");
        missing.add("version");
        if (updateField != null) {
            missing.add(updateField);
        }
        missing.removeAll(fields);
        if (missing.isEmpty()) {
            return this;
        }
        List<String> all = new ArrayList<>(fields);
        all.addAll(missing);
        return new FieldSelection(text + " " + String.join(" ", missing), all);
    }

    private static List<String> unwrap(List<String> tokens) {
        if (tokens.size() >= 2 && tokens.get(0).equals("{") && skipGroup(tokens, 0, "{", "}") == tokens.size()) {
            return tokens.subList(1, tokens.size() - 1);
        }
        return tokens;
    }

    /** Index just after the group opened at {@code start}. */
    private static int skipGroup(List<String> tokens, int start, String open, String close) {
        int depth = 0;
        for (int i = start; i < tokens.size(); i++) {
            if (tokens.get(i).equals(open)) {
                depth++;
            } else if (tokens.get(i).equals(close) && --depth == 0) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("'" + open + "' without its '" + close + "'");
    }

    private static List<String> topLevelFields(List<String> tokens) {
        List<String> fields = new ArrayList<>();
        int depth = 0;
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i);
            switch (t) {
                case "{", "(" -> depth++;
                case "}", ")" -> {
                    if (--depth < 0) {
                        throw new IllegalArgumentException("unbalanced '" + t + "'");
                    }
                }
                default -> {
                    boolean alias = i + 1 < tokens.size() && tokens.get(i + 1).equals(":");
                    if (depth == 0 && !alias && (Character.isLetter(t.charAt(0)) || t.charAt(0) == '_')) {
                        fields.add(t);
                    }
                }
            }
        }
        if (depth != 0) {
            throw new IllegalArgumentException("unbalanced braces or parentheses");
        }
        return fields;
    }

    /** GraphQL lexical tokens: names, punctuators and strings; comments and commas dropped. */
    static List<String> tokens(String source) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (c == '#') {
                while (i < n && source.charAt(i) != '\n') {
                    i++;
                }
            } else if (Character.isWhitespace(c) || c == ',' || c == '\uFEFF') {
                i++;
            } else if (c == '"') {
                int start = i++;
                while (i < n && source.charAt(i) != '"') {
                    i += source.charAt(i) == '\\' ? 2 : 1;
                }
                if (i >= n) {
                    throw new IllegalArgumentException("unterminated string");
                }
                tokens.add(source.substring(start, ++i));
            } else if (Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.') {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(source.charAt(i)) || "_-.".indexOf(source.charAt(i)) >= 0)) {
                    i++;
                }
                tokens.add(source.substring(start, i));
            } else if ("{}():!$@=[]".indexOf(c) >= 0) {
                tokens.add(String.valueOf(c));
                i++;
            } else {
                throw new IllegalArgumentException("unexpected character '" + c + "'");
            }
        }
        return tokens;
    }
}
