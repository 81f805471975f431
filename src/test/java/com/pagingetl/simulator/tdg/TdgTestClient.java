package com.pagingetl.simulator.tdg;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A minimal TDG GraphQL client over real HTTP for the tests. */
final class TdgTestClient {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String token;

    TdgTestClient(String baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.token = token;
    }

    HttpResponse<String> raw(String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/graphql"))
                .timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode post(String query, String... headers) throws Exception {
        return postBody(JSON.writeValueAsString(Map.of("query", query)), headers);
    }

    JsonNode postBody(String body, String... headers) throws Exception {
        String[] all = new String[headers.length + 2];
        all[0] = "Authorization";
        all[1] = "Bearer " + token;
        System.arraycopy(headers, 0, all, 2, headers.length);
        HttpResponse<String> response = raw(body, all);
        if (response.statusCode() != 200) {
            throw new AssertionError("HTTP " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** Pages {@code Type(args, first: n, after: c)} until an empty page; returns every item. */
    List<JsonNode> pageAll(String type, String args, int first, String selection) throws Exception {
        List<JsonNode> items = new ArrayList<>();
        String after = null;
        for (int guard = 0; guard < 100_000; guard++) {
            String a = (args.isEmpty() ? "" : args + ", ") + "first: " + first
                    + (after == null ? "" : ", after: \"" + after + "\"");
            JsonNode response = post("{ " + type + "(" + a + ") { " + selection + " cursor } }");
            if (response.has("errors")) {
                throw new AssertionError(response.toString());
            }
            JsonNode page = response.path("data").path(type);
            if (page.isEmpty()) {
                return items;
            }
            page.forEach(items::add);
            after = page.get(page.size() - 1).path("cursor").asString();
        }
        throw new AssertionError("paging did not end");
    }
}
