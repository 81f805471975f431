package com.pagingetl.jobs.demarches;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import graphql.validation.ValidationError;
import graphql.validation.Validator;

import com.pagingetl.launch.UsageException;

class QueryDocumentTests {

    /** The simulator's subset of the real schema, as packaged from sample-data/demarches/. */
    private static GraphQLSchema simulatorSchema() throws IOException {
        try (InputStream in = QueryDocumentTests.class.getResourceAsStream("/sample-data/demarches/schema.graphqls")) {
            assertThat(in).as("simulator SDL on the classpath").isNotNull();
            return UnExecutableSchemaGenerator.makeUnExecutableSchema(
                    new SchemaParser().parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        }
    }

    @Test
    void everyShippedDocumentValidatesAgainstTheApiSchema() throws IOException {
        GraphQLSchema schema = simulatorSchema();
        for (String name : List.of(DemarchesDocuments.DOSSIERS, DemarchesDocuments.DELETED)) {
            QueryDocument document = QueryDocument.load("test", null, name);

            List<ValidationError> errors = new Validator().validateDocument(schema, Parser.parse(document.text()), Locale.ENGLISH);

            assertThat(errors).as(name).isEmpty();
        }
    }

    @Test
    void theValidationCatchesAFieldTheSchemaDoesNotHave() throws IOException {
        String text = QueryDocument.load("test", null, DemarchesDocuments.DOSSIERS).text().replace("dateTraitement", "dateTraitment");

        assertThat(new Validator().validateDocument(simulatorSchema(), Parser.parse(text), Locale.ENGLISH)).isNotEmpty();
    }

    @Test
    void theShippedDocumentsHaveTheShapeTheJobReads() {
        QueryDocument.load("test", null, DemarchesDocuments.DOSSIERS).check(Connection.DOSSIERS);
        QueryDocument.load("test", null, DemarchesDocuments.DELETED).check(Connection.PENDING_DELETED).check(Connection.DELETED);
    }

    @Test
    void aUserFileOverridesTheShippedDocument(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("mine.graphql");
        Files.writeString(file, QueryDocument.load("test", null, DemarchesDocuments.DOSSIERS).text()
                .replaceAll("(?s)champs \\{.*?\\}\\s*annotations \\{.*?\\}", ""));

        QueryDocument document = QueryDocument.load("etl.jobs.demarches-dossiers.dossiers-query", file.toString(), DemarchesDocuments.DOSSIERS)
                .check(Connection.DOSSIERS);

        assertThat(document.text()).doesNotContain("champs {").contains("dateDepot");
    }

    @Test
    void aMissingFileNamesTheProperty() {
        assertThatThrownBy(() -> QueryDocument.load("etl.jobs.demarches-dossiers.dossiers-query", "/nonexistent/q.graphql", "x"))
                .isInstanceOf(UsageException.class)
                .hasMessageStartingWith("etl.jobs.demarches-dossiers.dossiers-query=/nonexistent/q.graphql cannot be read");
    }

    @Test
    void documentsWithoutTheShapeTheJobReadsAreRefusedAtStartUp() {
        String good = QueryDocument.load("test", null, DemarchesDocuments.DOSSIERS).text();
        assertThatThrownBy(() -> QueryDocument.of("f", good.replace("cursor\n", "")).check(Connection.DOSSIERS))
                .hasMessageContaining("must select demarche.dossiers.edges.cursor");
        assertThatThrownBy(() -> QueryDocument.of("f", good.replace("edges {", "list: edges {")).check(Connection.DOSSIERS))
                .hasMessageContaining("must select demarche.dossiers.edges without an alias");
        assertThatThrownBy(() -> QueryDocument.of("f", good.replace("after: $after, ", "")).check(Connection.DOSSIERS))
                .hasMessageContaining("must pass after: $after to demarche.dossiers");
        assertThatThrownBy(() -> QueryDocument.of("f", good.replace("getDemarcheDossiers", "getDemarche")).check(Connection.DOSSIERS))
                .hasMessageContaining("has no operation named getDemarcheDossiers");
        assertThatThrownBy(() -> QueryDocument.of("f", good.replace("endCursor", "startCursor")).check(Connection.DOSSIERS))
                .hasMessageContaining("must select demarche.dossiers.pageInfo.endCursor");
        assertThatThrownBy(() -> QueryDocument.of("f", "query { demarche(")).isInstanceOf(UsageException.class)
                .hasMessageStartingWith("f is not valid GraphQL");
    }
}
