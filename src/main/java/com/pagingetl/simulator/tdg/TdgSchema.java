package com.pagingetl.simulator.tdg;

import static graphql.schema.GraphQLArgument.newArgument;
import static graphql.schema.GraphQLFieldDefinition.newFieldDefinition;
import static graphql.schema.GraphQLInputObjectField.newInputObjectField;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import graphql.GraphQLContext;
import graphql.Scalars;
import graphql.language.Argument;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;

import com.pagingetl.simulator.tdg.TdgModel.FieldDef;
import com.pagingetl.simulator.tdg.TdgModel.FieldType;
import com.pagingetl.simulator.tdg.TdgModel.IndexDef;
import com.pagingetl.simulator.tdg.TdgModel.TypeDef;
import com.pagingetl.simulator.tdg.TdgStore.Filter;
import com.pagingetl.simulator.tdg.TdgStore.Op;
import com.pagingetl.simulator.tdg.TdgStore.Row;
import com.pagingetl.simulator.tdg.TdgStore.UpdateOp;

/**
 * The two GraphQL schemas generated from the model, as TDG's {@code model_graphql.lua} does, with their data
 * fetchers. The data schema has one list-typed query field and one mutation field per type, with index, LIKE, paging
 * and version arguments; its fetchers turn a field's arguments into a {@link TdgStore} read or write and its rows into
 * GraphQL objects ({@code cursor} and {@code version} included). The {@code admin} schema has the hard limits and the
 * cluster clock. Every error is a {@link TdgError}, which aborts the whole request.
 *
 * <p>Thread-safe: the schemas are immutable, the collaborators thread-safe; per-request state lives in the GraphQL
 * context.
 */
final class TdgSchema {

    /** Context key, present when the request has the header {@code explain: true}: plan by result key. */
    static final String CTX_EXPLAIN = "tdg.explain";
    /** The member {@code explain: true} adds to every object a data query returns: the query's scan plan. */
    static final String QUERY_PLAN = "__query_plan";
    static final String CTX_VERSION_HEADER = "tdg.versionHeader";
    static final String CTX_HARD_LIMIT_FAULT = "tdg.hardLimitFault";
    /** Set when a data query field ran (and no mutation did): random writes follow served query pages. */
    static final String CTX_DATA_QUERY = "tdg.dataQuery";
    static final String CTX_MUTATION = "tdg.mutation";
    private static final int DEFAULT_FIRST = 10;
    private static final Set<String> UPDATE_OPS = Set.of("set", "=", "+", "-");
    private static final List<String> RANGE_SUFFIXES = List.of("_gt", "_ge", "_lt", "_le");
    /** System fields exist as filter arguments only to be refused with TDG's message, never to filter. */
    private static final List<String> SYSTEM_FILTERS = List.of("bucket_id", "version_gt", "version_ge", "version_lt",
            "version_le");

    private final TdgStore store;
    private final TdgHardLimits limits;
    private final Queue<Integer> firstValues;

    TdgSchema(TdgStore store, TdgHardLimits limits, Queue<Integer> firstValues) {
        this.store = store;
        this.limits = limits;
        this.firstValues = firstValues;
    }

    private static GraphQLScalarType scalar(FieldType type) {
        return switch (type) {
            case STRING, DECIMAL -> Scalars.GraphQLString;
            case LONG -> TdgScalars.LONG;
            case INT -> Scalars.GraphQLInt;
            case DOUBLE -> Scalars.GraphQLFloat;
            case BOOLEAN -> Scalars.GraphQLBoolean;
        };
    }

