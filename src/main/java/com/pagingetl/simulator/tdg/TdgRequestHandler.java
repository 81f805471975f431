package com.pagingetl.simulator.tdg;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

import com.pagingetl.simulator.SimRequest;
import com.pagingetl.simulator.SimResponse;

import graphql.ExceptionWhileDataFetching;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLContext;
import graphql.GraphQLError;
import graphql.ErrorType;
import graphql.schema.GraphQLSchema;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * TDG's {@code POST /graphql} endpoint ({@code common/graphql.lua}): bearer auth with the plain-text 401,
 * the {@code request-id}, {@code version}, {@code explain} and {@code schema} headers, body checks, and the envelope
 * (always HTTP 200; {@code {"data":…}} or {@code {"errors":[{message, extensions:{code}}]}} without data).
 *
 * <p>Thread-safe: the GraphQL engines are immutable; per-request state is local.
 */
final class TdgRequestHandler {

    static final String CONTENT_TYPE = "application/json;charset=utf-8";

    private static final Pattern QUERY_PLAN_SELECTION = Pattern.compile("(?<![_0-9A-Za-z])" + TdgSchema.QUERY_PLAN
            + "(?![_0-9A-Za-z])");

    private final JsonMapper json = JsonMapper.builder().build();
    /** The GraphQL engine of each schema a request may name. */
    private final Map<String, GraphQL> engines;
    private final String token;
    private final Runnable afterDataQuery;

    /** {@code afterDataQuery} runs after each successful data-schema query (mutations excluded). */
    TdgRequestHandler(GraphQLSchema dataSchema, GraphQLSchema adminSchema, String token, Runnable afterDataQuery) {
        this.engines = Map.of("default", GraphQL.newGraphQL(dataSchema).build(), "admin",
                GraphQL.newGraphQL(adminSchema).build());
        this.token = token;
        this.afterDataQuery = afterDataQuery;
    }

    /** Answers {@code request} with {@code body} (the request's, or a fault's rewrite of it). */
    SimResponse handle(SimRequest request, byte[] body, boolean hardLimitFault) {
        if (!request.path().equals("/graphql") || !request.is("POST")) {
            return SimResponse.of(404, "text/plain", "Not found");
        }
        if (!("Bearer " + token).equals(request.header("Authorization"))) {
            return SimResponse.of(401, CONTENT_TYPE, "invalid credentials");
        }
        String requestId = request.header("request-id");
        if (requestId != null) {
            try {
                UUID.fromString(requestId);
            } catch (IllegalArgumentException e) {
                return SimResponse.of(400, CONTENT_TYPE, "Malformed http header 'request-id': " + requestId);
            }
        }
        SimResponse answer = answer(request, body, hardLimitFault);
        return requestId == null ? answer : answer.header("request-id", requestId);
    }

    private SimResponse answer(SimRequest request, byte[] body, boolean hardLimitFault) {
        Long versionHeader = null;
        String version = request.header("version");
        if (version != null) {
            try {
                versionHeader = TdgScalars.toLong(version);
            } catch (RuntimeException e) {
                return SimResponse.of(400, CONTENT_TYPE, "Malformed http header 'version': " + version);
            }
        }
        JsonNode parsed;
        try {
            parsed = json.readTree(new String(body, StandardCharsets.UTF_8));
        } catch (JacksonException e) {
            return error(400, e.getOriginalMessage());
        }
        if (parsed == null || !parsed.isObject() || !parsed.path("query").isString()) {
            return error(400, "Body should have 'query' field");
        }
        JsonNode operationName = parsed.get("operationName");
        if (operationName != null && !operationName.isNull() && !operationName.isString()) {
            return error(400, "'operationName' should be string");
        }
        JsonNode variables = parsed.get("variables");
        if (variables != null && !variables.isNull() && !variables.isObject()) {
            return error(400, "'variables' should be a dictionary");
        }
        JsonNode bodySchema = parsed.get("schema");
        if (bodySchema != null && !bodySchema.isNull() && !bodySchema.isString()) {
            return error(400, "'schema' should be string");
        }
        String schema = request.header("schema");
        if (schema == null && bodySchema != null && bodySchema.isString()) {
            schema = bodySchema.asString();
        }
        GraphQL engine = engines.get(schema == null ? "default" : schema);
        if (engine == null) {
            return error(400, "Schema \"" + schema + "\" not found");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> vars = variables == null || variables.isNull() ? Map.of()
                : json.convertValue(variables, Map.class);
        // __query_plan is not a schema field (GraphQL reserves names starting with __): a selection of it is
        // dropped before validation, and explain: true adds it to every object below.
        ExecutionInput executionInput = ExecutionInput.newExecutionInput()
                .query(QUERY_PLAN_SELECTION.matcher(parsed.path("query").asString()).replaceAll(""))
                .variables(vars)
                .operationName(operationName == null || operationName.isNull() ? null : operationName.asString())
                .build();
        GraphQLContext context = executionInput.getGraphQLContext();
        if (versionHeader != null) {
            context.put(TdgSchema.CTX_VERSION_HEADER, versionHeader);
        }
        context.put(TdgSchema.CTX_HARD_LIMIT_FAULT, new AtomicBoolean(hardLimitFault));
        boolean explain = "true".equalsIgnoreCase(request.header("explain"));
        if (explain) {
            context.put(TdgSchema.CTX_EXPLAIN, new ConcurrentHashMap<String, String>());
        }
        ExecutionResult result = engine.execute(executionInput);
        if (!result.getErrors().isEmpty()) {
            GraphQLError first = result.getErrors().get(0);
            if (first instanceof ExceptionWhileDataFetching fetching) {
                Throwable cause = fetching.getException();
                if (cause instanceof TdgError tdg) {
                    return error(tdg.code(), tdg.getMessage());
                }
                return error(500, String.valueOf(cause.getMessage()));
            }
            boolean clientError = first.getErrorType() == ErrorType.InvalidSyntax
                    || first.getErrorType() == ErrorType.ValidationError;
            return error(clientError ? 400 : 500, first.getMessage());
        }
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("data", explain ? withPlans(result.getData(), context.get(TdgSchema.CTX_EXPLAIN)) : result.getData());
        if (context.hasKey(TdgSchema.CTX_DATA_QUERY) && !context.hasKey(TdgSchema.CTX_MUTATION)) {
            afterDataQuery.run();
        }
        return SimResponse.of(200, CONTENT_TYPE, json.writeValueAsString(envelope));
    }

    /** The data with {@code __query_plan} added to each object of each planned top-level list. */
    private static Map<String, Object> withPlans(Map<String, Object> data, Map<String, String> plans) {
        Map<String, Object> out = new LinkedHashMap<>(data);
        plans.forEach((key, plan) -> {
            if (out.get(key) instanceof List<?> objects) {
                List<Object> planned = new ArrayList<>(objects.size());
                for (Object o : objects) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> object = new LinkedHashMap<>((Map<String, Object>) o);
                    object.put(TdgSchema.QUERY_PLAN, plan);
                    planned.add(object);
                }
                out.put(key, planned);
            }
        });
        return out;
    }

    private SimResponse error(int code, String message) {
        ObjectNode errors = json.createObjectNode();
        errors.putArray("errors").addObject().put("message", message).putObject("extensions").put("code", code);
        return SimResponse.of(200, CONTENT_TYPE, json.writeValueAsString(errors));
    }
}
