package com.pagingetl.simulator.tdg;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import graphql.GraphQLContext;
import graphql.language.Argument;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;

import com.pagingetl.simulator.tdg.TdgModel.FieldDef;
import com.pagingetl.simulator.tdg.TdgModel.IndexDef;
import com.pagingetl.simulator.tdg.TdgModel.TypeDef;
import com.pagingetl.simulator.tdg.TdgStore.Filter;
import com.pagingetl.simulator.tdg.TdgStore.Op;
import com.pagingetl.simulator.tdg.TdgStore.Row;
import com.pagingetl.simulator.tdg.TdgStore.UpdateOp;

/**
 * The data fetchers of the generated schema: turn a field's arguments into a {@link TdgStore} read or
 * write and its rows into GraphQL objects ({@code cursor} and {@code version} included). Every error is a
 * {@link TdgError}, which aborts the whole request.
 *
 * <p>Thread-safe: holds only thread-safe collaborators; per-request state lives in the GraphQL context.
 */
final class TdgResolvers {

    /** Context key, present when the request has the header {@code explain: true}: plan by result key. */
    static final String CTX_EXPLAIN = "tdg.explain";
    /** The member {@code explain: true} adds to every object a data query returns: the query's scan plan. */
    static final String QUERY_PLAN = "__query_plan";
    static final String CTX_VERSION_HEADER = "tdg.versionHeader";
    static final String CTX_HARD_LIMIT_FAULT = "tdg.hardLimitFault";
    /** Set when a data query field ran (and no mutation did): random writes follow served query pages. */
    static final String CTX_DATA_QUERY = "tdg.dataQuery";
    static final String CTX_MUTATION = "tdg.mutation";
    static final int DEFAULT_FIRST = 10;
    private static final Set<String> UPDATE_OPS = Set.of("set", "=", "+", "-");

    private final TdgStore store;
    private final TdgHardLimits limits;
    private final Queue<Integer> firstValues;

    TdgResolvers(TdgStore store, TdgHardLimits limits, Queue<Integer> firstValues) {
        this.store = store;
        this.limits = limits;
        this.firstValues = firstValues;
    }

    DataFetcher<Object> query(TypeDef type) {
        return env -> {
            List<Filter> filters = filters(type, env);
            Integer firstArg = env.getArgument("first");
            int first = firstArg == null ? DEFAULT_FIRST : firstArg;
            firstValues.add(first);
            String after = env.getArgument("after");
            if (first < 0 && after == null) {
                throw new TdgError("Negative first should be specified only with after option", 400);
            }
            List<Object> cursor = after == null ? null : TdgCursorCodec.decode(after);
            Long version = type.versioned() ? env.getArgument("version") : null;
            GraphQLContext context = env.getGraphQlContext();
            context.put(CTX_DATA_QUERY, true);
            if (version == null && type.versioned()) {
                version = context.get(CTX_VERSION_HEADER);
            }
            boolean allVersions = type.versioned() && Boolean.TRUE.equals(env.getArgument("all_versions"));
            TdgStore.Query query = new TdgStore.Query(type.name(), filters, first, cursor, version, allVersions);
            TdgHardLimits.Meter meter = limits.meter(type.name(), plan(type, filters, first, after));
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
                plans.put(env.getField().getResultKey(), plan(type, filters, first, after));
            }
            return objects(type, rows);
        };
    }

    DataFetcher<Object> mutation(TypeDef type) {
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
            if (TdgSchemaFactory.SYSTEM_FILTERS.contains(name)) {
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
        for (String suffix : TdgSchemaFactory.RANGE_SUFFIXES) {
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

    private static List<Map<String, Object>> objects(TypeDef type, List<Row> rows) {
        List<Map<String, Object>> objects = new ArrayList<>(rows.size());
        for (Row row : rows) {
            objects.add(object(type, row));
        }
        return objects;
    }

    static Map<String, Object> object(TypeDef type, Row row) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = 0; i < type.fields().size(); i++) {
            object.put(type.fields().get(i).name(), row.values()[i]);
        }
        object.put("cursor", TdgCursorCodec.encode(row.key()));
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
