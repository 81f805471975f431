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
import java.util.stream.Collectors;

import graphql.language.AstPrinter;
import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;

import com.pagingetl.launch.UsageException;

/**
 * The fields a run exports, from a GraphQL file: either a selection set ({@code { title phone_code }}, or
 * the names alone, one per line) or a whole query document ({@code query { Country { title } }}), whose
 * field arguments are ignored because the job supplies its own. {@code #} starts a comment. The job adds
 * {@code cursor} (paging), {@code version} and the type's update-time field when the file lacks them.
 * graphql-java's parser reads the file (as {@code QueryDocument} does for demarchesDossiers); it is loaded only
 * by tdgVersions commands.
 *
 * <p>The file is {@code jobs/tdgVersions/<Type>.graphql} on the classpath (the jar packages the jobs' GraphQL
 * files), or the file named by {@code etl.jobs.tdg-versions.fields-file}. Immutable.
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
        SelectionSet selection = selectionOf(document(source));
        // A document selecting the type itself: keep its inner selection.
        if (selection.getSelections().size() == 1 && selection.getSelections().get(0) instanceof Field only
                && only.getName().equals(type) && only.getSelectionSet() != null) {
            selection = only.getSelectionSet();
        }
        List<String> fields = selection.getSelections().stream().filter(Field.class::isInstance)
                .map(f -> ((Field) f).getName()).toList();
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("the selection names no field");
        }
        return new FieldSelection(print(selection), fields);
    }

    /**
     * The source as a GraphQL document: a selection set or a query document as it is, bare field names (no
     * outer braces) inside braces. graphql-java's parser does the lexing (comments, strings, commas).
     */
    private static Document document(String source) {
        String code = source.replaceAll("#[^\\n]*", "");
        if (code.replaceAll("[\\s,{}\\uFEFF]", "").isEmpty()) {
            throw new IllegalArgumentException("the selection names no field");
        }
        try {
            return Parser.parse(source);
        } catch (InvalidSyntaxException e) {
            boolean bare = !code.strip().startsWith("{") && count(code, '{') == count(code, '}');
            if (bare) {
                try {
                    return Parser.parse("{\n" + source + "\n}");
                } catch (InvalidSyntaxException ignored) {
                    // report the error of the text as written
                }
            }
            throw new IllegalArgumentException("not a GraphQL selection: " + e.getMessage().replaceAll("\\s+", " "));
        }
    }

    private static long count(String text, char c) {
        return text.chars().filter(x -> x == c).count();
    }

    /** The selection of the document's first operation or fragment; the job supplies its own arguments. */
    private static SelectionSet selectionOf(Document document) {
        for (Definition<?> definition : document.getDefinitions()) {
            if (definition instanceof OperationDefinition operation) {
                return operation.getSelectionSet();
            }
            if (definition instanceof FragmentDefinition fragment) {
                return fragment.getSelectionSet();
            }
        }
        throw new IllegalArgumentException("the document has no selection set");
    }

    /** One line: {@code title phone_code region { name }}. */
    private static String print(SelectionSet selection) {
        return selection.getSelections().stream().map(FieldSelection::print).collect(Collectors.joining(" "));
    }

    private static String print(Selection<?> selection) {
        if (!(selection instanceof Field field)) {
            return AstPrinter.printAstCompact(selection);
        }
        StringBuilder sb = new StringBuilder();
        if (field.getAlias() != null) {
            sb.append(field.getAlias()).append(": ");
        }
        sb.append(field.getName());
        if (!field.getArguments().isEmpty()) {
            sb.append(field.getArguments().stream().map(a -> a.getName() + ": " + AstPrinter.printAstCompact(a.getValue()))
                    .collect(Collectors.joining(", ", "(", ")")));
        }
        field.getDirectives().forEach(d -> sb.append(' ').append(AstPrinter.printAstCompact(d)));
        if (field.getSelectionSet() != null) {
            sb.append(" { ").append(print(field.getSelectionSet())).append(" }");
        }
        return sb.toString();
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
}
