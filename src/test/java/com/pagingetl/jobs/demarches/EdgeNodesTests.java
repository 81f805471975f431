package com.pagingetl.jobs.demarches;

import static com.pagingetl.testing.Utf8.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import com.pagingetl.paging.JsonRecords;

/** {@link JsonRecords#connection} as this job uses it: the nodes and cursors of a connection's edges, and its pageInfo. */
class EdgeNodesTests {

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void cutsEachNodeExactlyAsWrittenWhateverTheMemberOrder() {
        String body = "{\"data\":{\"demarche\":{\"dossiers\":{\"edges\":[\n"
                + "  {\"cursor\":\"YQ\", \"node\": {\"number\": 12345678901234567890, \"v\": 1.50, \"s\": \"a \\\"b\\\" é\"}},\n"
                + "  {\"node\":{\"number\":2,\"champs\":[{\"x\":null}]},\"cursor\":\"Yg\",\"extra\":{\"y\":[1,2]}},\n"
                + "  {\"cursor\":\"Yw\",\"node\":null}]}}}}";

        JsonRecords.Connection connection = JsonRecords.connection(bytes(body), "/data/demarche/dossiers");
        assertThat(text(connection.nodes())).containsExactly(
                "{\"number\":12345678901234567890,\"v\":1.50,\"s\":\"a \\\"b\\\" é\"}",
                "{\"number\":2,\"champs\":[{\"x\":null}]}",
                "null");
        assertThat(connection.cursors()).containsExactly("YQ", "Yg", "Yw");
        assertThat(connection.hasNextPage()).isFalse();
        assertThat(connection.endCursor()).isNull();
    }

    @Test
    void nullOrAbsentEdgesAreEmptyAndAnEdgeWithoutTheMemberIsAnError() {
        assertThat(JsonRecords.connection(bytes("{\"data\":{\"demarche\":{\"dossiers\":{\"edges\":null}}}}"),
                "/data/demarche/dossiers").nodes()).isEmpty();
        assertThat(JsonRecords.connection(bytes("{\"data\":null}"), "/data/demarche/dossiers")).isNull();
        assertThat(JsonRecords.connection(bytes("{\"c\":null}"), "/c")).isNull();
        assertThatThrownBy(() -> JsonRecords.connection(bytes("{\"c\":{\"edges\":[{\"cursor\":\"a\"}]}}"), "/c"))
                .hasMessageContaining("element 0 of '/c/edges' has no 'node'");
        assertThatThrownBy(() -> JsonRecords.connection(bytes("{\"c\":{\"edges\":[1]}}"), "/c"))
                .hasMessageContaining("element 0 of '/c/edges' is not an object");
        assertThatThrownBy(() -> JsonRecords.connection(bytes("{\"c\":\"x\"}"), "/c"))
                .hasMessageContaining("expected an object at '/c'");
    }

    @Test
    void readsPageInfoAndCursorsThatAreNotStringsAsAbsent() {
        String body = "{\"c\":{\"pageInfo\":{\"endCursor\":\"Zg\",\"hasNextPage\":true},"
                + "\"edges\":[{\"cursor\":7,\"node\":{}},{\"node\":{\"a\":1}}]}}";

        JsonRecords.Connection connection = JsonRecords.connection(bytes(body), "/c");

        assertThat(connection.hasNextPage()).isTrue();
        assertThat(connection.endCursor()).isEqualTo("Zg");
        assertThat(connection.cursors()).containsExactly(null, null);
        assertThat(text(connection.nodes())).containsExactly("{}", "{\"a\":1}");
    }
}
