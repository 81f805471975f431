package com.pagingetl.jobs.tdg;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.pagingetl.http.ApiCallException;
import com.pagingetl.http.ApiHttpClient;
import com.pagingetl.http.ApiResponse;
import com.pagingetl.http.ResponseSummary;
import com.pagingetl.http.Secrets;
import com.pagingetl.paging.JsonFormatException;
import com.pagingetl.paging.JsonRecords;

/**
 * GraphQL calls to TDG's {@code POST /graphql} with {@code Authorization: Bearer <token>}, and TDG's answers
 * turned into the suite's errors: HTTP 401 (plain-text {@code invalid credentials}) and other statuses become
 * an {@link ApiCallException}; a body that is not JSON too; the error envelope (HTTP 200, {@code errors}, no
 * {@code data}) a {@link TdgGraphqlException} with the grid's message. Transient failures (IO, 429, 5xx) are
 * retried by the shared HTTP client. Thread-safe.
 */
final class TdgApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ApiHttpClient http;
    private final URI graphql;
    private final String token;

    TdgApi(ApiHttpClient http, URI graphql, String token) {
        this.http = http;
        this.graphql = graphql;
        this.token = token;
        Secrets.register(token);
    }

    /**
     * A successful answer: the body as received, whose {@code data} is an object and which has no errors. Pages
     * are cut from the body as bytes; the parse tree is built only for the small admin answers that ask for it.
     *
     * @param list the elements of the list the query was asked to cut ({@link #query}), or null
     */
    record Answer(byte[] body, List<byte[]> list) {
        JsonNode data() {
            return JSON.readTree(body).get("data");
        }
    }

    /**
     * Runs {@code query} on the tenant's data schema; the answer's {@code list} holds the elements of the array at
     * {@code listPath} ("/data/Account"), cut in the same scan that checks the body (null when no array is there).
     */
    Answer query(String query, String listPath, String operation) {
        return post(query, null, listPath, operation);
    }

    /** Runs {@code query} on the {@code admin} schema (settings such as the hard limits). */
    Answer admin(String query, String operation) {
        return post(query, "admin", "", operation);
    }

    /** The byte scan of {@code body} with the list at {@code listPath} cut (see {@link JsonRecords#envelope}); null when it is not well-formed. */
    private static JsonRecords.Envelope scan(byte[] body, String listPath) {
        try {
            return JsonRecords.envelope(body, listPath);
        } catch (JsonFormatException e) {
            return null;
        }
    }

    /**
     * Whether the scanned body's {@code data} is an object and its {@code errors} absent or null: every page of a
     * run. Anything else is judged from the parse tree, which names what is wrong.
     */
    private static boolean isPlainData(JsonRecords.Envelope scanned) {
        JsonRecords.Member data = JsonRecords.find(scanned.members(), "data");
        JsonRecords.Member errors = JsonRecords.find(scanned.members(), "errors");
        return data != null && data.kind() == '{' && (errors == null || errors.isNull());
    }

    private Answer post(String query, String schema, String listPath, String operation) {
        // Built as text: a mapper per page cost more than the rest of the request.
        byte[] request = ("{\"query\":" + JsonRecords.quote(query) + "}").getBytes(StandardCharsets.UTF_8);
        ApiResponse response = http.send(operation, () -> {
            HttpRequest.Builder b = HttpRequest.newBuilder(graphql)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(request))
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .header("Authorization", "Bearer " + token);
            return schema == null ? b : b.header("schema", schema);
        });
        if (response.status() == 401) {
            throw new ApiCallException(operation + " failed: HTTP 401 " + ResponseSummary.of(response)
                    + ": the grid refused the token; set TDG_TOKEN (etl.jobs.tdg-versions.token) to an application"
                    + " token with read access (it is sent as Authorization: Bearer <token>)", 401, null);
        }
        if (!response.isSuccess()) {
            throw new ApiCallException(operation + " failed: HTTP " + response.status() + " "
                    + ResponseSummary.of(response), response.status(), null);
        }
        JsonRecords.Envelope scanned = scan(response.body(), listPath);
        if (scanned != null && isPlainData(scanned)) {
            return new Answer(response.body(), scanned.elements());
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(response.body());
        } catch (JacksonException e) {
            throw new ApiCallException(operation + " failed: HTTP " + response.status() + " with a body that is not JSON "
                    + ResponseSummary.of(response) + " (Content-Type " + response.contentType() + ")", response.status(), e);
        }
        if (tree == null || !tree.isObject()) {
            throw new ApiCallException(operation + " failed: HTTP " + response.status()
                    + " with a JSON body that is not an object " + ResponseSummary.of(response), response.status(), null);
        }
        JsonNode errors = tree.get("errors");
        if (errors != null && errors.isArray() && !errors.isEmpty()) {
            JsonNode first = errors.get(0);
            JsonNode code = first.path("extensions").path("code");
            throw new TdgGraphqlException(operation, first.path("message").asString("(no message)"),
                    code.isNumber() ? code.asInt() : code.isString() && code.asString().matches("-?\\d+")
                            ? Integer.parseInt(code.asString()) : -1);
        }
        JsonNode data = tree.get("data");
        if (data == null || !data.isObject()) {
            throw new ApiCallException(operation + " failed: the answer has neither data nor errors "
                    + ResponseSummary.of(response), response.status(), null);
        }
        return new Answer(response.body(), scanned == null ? null : scanned.elements());
    }
}
