package com.pagingetl.simulator.demarches;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A minimal GraphQL client over real HTTP for the integration tests, shaped like the user's sync script. */
final class DemarchesHttp {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static final String SYNC_QUERY = """
            query getDemarche($demarcheNumber: Int!, $first: Int, $after: String, $updatedSince: ISO8601DateTime) {
              demarche(number: $demarcheNumber) {
                id number title state
                dossiers(first: $first, after: $after, updatedSince: $updatedSince) {
                  pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
                  edges { cursor }
                  nodes { id number state dateDepot dateDerniereModification archived
                          usager { email } demandeur { __typename ... on PersonnePhysique { civilite nom prenom } }
                          champs { id champDescriptorId __typename label stringValue updatedAt prefilled } }
                }
              }
            }
            """;

    /** What a sync loop needs, without champs: keeps full-data-set tests fast. */
    static final String SYNC_LIGHT = """
            query getDemarche($demarcheNumber: Int!, $first: Int, $after: String, $updatedSince: ISO8601DateTime) {
              demarche(number: $demarcheNumber) {
                dossiers(first: $first, after: $after, updatedSince: $updatedSince) {
                  pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
                  nodes { number dateDerniereModification }
                }
              }
            }
            """;

    record Response(int status, Map<String, List<String>> headers, String body) {
        JsonNode json() {
            return JSON.readTree(body);
        }

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private final HttpClient client = HttpClient.newHttpClient();
    private final String baseUrl;

    DemarchesHttp(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    Response post(String authorization, String body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v2/graphql"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().map(), response.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    Response query(String query, Map<String, Object> variables) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", query);
        body.put("variables", variables);
        return post("Bearer " + DemarchesSimulator.demoToken(), JSON.writeValueAsString(body));
    }

    Response get(String path) {
        try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().map(), response.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    JsonNode syncPage(int demarche, int first, String after, String updatedSince) {
        return page(SYNC_QUERY, demarche, first, after, updatedSince);
    }

    JsonNode page(String query, int demarche, int first, String after, String updatedSince) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("demarcheNumber", demarche);
        variables.put("first", first);
        if (after != null) {
            variables.put("after", after);
        }
        if (updatedSince != null) {
            variables.put("updatedSince", updatedSince);
        }
        Response response = query(query, variables);
        if (response.status() != 200 || response.json().has("errors")) {
            throw new AssertionError("unexpected answer " + response.status() + " " + response.body());
        }
        return response.json().get("data").get("demarche").get("dossiers");
    }

    /** Result of paging to the end: the numbers in delivery order and the last non-null endCursor. */
    record Sync(List<Long> numbers, String lastCursor, int pages) {
    }

    Sync syncAll(int demarche, String from, String updatedSince) {
        List<Long> numbers = new ArrayList<>();
        String cursor = from;
        int pages = 0;
        while (true) {
            JsonNode page = page(SYNC_LIGHT, demarche, 100, cursor, updatedSince);
            pages++;
            page.get("nodes").forEach(n -> numbers.add(n.get("number").asLong()));
            JsonNode info = page.get("pageInfo");
            if (!info.get("endCursor").isNull()) {
                cursor = info.get("endCursor").asString();
            }
            if (!info.get("hasNextPage").asBoolean()) {
                return new Sync(numbers, cursor, pages);
            }
        }
    }
}
