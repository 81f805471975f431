package com.pagingetl.jobs.tdg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.pagingetl.launch.UsageException;

class FieldSelectionTests {

    @Test
    void aSelectionSetWithCommentsKeepsItsFieldsInOrder() {
        // when
        FieldSelection s = FieldSelection.parse("Country", "# Country fields\n{\n  title  # the name\n  phone_code,\n}\n");

        // then
        assertThat(s.fields()).containsExactly("title", "phone_code");
        assertThat(s.text()).isEqualTo("title phone_code");
    }

    @Test
    void bareFieldNamesOneALineAreASelection() {
        assertThat(FieldSelection.parse("Country", "title\nphone_code\n").fields()).containsExactly("title", "phone_code");
    }

    @Test
    void aWholeQueryDocumentGivesTheTypesInnerSelection() {
        // when
        FieldSelection s = FieldSelection.parse("Country",
                "query Q { Country(title: \"Russia\", first: 5) { title phone_code region { name } } }");

        // then nested selections pass through, the document's own arguments do not
        assertThat(s.fields()).containsExactly("title", "phone_code", "region");
        assertThat(s.text()).isEqualTo("title phone_code region { name }");
    }

    @Test
    void cursorVersionAndTheUpdateFieldAreAddedWhenMissing() {
        // when
        FieldSelection s = FieldSelection.parse("Account", "{ account_id version }").withRequired("updated_at");

        // then
        assertThat(s.fields()).containsExactly("account_id", "version", "cursor", "updated_at");
        assertThat(s.text()).isEqualTo("account_id version cursor updated_at");
    }

    @Test
    void unbalancedBracesAndEmptySelectionsAreRefused() {
        assertThatThrownBy(() -> FieldSelection.parse("Country", "{ title { name }")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FieldSelection.parse("Country", "# nothing\n{ }")).hasMessageContaining("names no field");
    }

    @Test
    void bareNamesWithAnUnclosedBraceAreRefusedRatherThanCompleted() {
        assertThatThrownBy(() -> FieldSelection.parse("Country", "title\nregion { name\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a GraphQL selection");
    }

    @Test
    void aFragmentOnTheTypeGivesItsSelectionWithArgumentsAndAliasesAsWritten() {
        FieldSelection s = FieldSelection.parse("Country", "fragment F on Country { name: title, region(lang: \"ru#1\") { name } }");

        assertThat(s.fields()).containsExactly("title", "region");
        assertThat(s.text()).isEqualTo("name: title region(lang: \"ru#1\") { name }");
    }

    @Test
    void theOperatorFolderShipsTheSimulatorTypesOnTheClasspath() {
        // when
        FieldSelection country = FieldSelection.load("Country", null, null);

        // then
        assertThat(country.fields()).containsExactly("title", "phone_code", "cursor", "version");
    }

    @Test
    void aTypeWithoutFieldListIsAUsageErrorSayingWhereToPutIt() {
        assertThatThrownBy(() -> FieldSelection.load("Planet", null, null))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("jobs/tdgVersions/Planet.graphql")
                .hasMessageContaining("etl.jobs.tdg-versions.fields-file");
    }

    @Test
    void aFieldsFilePropertyWinsOverTheClasspath(@TempDir Path dir) throws Exception {
        // given
        Path file = dir.resolve("country.graphql");
        Files.writeString(file, "{ title }");

        // when / then
        assertThat(FieldSelection.load("Country", file, null).text()).isEqualTo("title cursor version");
        assertThatThrownBy(() -> FieldSelection.load("Country", dir.resolve("missing.graphql"), null))
                .isInstanceOf(UsageException.class).hasMessageContaining("etl.jobs.tdg-versions.fields-file=");
    }
}
