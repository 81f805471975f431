package com.pagingetl.simulator.demarches;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.pagingetl.simulator.ApiRequestMeter;
import com.pagingetl.simulator.SimRequest;
import com.pagingetl.simulator.SimResponse;
import com.pagingetl.simulator.SimServer;
import com.pagingetl.simulator.SimulatedFaults;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.introspection.IntrospectionQuery;
import graphql.schema.GraphQLSchema;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /api/v2/graphql} as the Rails stack answers it, in order: routing (anything else is Rails' 404 page),
 * Rack::Attack throttle (429, text body),
 * controller (JSON body, token check, {@code variables} as object or JSON string, persisted {@code queryId}),
 * then GraphQL execution (HTTP 200 with {@code errors[]}). Thread-safe: all collaborators are.
 */
final class GraphqlEndpoint implements SimServer.Handler {

    static final String PATH = "/api/v2/graphql";
    /** {@code max_depth 15} of the real schema. */
    static final int MAX_DEPTH = 15;
    /** Request meter tally of the answers Rack::Attack throttled. */
    static final String RATE_LIMITED = "rateLimited";
    /** The Rack::Attack responder's two lines, French then English, each ending with a newline. */
    static final String RATE_LIMIT_BODY = "Calme toi, cowboy ! T'enchaines un peu trop les requêtes. Respire un peu "
            + "réessaie dans un petit moment.\n"
            + "Calm down, cowboy! You're making too many requests. Take a breather and try again soon.\n";
    /** Rails' production answer to a route that does not exist, such as a GET on the GraphQL path. */
    private static final String NOT_ROUTED = "<!DOCTYPE html>\n<html>\n<head><title>The page you were looking for "
            + "doesn't exist (404)</title></head>\n<body><h1>The page you were looking for doesn't exist.</h1></body>\n"
            + "</html>\n";

    private final GraphQL graphql;
    /** The documents of {@code stored_query.rb}'s ids. */
    private final Map<String, String> storedQueries;
    private final TokenRegistry tokens;
    private final RateLimiter rateLimiter;
    private final SimulatedFaults<DemarchesFault> faults;
    private final ApiRequestMeter meter;
    private final int latencyMs;
    private final JsonMapper json = JsonMapper.builder().build();

    GraphqlEndpoint(GraphQLSchema schema, Templates templates, TokenRegistry tokens, RateLimiter rateLimiter,
                    SimulatedFaults<DemarchesFault> faults, ApiRequestMeter meter, int latencyMs) {
        this.graphql = GraphQL.newGraphQL(schema).defaultDataFetcherExceptionHandler(RubyWording.API_ERRORS)
                .instrumentation(new MaxQueryDepthInstrumentation(MAX_DEPTH)).build();
        this.storedQueries = Map.of("ds-query-v2", templates.persistedQuery, "ds-mutation-v2",
                templates.persistedMutation, "introspection", IntrospectionQuery.INTROSPECTION_QUERY);
        this.tokens = tokens;
        this.rateLimiter = rateLimiter;
        this.faults = faults;
        this.meter = meter;
        this.latencyMs = latencyMs;
    }

    @Override
    public SimResponse handle(SimRequest request) {
        if (!request.is("POST") || !request.path().equals(PATH)) {
            return SimResponse.of(404, "text/html; charset=utf-8", NOT_ROUTED);
        }
        return graphql(request.header("Authorization"), new String(request.body(), StandardCharsets.UTF_8),
                request.clientIp()).delayed(latencyMs);
    }

    /** Answers one POST; {@code clientIp} is the caller's address, checked against the token's networks. */
    private SimResponse graphql(String authorization, String body, String clientIp) {
        long reset = rateLimiter.throttledUntil(authorization);
        SimulatedFaults.Decision<DemarchesFault> fault = faults.next();
        if (fault.fault() == DemarchesFault.RATE_LIMIT_429 || fault.status() == 429) {
            reset = rateLimiter.currentReset();
        }
        if (reset >= 0) {
            meter.tally(RATE_LIMITED);
            return SimResponse.of(429, "text/plain; charset=utf-8", RATE_LIMIT_BODY).header("RateLimit-Remaining", "0")
                    .header("RateLimit-Reset", Long.toString(reset));
        }
        if (fault.fault() == DemarchesFault.SERVER_ERROR_500 || fault.status() > 0) {
            return envelope(fault.status() > 0 ? fault.status() : 500, "Internal Server Error", Map.of("code",
                    "internal_server_error", "exception_id", UUID.randomUUID().toString()));
        }
        JsonNode request;
        try {
            request = body == null || body.isBlank() ? json.createObjectNode() : json.readTree(body);
        } catch (JacksonException e) {
            return envelope(400, "JSON::ParserError: unexpected token in request body", Map.of("code", "graphql_parse_failed"));
        }
        if (request == null || !request.isObject()) {
            return envelope(400, "The request body must be a JSON object", Map.of("code", "bad_request"));
        }
        TokenRegistry.Status status = tokens.check(authorization);
        if (status == TokenRegistry.Status.EXPIRED) {
            return envelope(401, "Token expired", Map.of("code", "unauthorized"));
        }
        if (status == TokenRegistry.Status.VALID && !tokens.fromAllowedNetwork(clientIp)) {
            return envelope(403, "Request issued from a forbidden network. Add " + clientIp
                    + "/32 to your allowed adresses in your /profil", Map.of("code", "forbidden"));
        }
        String queryId = text(request, "queryId");
        if (status == TokenRegistry.Status.NONE && queryId == null) {
            return envelope(403, "Without a token, only persisted queries are allowed", Map.of("code", "forbidden"));
        }
        Map<String, Object> variables;
        try {
            variables = variables(request.get("variables"));
        } catch (IllegalArgumentException e) {
            return envelope(400, e.getMessage(), Map.of("code", "bad_request"));
        }
        String operationName = text(request, "operationName");
        String document;
        if (queryId != null) {
            document = storedQueries.get(queryId);
            if (document == null) {
                return envelope(200, "No query with id \"" + queryId + "\"", Map.of("code", "bad_request"));
            }
            if (!"introspection".equals(queryId) && operationName == null) {
                return envelope(200, "An operationName is required with the query id \"" + queryId + "\"",
                        Map.of("code", "bad_request"));
            }
        } else {
            document = text(request, "query");
            if (document == null) {
                return json(200, write(Map.of("errors", List.of(Map.of("message", "No query string was present")))));
            }
        }
        ExecutionResult result = graphql.execute(ExecutionInput.newExecutionInput().query(document)
                .operationName(operationName).variables(variables)
                .graphQLContext(Map.of(DemarchesQueries.AUTH, status,
                        DemarchesQueries.TIMED_OUT, fault.fault() == DemarchesFault.TIMEOUT)).build());
        return json(200, write(RubyWording.answer(result)));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> variables(JsonNode node) {
        if (node == null || node.isNull()) {
            return Map.of();
        }
        JsonNode value = node;
        if (node.isString()) {
            // The controller's ensure_hash: a JSON string is parsed, a blank one means no variables.
            if (node.asString().isBlank()) {
                return Map.of();
            }
            try {
                value = json.readTree(node.asString());
            } catch (JacksonException e) {
                throw new IllegalArgumentException("Unexpected parameter: variables is not valid JSON");
            }
        }
        if (!value.isObject()) {
            throw new IllegalArgumentException("Unexpected parameter: " + value);
        }
        return json.convertValue(value, Map.class);
    }

    private static String text(JsonNode request, String field) {
        JsonNode node = request.get(field);
        return node == null || node.isNull() || !node.isString() || node.asString().isBlank() ? null : node.asString();
    }

    private SimResponse envelope(int status, String message, Map<String, Object> extensions) {
        ObjectNode out = json.createObjectNode();
        out.putArray("errors").addObject().put("message", message).set("extensions", json.valueToTree(extensions));
        return json(status, write(out.putNull("data")));
    }

    private static SimResponse json(int status, String body) {
        return SimResponse.of(status, "application/json; charset=utf-8", body);
    }

    private String write(Object value) {
        return json.writeValueAsString(value);
    }
}