    GraphQLSchema dataSchema(TdgModel model) {
        GraphQLObjectType.Builder query = GraphQLObjectType.newObject().name("Query");
        GraphQLObjectType.Builder mutation = GraphQLObjectType.newObject().name("Mutation");
        GraphQLCodeRegistry.Builder code = GraphQLCodeRegistry.newCodeRegistry();
        for (TypeDef type : model.types()) {
            GraphQLObjectType.Builder object = GraphQLObjectType.newObject().name(type.name());
            GraphQLInputObjectType.Builder input = GraphQLInputObjectType.newInputObject().name(type.name() + "Input");
            for (FieldDef field : type.fields()) {
                object.field(newFieldDefinition().name(field.name()).type(scalar(field.type())));
                input.field(newInputObjectField().name(field.name()).type(scalar(field.type())));
            }
            object.field(newFieldDefinition().name("cursor").type(Scalars.GraphQLString));
            if (type.versioned()) {
                object.field(newFieldDefinition().name("version").type(TdgScalars.LONG));
                input.field(newInputObjectField().name("version").type(TdgScalars.LONG));
            }
            GraphQLObjectType objectType = object.build();
            List<GraphQLArgument> filters = filterArguments(type);

            GraphQLFieldDefinition.Builder queryField = newFieldDefinition().name(type.name())
                    .type(GraphQLList.list(objectType)).arguments(filters)
                    .argument(newArgument().name("first").type(Scalars.GraphQLInt))
                    .argument(newArgument().name("after").type(Scalars.GraphQLString));
            GraphQLFieldDefinition.Builder mutationField = newFieldDefinition().name(type.name())
                    .type(GraphQLList.list(objectType)).arguments(filters)
                    .argument(newArgument().name("insert").type(input.build()))
                    .argument(newArgument().name("update").type(GraphQLList.list(GraphQLList.list(TdgScalars.ANY))))
                    .argument(newArgument().name("delete").type(Scalars.GraphQLBoolean))
                    .argument(newArgument().name("if_not_exists").type(Scalars.GraphQLBoolean));
            if (type.versioned()) {
                for (GraphQLFieldDefinition.Builder f : List.of(queryField, mutationField)) {
                    f.argument(newArgument().name("version").type(TdgScalars.LONG))
                            .argument(newArgument().name("all_versions").type(Scalars.GraphQLBoolean));
                }
                mutationField.argument(newArgument().name("only_if_version").type(TdgScalars.LONG));
            }
            query.field(queryField);
            mutation.field(mutationField);
            code.dataFetcher(FieldCoordinates.coordinates("Query", type.name()), query(type));
            code.dataFetcher(FieldCoordinates.coordinates("Mutation", type.name()), mutation(type));
        }
        return GraphQLSchema.newSchema().query(query).mutation(mutation).codeRegistry(code.build()).build();
    }

    private static List<GraphQLArgument> filterArguments(TypeDef type) {
        List<GraphQLArgument> args = new ArrayList<>();
        for (IndexDef index : type.indexes()) {
            GraphQLScalarType scalar = scalar(type.fields().get(index.fieldPosition()).type());
            args.add(newArgument().name(index.name()).type(scalar).build());
            for (String suffix : RANGE_SUFFIXES) {
                args.add(newArgument().name(index.name() + suffix).type(scalar).build());
            }
        }
        for (FieldDef field : type.fields()) {
            if (field.type() == FieldType.STRING || field.type() == FieldType.DECIMAL) {
                args.add(newArgument().name(field.name() + "_like").type(Scalars.GraphQLString).build());
                args.add(newArgument().name(field.name() + "_ilike").type(Scalars.GraphQLString).build());
            }
        }
        for (String system : SYSTEM_FILTERS) {
            args.add(newArgument().name(system).type(TdgScalars.LONG).build());
        }
        return args;
    }

    GraphQLSchema adminSchema() {
        GraphQLObjectType hardLimits = GraphQLObjectType.newObject().name("HardLimits")
                .field(newFieldDefinition().name("scanned").type(TdgScalars.LONG))
                .field(newFieldDefinition().name("returned").type(TdgScalars.LONG))
                .build();
        GraphQLObjectType config = GraphQLObjectType.newObject().name("Config")
                .field(newFieldDefinition().name("hard_limits").type(hardLimits)).build();
        GraphQLObjectType cluster = GraphQLObjectType.newObject().name("Cluster")
                .description("Simulator extension: the newest committed version (the grid's clock)")
                .field(newFieldDefinition().name("current_version").type(TdgScalars.LONG)).build();
        GraphQLObjectType configMutation = GraphQLObjectType.newObject().name("ConfigMutation")
                .field(newFieldDefinition().name("hard_limits").type(hardLimits)
                        .argument(newArgument().name("scanned").type(TdgScalars.LONG))
                        .argument(newArgument().name("returned").type(TdgScalars.LONG)))
                .build();
        DataFetcher<Object> current = env -> Map.of("scanned", (long) limits.scanned(), "returned", (long) limits.returned());
        DataFetcher<Object> set = env -> {
            Long scanned = env.getArgument("scanned");
            Long returned = env.getArgument("returned");
            limits.set(scanned == null ? limits.scanned() : (int) Math.min(Integer.MAX_VALUE, scanned),
                    returned == null ? limits.returned() : (int) Math.min(Integer.MAX_VALUE, returned));
            return current.get(env);
        };
        GraphQLCodeRegistry code = GraphQLCodeRegistry.newCodeRegistry()
                .dataFetcher(FieldCoordinates.coordinates("Query", "config"), (DataFetcher<Object>) env -> Map.of())
                .dataFetcher(FieldCoordinates.coordinates("Query", "cluster"),
                        (DataFetcher<Object>) env -> Map.of("current_version", store.latestVersion()))
                .dataFetcher(FieldCoordinates.coordinates("Config", "hard_limits"), current)
                .dataFetcher(FieldCoordinates.coordinates("Mutation", "config"), (DataFetcher<Object>) env -> Map.of())
                .dataFetcher(FieldCoordinates.coordinates("ConfigMutation", "hard_limits"), set)
                .build();
        return GraphQLSchema.newSchema()
                .query(GraphQLObjectType.newObject().name("Query")
                        .field(newFieldDefinition().name("config").type(config))
                        .field(newFieldDefinition().name("cluster").type(cluster)))
                .mutation(GraphQLObjectType.newObject().name("Mutation")
                        .field(newFieldDefinition().name("config").type(configMutation)))
                .codeRegistry(code)
                .build();
    }

