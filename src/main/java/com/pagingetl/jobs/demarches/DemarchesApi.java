package com.pagingetl.jobs.demarches;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 * POSTs GraphQL operations to {@code <base-url>/api/v2/graphql} with {@code Authorization: Bearer} and
 * turns the API's answers into the suite's errors, as démarches-simplifiées gives them:
 * <ul>
 *   <li>429 (plain-text body, {@code RateLimit-Reset}), 5xx and IO errors are retried by {@link ApiHttpClient};</li>
 *   <li>403 "only persisted queries" means the token was not recognised (the API does not answer 401 for
 *   a wrong token); 401 means it expired; other statuses carry the API's own code and message;</li>
 *   <li>HTTP 200 with {@code errors[]} comes back as a {@link GraphqlAnswer} for the caller to judge
 *   ({@code timeout} is retryable with a smaller page, anything else is fatal).</li>
 * </ul>
 * The token goes only to the configured origin and never into a message. Thread-safe.
 */
final class DemarchesApi {

    static final String PATH = "/api/v2/graphql";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ApiHttpClient http;
    private final URI endpoint;
    private final String token;

    DemarchesApi(ApiHttpClient http, URI baseUrl, String token) {
        this.http = http;
        String base = baseUrl.toString().replaceAll("/+$", "");
        this.endpoint = URI.create(base + PATH);
        this.token = token;
        Secrets.register(token);
    }

    URI endpoint() {
        return endpoint;
    }

    /**
     * Runs {@code operationName} of {@code document} with {@code variables}.
     *
     * @param operation what the call is, for retry logs ("POST getDemarcheDossiers first=100 after ..."); the caller
     *                  adds the position to the exceptions, whose messages are the API's answer
     * @throws ApiCallException for a fatal HTTP answer, a body that is not JSON, or exhausted retries
     */
    GraphqlAnswer query(String document, String operationName, Map<String, Object> variables, String operation) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("query", document);
        request.put("operationName", operationName);
        request.put("variables", variables);
        byte[] body = JSON.writeValueAsBytes(request);
        ApiResponse response = http.send(operation, () -> HttpRequest.newBuilder(endpoint)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + token));
        if (response.status() == 401) {
            throw new ApiCallException("the API token has expired (HTTP 401 " + ResponseSummary.of(response)
                    + "); create a new token in your démarches-simplifiées profile and set DEMARCHES_API_TOKEN", 401, null);
        }
        if (response.status() == 403 && response.bodyText().contains("only persisted queries")) {
            throw new ApiCallException("the API token was not recognised (HTTP 403 " + ResponseSummary.of(response)
                    + "); the API answers this to a missing, mistyped, revoked or truncated token, not to a lack of"
                    + " rights: check DEMARCHES_API_TOKEN (v3 tokens often end in '==')", 403, null);
        }
        if (!response.isSuccess()) {
            throw new ApiCallException("HTTP " + response.status() + " " + ResponseSummary.of(response), response.status(), null);
        }
        if (hasNoErrors(response.body())) {
            return new GraphqlAnswer(response.body(), List.of());
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(response.body());
        } catch (JacksonException e) {
            tree = null;
        }
        if (tree == null || !tree.isObject()) {
            throw new ApiCallException("HTTP " + response.status() + " with a body that is not a JSON object "
                    + ResponseSummary.of(response) + " (Content-Type " + response.contentType() + ")", response.status(), null);
        }
        return new GraphqlAnswer(response.body(), errors(tree.path("errors")));
    }

    /**
     * Whether {@code body} is a well-formed JSON object without {@code errors} (or with {@code null}): every
     * page of a run, checked by a byte scan. Anything else is judged from the parse tree.
     */
    private static boolean hasNoErrors(byte[] body) {
        try {
            JsonRecords.Member errors = JsonRecords.find(JsonRecords.rootMembers(body), "errors");
            return errors == null || errors.isNull();
        } catch (JsonFormatException e) {
            return false;
        }
    }

    private static List<GraphqlAnswer.Error> errors(JsonNode errors) {
        List<GraphqlAnswer.Error> out = new ArrayList<>();
        if (!errors.isArray()) {
            return out;
        }
        for (JsonNode e : errors) {
            JsonNode code = e.path("extensions").path("code");
            List<String> path = new ArrayList<>();
            e.path("path").forEach(p -> path.add(p.asString()));
            out.add(new GraphqlAnswer.Error(e.path("message").asString("(no message)"),
                    code.isMissingNode() || code.isNull() ? null : code.asString(), path));
        }
        return out;
    }
}
