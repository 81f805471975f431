package com.pagingetl.paging;

import static com.pagingetl.testing.Utf8.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonRecordsTests {

    private static byte[] json(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void arrayElementsAtANestedPath() {
        byte[] body = json("{\"data\":{\"demarche\":{\"id\":7,\"dossiers\":{\"pageInfo\":{\"hasNextPage\":true},"
                + "\"nodes\":[{\"id\":1,\"n\":{\"x\":[1,2]}},{\"id\":2}]}}}}");

        assertThat(text(JsonRecords.arrayElements(body, "/data/demarche/dossiers/nodes")))
                .containsExactly("{\"id\":1,\"n\":{\"x\":[1,2]}}", "{\"id\":2}");
    }

    @Test
    void arrayAtTheRoot() {
        assertThat(text(JsonRecords.arrayElements(json(" [ {\"a\" : 1} , {\"b\":2} ] "), "")))
                .containsExactly("{\"a\":1}", "{\"b\":2}");
    }

    @Test
    void objectValuesInDocumentOrder() {
        byte[] body = json("{\"123\":{\"property_id\":\"123\",\"name\":\"A\"},\"45\":{\"property_id\":\"45\"},"
                + "\"9\":{\"property_id\":\"9\"}}");

        assertThat(text(JsonRecords.objectMembers(body, "").values()))
                .containsExactly("{\"property_id\":\"123\",\"name\":\"A\"}", "{\"property_id\":\"45\"}",
                        "{\"property_id\":\"9\"}");
    }

    @Test
    void objectValuesAtAPath() {
        assertThat(text(JsonRecords.objectMembers(json("{\"meta\":1,\"items\":{\"a\":{\"v\":1},\"b\":{\"v\":2}}}"), "/items").values()))
                .containsExactly("{\"v\":1}", "{\"v\":2}");
    }

    @Test
    void membersAtAPathGiveKindsAndScalarsOrNullWhenAbsent() {
        byte[] body = json("{\"data\":{\"List\":[1],\"n\":null,\"s\":\"a\\\"b\",\"x\":-1.5e3}}");

        assertThat(JsonRecords.members(body, "/data")).extracting(JsonRecords.Member::name, JsonRecords.Member::kind,
                        JsonRecords.Member::text)
                .containsExactly(Tuple.tuple("List", '[', null),
                        Tuple.tuple("n", 'n', "null"),
                        Tuple.tuple("s", '"', "a\"b"),
                        Tuple.tuple("x", '0', "-1.5e3"));
        assertThat(JsonRecords.find(JsonRecords.members(body, "/data"), "s").text()).isEqualTo("a\"b");
        assertThat(JsonRecords.find(JsonRecords.members(body, "/data"), "absent")).isNull();
        assertThat(JsonRecords.members(body, "/other")).isNull();
        assertThat(JsonRecords.members(json("{\"data\":null}"), "/data")).isEmpty();
        assertThatThrownBy(() -> JsonRecords.members(json("{\"data\":{\"a\":1}"), "/data"))
                .isInstanceOf(JsonFormatException.class);
    }

    @Test
    void nullOrAbsentPathGivesNoRecords() {
        assertThat(text(JsonRecords.arrayElements(json("{\"data\":null}"), "/data/nodes"))).isEmpty();
        assertThat(text(JsonRecords.arrayElements(json("{\"data\":{\"nodes\":null}}"), "/data/nodes"))).isEmpty();
        assertThat(text(JsonRecords.arrayElements(json("{\"data\":{}}"), "/data/nodes"))).isEmpty();
        assertThat(text(JsonRecords.arrayElements(json("{\"other\":[1]}"), "/data/nodes"))).isEmpty();
        assertThat(text(JsonRecords.arrayElements(json("{\"data\":{\"nodes\":[]}}"), "/data/nodes"))).isEmpty();
        assertThat(text(JsonRecords.objectMembers(json("{}"), "").values())).isEmpty();
    }

    @Test
    void fieldsBeforeThePathAreSkippedWhateverTheyHold() {
        byte[] body = json("{\"errors\":[{\"nodes\":[9]}],\"x\":{\"nodes\":[8]},\"nodes\":[1,2]}");

        assertThat(text(JsonRecords.arrayElements(body, "/nodes"))).containsExactly("1", "2");
    }

    @Test
    void wrongContainerTypeIsAnErrorNamingThePath() {
        assertThatThrownBy(() -> JsonRecords.arrayElements(json("{\"data\":{\"nodes\":{\"a\":1}}}"), "/data/nodes"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("/data/nodes")
                .hasMessageContaining("array");
    }

    @Test
    void numbersKeepTheirExactText() {
        byte[] body = json("{\"items\":[{\"version\":1639990000123456789,\"price\":1.10,\"big\":1e5,\"neg\":-0.0,"
                + "\"exp\":2.50E-3}]}");

        assertThat(text(JsonRecords.arrayElements(body, "/items"))).containsExactly(
                "{\"version\":1639990000123456789,\"price\":1.10,\"big\":1e5,\"neg\":-0.0,\"exp\":2.50E-3}");
    }

    @Test
    void scalarElementsAreCutExactly() {
        byte[] body = json("{\"a\":[1639990000123456789, 1.10 ,1e5,\"x y\", true,false ,null,\"\"]}");

        assertThat(text(JsonRecords.arrayElements(body, "/a")))
                .containsExactly("1639990000123456789", "1.10", "1e5", "\"x y\"", "true", "false", "null", "\"\"");
    }

    @Test
    void whitespaceIsRemovedOutsideStringsOnly() {
        byte[] body = json("{\"items\": [\n  {\n    \"name\" : \"New  York\\tCity \",\r\n    \"tags\" : [ \"a b\" , \"c\" ]\n  }\n]}");

        assertThat(text(JsonRecords.arrayElements(body, "/items")))
                .containsExactly("{\"name\":\"New  York\\tCity \",\"tags\":[\"a b\",\"c\"]}");
    }

    @Test
    void escapesAreKeptAsWritten() {
        String record = "{\"q\":\"say \\\"hi\\\" \",\"path\":\"C:\\\\dir\\\\\",\"nl\":\"a\\nb\",\"u\":\"\\u00e9\\/\"}";
        byte[] body = json("{\"items\":[ " + record.replace(",", " , ") + " ]}");

        assertThat(text(JsonRecords.arrayElements(body, "/items"))).containsExactly(record.replace(",\"path", " , \"path")
                .replace(",\"nl", " , \"nl").replace(",\"u", " , \"u").replace(" , ", ","));
    }

    @Test
    void stringEndingInAnEscapedBackslashEndsTheString() {
        byte[] body = json("{\"items\":[{\"p\":\"x\\\\\" , \"q\" : 1}]}");

        assertThat(text(JsonRecords.arrayElements(body, "/items"))).containsExactly("{\"p\":\"x\\\\\",\"q\":1}");
    }

    @Test
    void unicodeSurvivesAsUtf8() {
        byte[] body = json("{\"items\":[ {\"name\" : \"Zürich – 東京 😀\"} ]}");

        assertThat(text(JsonRecords.arrayElements(body, "/items"))).containsExactly("{\"name\":\"Zürich – 東京 😀\"}");
    }

    @Test
    void everyRecordFitsOnOneLine() {
        byte[] body = json("{\"items\":[{\n\"a\":\n[\n1,\n2\n]\n}\n]}");

        assertThat(text(JsonRecords.arrayElements(body, "/items"))).singleElement()
                .satisfies(r -> assertThat(r).doesNotContain("\n").isEqualTo("{\"a\":[1,2]}"));
    }

    @Test
    void objectMembersGiveEachValueWithItsName() {
        JsonRecords.Members members = JsonRecords.objectMembers(json("{ \"123\" : {\"a\":1}, \"4\\u0035\":{}}"), "");

        assertThat(members.names()).containsExactly("123", "45");
        assertThat(text(members.values())).containsExactly("{\"a\":1}", "{}");
    }

    @Test
    void memberReadsOneTopLevelScalarOfARecord() {
        byte[] record = json("{\"nested\":{\"id\":9},\"id\":\"a\\\"b\",\"n\":-1.5e3,\"z\":null,\"o\":[1]}");

        assertThat(JsonRecords.member(record, "id")).isEqualTo(new JsonRecords.Member("id", '"', "a\"b"));
        assertThat(JsonRecords.member(record, "n")).isEqualTo(new JsonRecords.Member("n", '0', "-1.5e3"));
        assertThat(JsonRecords.member(record, "z").isNull()).isTrue();
        assertThat(JsonRecords.member(record, "o").text()).isNull();
        assertThat(JsonRecords.member(record, "missing")).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "{\"items\":[{\"a\":1},{\"b\":2}",          // truncated after the records
            "{\"items\":[{\"a\":1},{\"b\":",            // truncated inside a record
            "{\"items\":[{\"a\":\"x}]}",                 // unterminated string
            "{\"items\":[{\"a\":tru}]}",                  // bad literal
            "{\"items\":[{\"a\":01}]}",                   // leading zero
            "{\"items\":[{\"a\":1.}]}",                   // no fraction digits
            "{\"items\":[{\"a\" 1}]}",                    // no colon
            "{\"items\":[{\"a\":1} {\"b\":2}]}",        // no comma
            "{\"items\":[{\"a\":\"\\q\"}]}",          // bad escape
            "{\"items\":[{\"a\":1}]} trailing",           // garbage after the document
            "{\"items\":[{\"a\":1}]}}",                   // one brace too many
            "<html><body>502 Bad Gateway</body></html>"})
    void malformedBodiesAreRefusedWithTheByteOffset(String body) {
        assertThatThrownBy(() -> JsonRecords.arrayElements(json(body), "/items"))
                .isInstanceOf(JsonFormatException.class)
                .hasMessageContaining("malformed JSON at byte");
    }

    @Test
    void aRawControlCharacterInAStringIsRefused() {
        assertThatThrownBy(() -> JsonRecords.arrayElements(json("{\"items\":[\"a\u0001b\"]}"), "/items"))
                .isInstanceOf(JsonFormatException.class)
                .hasMessageContaining("control character");
    }

    @Test
    void deeplyNestedRecordsAreCutWithoutRecursion() {
        String deep = "[".repeat(5000) + "]".repeat(5000);

        assertThat(text(JsonRecords.arrayElements(json("{\"items\":[" + deep + "]}"), "/items"))).containsExactly(deep);
    }
    @Test
    void envelopeGivesTheRootMembersAndTheArrayInOneScan() {
        byte[] body = json("{\"success\":true,\"regras\":[ {\"a\": 1} ,{\"b\":[2]}],\"ponteiro\":\"77\"}");

        JsonRecords.Envelope envelope = JsonRecords.envelope(body, "/regras");

        assertThat(envelope.members()).extracting(JsonRecords.Member::name, JsonRecords.Member::kind, JsonRecords.Member::text)
                .containsExactly(Tuple.tuple("success", 't', "true"), Tuple.tuple("regras", '[', null),
                        Tuple.tuple("ponteiro", '"', "77"));
        assertThat(text(envelope.elements())).containsExactly("{\"a\":1}", "{\"b\":[2]}");
    }

    @Test
    void envelopeCutsAnArrayAtANestedPathAndTellsAnEmptyArrayFromNone() {
        assertThat(text(JsonRecords.envelope(json("{\"errors\":null,\"data\":{\"x\":{},\"Account\":[{\"v\":1}]}}"),
                "/data/Account").elements())).containsExactly("{\"v\":1}");
        assertThat(JsonRecords.envelope(json("{\"data\":{\"Account\":[]}}"), "/data/Account").elements()).isEmpty();
        assertThat(JsonRecords.envelope(json("{\"data\":{\"Account\":null}}"), "/data/Account").elements()).isNull();
        assertThat(JsonRecords.envelope(json("{\"data\":{\"Account\":{}}}"), "/data/Account").elements()).isNull();
        assertThat(JsonRecords.envelope(json("{\"data\":{}}"), "/data/Account").elements()).isNull();
        assertThat(JsonRecords.envelope(json("{\"data\":[1]}"), "/data/Account").elements()).isNull();
        assertThat(JsonRecords.envelope(json("{\"regras\":\"none\"}"), "/regras").elements()).isNull();
    }

    @Test
    void envelopeChecksTheWholeBody() {
        assertThatThrownBy(() -> JsonRecords.envelope(json("{\"regras\":[{\"a\":1}],\"n\":01}"), "/regras"))
                .isInstanceOf(JsonFormatException.class).hasMessageContaining("malformed JSON at byte");
        assertThatThrownBy(() -> JsonRecords.envelope(json("{\"regras\":[{\"a\":1}]} trailing"), "/regras"))
                .isInstanceOf(JsonFormatException.class);
        assertThatThrownBy(() -> JsonRecords.envelope(json("[1]"), "/regras"))
                .isInstanceOf(JsonFormatException.class).hasMessageContaining("expected an object");
    }
    @Test
    void quoteMakesAJsonStringThatReadsBackAsTheText() {
        String text = "a\"b\\c\nd\te\u0001f é";

        String quoted = JsonRecords.quote(text);

        assertThat(quoted).isEqualTo("\"a\\\"b\\\\c\\nd\\te\\u0001f é\"");
        assertThat(JsonRecords.member(json("{\"s\":" + quoted + "}"), "s").text()).isEqualTo(text);
    }
}
