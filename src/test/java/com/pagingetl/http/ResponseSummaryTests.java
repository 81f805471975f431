package com.pagingetl.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ResponseSummaryTests {

    private static ApiResponse body(String contentType, String text) {
        return new ApiResponse(URI.create("https://a.test/"), 400,
                HttpHeaders.of(Map.of("Content-Type", List.of(contentType)), (a, b) -> true),
                text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aRedirectNamesTheOriginItLeadsToButNotItsPathOrQuery() {
        ApiResponse redirect = new ApiResponse(URI.create("https://a.test/graphql"), 307,
                HttpHeaders.of(Map.of("Content-Type", List.of("text/html"), "Location", List.of("http://b.test:8080/login?token=abc")),
                        (a, b) -> true), "<html><body>moved</body></html>".getBytes(StandardCharsets.UTF_8));

        assertThat(ResponseSummary.of(redirect)).isEqualTo("redirect to http://b.test:8080, not followed: credentials go only to"
                + " the API origin; (HTML page)");
    }

    @Test
    void jsonTypeAndMessage() {
        assertThat(ResponseSummary.of(body("application/json",
                "{\"type\":\"invalid_input\",\"message\":\"An invalid request was sent in, please check the nested errors for details.\"}")))
                .isEqualTo("invalid_input: An invalid request was sent in, please check the nested errors for details.");
    }

    @Test
    void rapid401NeverEchoesTheCredentialsOfItsFields() {
        String body = """
                {"type":"request.unauthenticated",
                 "message":"Data required to authenticate your request is missing or invalid.",
                 "fields":[{"name":"apikey","type":"header","value":"SECRET-API-KEY-123"},
                           {"name":"signature","type":"header","value":"deadbeefcafe0123456789"}]}""";

        String summary = ResponseSummary.of(body("application/json", body));

        assertThat(summary).isEqualTo("request.unauthenticated: Data required to authenticate your request is missing or invalid.")
                .doesNotContain("SECRET-API-KEY-123").doesNotContain("deadbeefcafe");
    }

    @Test
    void truncatedRapid401StillNeverEchoesTheCredentials() {
        String body = "{\"type\":\"request.unauthenticated\",\"message\":\"Data required to authenticate your request"
                + " is missing or invalid.\",\"fields\":[{\"name\":\"apikey\",\"type\":\"header\",\"value\":\"SECRET-API-KEY-123\"},"
                + "{\"name\":\"signature\",\"type\":\"header\",\"value\":\"deadbeefcafe01";

        String summary = ResponseSummary.of(body("application/json", body));

        assertThat(summary).startsWith("(malformed JSON body:").contains("request.unauthenticated")
                .doesNotContain("SECRET-API-KEY-123").doesNotContain("deadbeefcafe");
    }

    @Test
    void graphqlFirstErrorWithItsExtensionsCode() {
        String body = "{\"errors\":[{\"message\":\"Dossier not found\",\"locations\":[{\"line\":2,\"column\":3}],"
                + "\"extensions\":{\"code\":\"not_found\"}},{\"message\":\"second\"}],\"data\":null}";

        assertThat(ResponseSummary.of(body("application/json", body))).isEqualTo("not_found: Dossier not found");
    }

    @Test
    void jsonArrayOfErrors() {
        assertThat(ResponseSummary.of(body("application/json", "[{\"code\":\"E42\",\"message\":\"bad date\"}]")))
                .isEqualTo("E42: bad date");
    }

    @Test
    void jsonWithoutMessage() {
        assertThat(ResponseSummary.of(body("application/json", "{\"status\":500}"))).isEqualTo("(JSON body without a message)");
    }

    @Test
    void htmlTitle() {
        String html = "<!DOCTYPE html><html><head><TITLE>502 Bad\n Gateway</TITLE></head><body><p>nginx</p></body></html>";

        assertThat(ResponseSummary.of(body("text/html", html))).isEqualTo("(HTML page '502 Bad Gateway')");
    }

    @Test
    void htmlWithoutTitle() {
        assertThat(ResponseSummary.of(body("text/html; charset=utf-8", "<p>down</p>"))).isEqualTo("(HTML page)");
    }

    @Test
    void plainTextIsClippedToOneShortLine() {
        String text = "upstream connect error or disconnect/reset before headers.\n" + "x".repeat(500);

        String summary = ResponseSummary.of(body("text/plain", text));

        assertThat(summary).startsWith("(upstream connect error or disconnect/reset before headers. xxx")
                .endsWith("...)").doesNotContain("\n");
        assertThat(summary.length()).isLessThanOrEqualTo(200 + "(...)".length());
    }

    @Test
    void emptyBody() {
        assertThat(ResponseSummary.of(body("application/json", "  \n"))).isEqualTo("(empty body)");
    }

    @Test
    void longJsonMessageIsClipped() {
        String summary = ResponseSummary.of(body("application/json", "{\"message\":\"" + "m".repeat(400) + "\"}"));

        assertThat(summary).hasSize(203).endsWith("...");
    }

    @Test
    void aServerMessageThatEchoesACredentialIsRedacted() {
        Secrets.register("tok-summary-31337");

        String summary = ResponseSummary.of(body("application/json",
                "{\"message\":\"token Bearer tok-summary-31337 lacks scope; your token tok-summary-31337\"}"));

        assertThat(summary).isEqualTo("token Bearer *** lacks scope; your token ***");
    }
}
