package com.pagingetl.jobs.demarches;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import graphql.language.Argument;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.language.SelectionSet;
import graphql.language.VariableDefinition;
import graphql.language.VariableReference;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;

import com.pagingetl.launch.UsageException;

/**
 * A GraphQL document the job sends as is: the shipped one under {@code jobs/demarchesDossiers/} on the
 * classpath, or the user's file named by a property. Checked once at start-up: it must parse and each
 * operation the job runs must read {@code demarche(number: $demarcheNumber) { <connection>(first: $first,
 * after: $after, <since>: $<since>) { pageInfo { hasNextPage endCursor } edges { cursor node { ... } } } }}
 * without aliases on that path, since the job reads the response at those names. Field choice under
 * {@code node} is the user's; the API validates it. Immutable and thread-safe.
 */
final class QueryDocument {

    static final String CLASSPATH_DIR = "jobs/demarchesDossiers/";

    private final String source;
    private final String text;
    private final Document document;

    private QueryDocument(String source, String text) {
        this.source = source;
        this.text = text;
        try {
            this.document = Parser.parse(text);
        } catch (InvalidSyntaxException e) {
            throw new UsageException(source + " is not valid GraphQL: " + e.getMessage().replaceAll("\\s+", " "));
        }
    }

    /**
     * @param property     the property that may name a file to use instead ("etl.jobs.demarches-dossiers.dossiers-query")
     * @param overridePath its value, blank for the shipped document
     * @param shippedName  the shipped document's file name under {@link #CLASSPATH_DIR}
     */
    static QueryDocument load(String property, String overridePath, String shippedName) {
        if (overridePath != null && !overridePath.isBlank()) {
            Path path = Path.of(overridePath.trim());
            try {
                return new QueryDocument(property + "=" + path, Files.readString(path, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UsageException(property + "=" + path + " cannot be read: " + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : " " + e.getMessage()));
            }
        }
        String resource = CLASSPATH_DIR + shippedName;
        try (InputStream in = QueryDocument.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new UsageException("the shipped GraphQL document " + resource + " is missing from the classpath");
            }
            return new QueryDocument(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UsageException("the shipped GraphQL document " + resource + " cannot be read: " + e.getMessage());
        }
    }

    static QueryDocument of(String source, String text) {
        return new QueryDocument(source, text);
    }

    String text() {
        return text;
    }

    String source() {
        return source;
    }

    /** Checks that the operation reading {@code connection} has the shape the job relies on. */
    QueryDocument check(Connection connection) {
        String op = connection.operation;
        OperationDefinition operation = document.getDefinitionsOfType(OperationDefinition.class).stream()
                .filter(o -> op.equals(o.getName())).findFirst()
                .orElseThrow(() -> invalid("has no operation named " + op));
        if (operation.getOperation() != OperationDefinition.Operation.QUERY) {
            throw invalid("operation " + op + " must be a query");
        }
        Set<String> declared = operation.getVariableDefinitions().stream().map(VariableDefinition::getName)
                .collect(Collectors.toSet());
        for (String variable : List.of("demarcheNumber", "first", "after", connection.sinceVariable)) {
            if (!declared.contains(variable)) {
                throw invalid("operation " + op + " must declare $" + variable + " (the job fills demarcheNumber, first, after and "
                        + connection.sinceVariable + ")");
            }
        }
        Field demarche = field(op, operation.getSelectionSet(), "demarche", "");
        requireVariable(op, demarche, "number", "demarcheNumber", "demarche");
        Field connectionField = field(op, demarche.getSelectionSet(), connection.field, "demarche.");
        String at = "demarche." + connection.field;
        requireVariable(op, connectionField, "first", "first", at);
        requireVariable(op, connectionField, "after", "after", at);
        requireVariable(op, connectionField, connection.sinceVariable, connection.sinceVariable, at);
        Field pageInfo = field(op, connectionField.getSelectionSet(), "pageInfo", at + ".");
        field(op, pageInfo.getSelectionSet(), "hasNextPage", at + ".pageInfo.");
        field(op, pageInfo.getSelectionSet(), "endCursor", at + ".pageInfo.");
        Field edges = field(op, connectionField.getSelectionSet(), "edges", at + ".");
        field(op, edges.getSelectionSet(), "cursor", at + ".edges.");
        Field node = field(op, edges.getSelectionSet(), "node", at + ".edges.");
        if (node.getSelectionSet() == null || node.getSelectionSet().getSelections().isEmpty()) {
            throw invalid("operation " + op + " selects no field under " + at + ".edges.node");
        }
        return this;
    }

    private Field field(String op, SelectionSet selections, String name, String parentPath) {
        List<Field> fields = selections == null ? List.of() : selections.getSelectionsOfType(Field.class).stream()
                .filter(f -> name.equals(f.getName())).toList();
        Optional<Field> plain = fields.stream().filter(f -> f.getAlias() == null || f.getAlias().equals(name)).findFirst();
        if (plain.isPresent()) {
            return plain.get();
        }
        throw invalid("operation " + op + " must select " + parentPath + name
                + (fields.isEmpty() ? "" : " without an alias") + ": the job reads the response there");
    }

    private void requireVariable(String op, Field field, String argument, String variable, String at) {
        Optional<Argument> arg = field.getArguments().stream().filter(a -> argument.equals(a.getName())).findFirst();
        if (arg.isEmpty() || !(arg.get().getValue() instanceof VariableReference ref) || !ref.getName().equals(variable)) {
            throw invalid("operation " + op + " must pass " + argument + ": $" + variable + " to " + at);
        }
    }

    private UsageException invalid(String problem) {
        return new UsageException("GraphQL document " + source + " " + problem);
    }
}