    private DataFetcher<Object> query(TypeDef type) {
        return env -> {
            List<Filter> filters = filters(type, env);
            Integer firstArg = env.getArgument("first");
            int first = firstArg == null ? DEFAULT_FIRST : firstArg;
            firstValues.add(first);
            String after = env.getArgument("after");
            if (first < 0 && after == null) {
                throw new TdgError("Negative first should be specified only with after option", 400);
            }
            List<Object> cursor = after == null ? null : TdgKeys.decodeCursor(after);
            Long version = type.versioned() ? env.getArgument("version") : null;
            GraphQLContext context = env.getGraphQlContext();
            context.put(CTX_DATA_QUERY, true);
            if (version == null && type.versioned()) {
                version = context.get(CTX_VERSION_HEADER);
            }
            boolean allVersions = type.versioned() && Boolean.TRUE.equals(env.getArgument("all_versions"));
            TdgStore.Query query = new TdgStore.Query(type.name(), filters, first, cursor, version, allVersions);
            String plan = plan(type, filters, first, after);
            TdgHardLimits.Meter meter = limits.meter(type.name(), plan);
            AtomicBoolean fault = context.get(CTX_HARD_LIMIT_FAULT);
            if (fault != null && fault.getAndSet(false)) {
                throw new TdgError(meter.forcedScanError(), 500);
            }
            List<Row> rows;
            try {
                rows = store.select(query, meter);
            } catch (IllegalArgumentException e) {
                throw new TdgError("Failed to decode cursor: \"" + after + "\"", 500);
            }
            Map<String, String> plans = context.get(CTX_EXPLAIN);
            if (plans != null) {
                plans.put(env.getField().getResultKey(), plan);
            }
            return objects(type, rows);
        };
    }

    private DataFetcher<Object> mutation(TypeDef type) {
        return env -> {
            env.getGraphQlContext().put(CTX_MUTATION, true);
            Map<String, Object> insert = env.getArgument("insert");
            List<List<Object>> update = env.getArgument("update");
            boolean delete = Boolean.TRUE.equals(env.getArgument("delete"));
            boolean ifNotExists = Boolean.TRUE.equals(env.getArgument("if_not_exists"));
            Long version = type.versioned() ? env.getArgument("version") : null;
            Long onlyIfVersion = type.versioned() ? env.getArgument("only_if_version") : null;
            boolean allVersions = type.versioned() && Boolean.TRUE.equals(env.getArgument("all_versions"));
            if (onlyIfVersion != null && ifNotExists) {
                throw new TdgError("Choose either only_if_version or if_not_exists", 500);
            }
            int actions = (insert != null ? 1 : 0) + (update != null ? 1 : 0) + (delete ? 1 : 0);
            if (actions != 1) {
                throw new TdgError("Exactly one of insert, update or delete should be specified", 500);
            }
            List<Row> rows;
            if (insert != null) {
                Object inputVersion = insert.get("version");
                rows = store.insert(type.name(), TdgStore.coerce(type, insert),
                        inputVersion != null ? (Long) inputVersion : version, ifNotExists, onlyIfVersion);
            } else if (update != null) {
                rows = store.update(type.name(), filters(type, env), updateOps(type, update), version, onlyIfVersion);
            } else {
                rows = store.delete(type.name(), filters(type, env), version, allVersions, onlyIfVersion);
            }
            return objects(type, rows);
        };
    }

