package com.pagingetl.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reference clients' byte scanner and line writer on the JSON shapes that would trip a naive one. */
class JsonBytesTests {

    private static final byte[] BODY = """
            { "data" : { "skip" : {"a": [1, {"b": "}]\\\\\\""}]},
              "list" : [ {"x": "a b", "cursor": "c\\"1"} , {"x" : 2, "cursor": "c2"} ],
              "none": null, "n": 42 } }
            """.getBytes(StandardCharsets.UTF_8);

    @Test
    void findsMembersPastNestedValuesWithBracketsAndEscapesInStrings() {
        int list = JsonBytes.path(BODY, "data", "list");
        List<String> cursors = new ArrayList<>();
        JsonBytes.elements(BODY, list, (s, e) -> cursors.add(JsonBytes.text(BODY, JsonBytes.member(BODY, s, "cursor"))));

        assertThat(cursors).containsExactly("c\"1", "c2");
        assertThat(JsonBytes.text(BODY, JsonBytes.path(BODY, "data", "n"))).isEqualTo("42");
        assertThat(JsonBytes.path(BODY, "data", "absent")).isEqualTo(-1);
    }

    @Test
    void aNullArrayHasNoElements() {
        List<Integer> starts = new ArrayList<>();
        JsonBytes.elements(BODY, JsonBytes.path(BODY, "data", "none"), (s, e) -> starts.add(s));
        assertThat(starts).isEmpty();
    }

    @Test
    void writesEachRecordOnOneLineWithWhitespaceOutsideStringsRemoved(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("out.jsonl.gz");
        try (GzipLines out = new GzipLines(file)) {
            JsonBytes.elements(BODY, JsonBytes.path(BODY, "data", "list"), (s, e) -> {
                try {
                    out.write(BODY, s, e);
                } catch (IOException io) {
                    throw new java.io.UncheckedIOException(io);
                }
            });
        }
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .isEqualTo("{\"x\":\"a b\",\"cursor\":\"c\\\"1\"}\n{\"x\":2,\"cursor\":\"c2\"}\n");
        }
    }
}
