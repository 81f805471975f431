package com.pagingetl.jobs.demarches;

import static com.pagingetl.testing.Utf8.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import com.pagingetl.paging.JsonRecords;

/** {@link JsonRecords#arrayElementMembers} as this job uses it: the nodes of a connection's edges. */
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

        assertThat(text(JsonRecords.arrayElementMembers(bytes(body), "/data/demarche/dossiers/edges", "node"))).containsExactly(
                "{\"number\":12345678901234567890,\"v\":1.50,\"s\":\"a \\\"b\\\" é\"}",
                "{\"number\":2,\"champs\":[{\"x\":null}]}",
                "null");
        assertThat(text(JsonRecords.arrayElementMembers(bytes(body), "/data/demarche/dossiers/edges", "cursor")))
                .containsExactly("\"YQ\"", "\"Yg\"", "\"Yw\"");
    }

    @Test
    void nullOrAbsentEdgesAreEmptyAndAnEdgeWithoutTheMemberIsAnError() {
        assertThat(JsonRecords.arrayElementMembers(bytes("{\"data\":{\"demarche\":{\"dossiers\":{\"edges\":null}}}}"),
                "/data/demarche/dossiers/edges", "node")).isEmpty();
        assertThat(JsonRecords.arrayElementMembers(bytes("{\"data\":null}"), "/data/demarche/dossiers/edges", "node")).isEmpty();
        assertThatThrownBy(() -> JsonRecords.arrayElementMembers(bytes("{\"e\":[{\"cursor\":\"a\"}]}"), "/e", "node"))
                .hasMessageContaining("element 0 of '/e' has no 'node'");
    }
}