    /** Filter arguments in the order the query wrote them: the first index filter picks the scan index. */
    private static List<Filter> filters(TypeDef type, DataFetchingEnvironment env) {
        List<Filter> filters = new ArrayList<>();
        for (Argument argument : env.getField().getArguments()) {
            String name = argument.getName();
            Object value = env.getArgument(name);
            if (SYSTEM_FILTERS.contains(name)) {
                throw new TdgError("Impossible to filter by system field", 500);
            }
            if (value == null) {
                continue;
            }
            Filter filter = filter(type, name, value);
            if (filter != null) {
                filters.add(filter);
            }
        }
        return filters;
    }

    private static Filter filter(TypeDef type, String name, Object value) {
        for (String suffix : List.of("_ilike", "_like")) {
            if (name.endsWith(suffix)) {
                int pos = type.fieldIndex(name.substring(0, name.length() - suffix.length()));
                if (pos >= 0) {
                    return new Filter(null, pos, suffix.equals("_like") ? Op.LIKE : Op.ILIKE, value);
                }
            }
        }
        IndexDef exact = type.index(name);
        if (exact != null) {
            return new Filter(exact, exact.fieldPosition(), Op.EQ, value);
        }
        for (String suffix : RANGE_SUFFIXES) {
            if (name.endsWith(suffix)) {
                IndexDef index = type.index(name.substring(0, name.length() - suffix.length()));
                if (index != null) {
                    Op op = Op.valueOf(suffix.substring(1).toUpperCase());
                    return new Filter(index, index.fieldPosition(), op, value);
                }
            }
        }
        return null;
    }

    /** Accepts {@code [op, field, value]} (the docs' examples) and {@code [field, op, value]} (the code's). */
    private static List<UpdateOp> updateOps(TypeDef type, List<List<Object>> update) {
        List<UpdateOp> ops = new ArrayList<>();
        for (List<Object> item : update) {
            if (item == null || item.size() != 3) {
                throw new TdgError("Update operation should be [operation, field, value]", 500);
            }
            String a = String.valueOf(item.get(0));
            String b = String.valueOf(item.get(1));
            String op;
            String field;
            if (UPDATE_OPS.contains(a) && type.fieldIndex(strip(b)) >= 0) {
                op = a;
                field = strip(b);
            } else if (UPDATE_OPS.contains(b) && type.fieldIndex(strip(a)) >= 0) {
                op = b;
                field = strip(a);
            } else {
                throw new TdgError("Invalid update operation " + item, 500);
            }
            int pos = type.fieldIndex(field);
            ops.add(new UpdateOp(op, pos, TdgStore.coerce(type.fields().get(pos), item.get(2))));
        }
        return ops;
    }

    private static String strip(String path) {
        return path.startsWith("$.") ? path.substring(2) : path;
    }

    /** The rows as GraphQL objects: model fields, {@code cursor}, and {@code version} for a versioned type. */
    static List<Map<String, Object>> objects(TypeDef type, List<Row> rows) {
        return rows.stream().map(row -> object(type, row)).toList();
    }

    private static Map<String, Object> object(TypeDef type, Row row) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = 0; i < type.fields().size(); i++) {
            object.put(type.fields().get(i).name(), row.values()[i]);
        }
        object.put("cursor", TdgKeys.cursor(row.key()));
        if (type.versioned()) {
            object.put("version", row.version());
        }
        return object;
    }

    private static String plan(TypeDef type, List<Filter> filters, int first, String after) {
        Filter scan = TdgScan.scanFilter(type, filters);
        String conditions = filters.stream()
                .map(f -> "{\"field\":\"" + type.fields().get(f.fieldPos()).name() + "\",\"op\":\"" + f.op()
                        + "\",\"value\":" + TdgHardLimits.literal(f.value()) + "}")
                .collect(Collectors.joining(",", "[", "]"));
        return "{\"scan_index\":\"" + scan.index().name() + "\",\"iterator\":\"" + scan.op() + "\",\"scan_value\":"
                + TdgHardLimits.literal(scan.value()) + ",\"filters\":" + conditions + ",\"first\":" + first
                + (after == null ? "" : ",\"after\":\"" + after + "\"") + "}";
    }
}
