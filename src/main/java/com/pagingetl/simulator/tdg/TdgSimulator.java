package com.pagingetl.simulator.tdg;

import static com.pagingetl.simulator.SimulatorOption.ERROR_RATE;
import static com.pagingetl.simulator.SimulatorOption.LATENCY_MS;
import static com.pagingetl.simulator.SimulatorOption.RESET_RATE;

import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

import com.pagingetl.simulator.KitSimulator;
import com.pagingetl.simulator.SimAdmin;
import com.pagingetl.simulator.SimRequest;
import com.pagingetl.simulator.SimResponse;
import com.pagingetl.simulator.SimServer;
import com.pagingetl.simulator.SimulatedFaults;
import com.pagingetl.simulator.SimulatorOption;
import com.pagingetl.simulator.SimulatorOptions;
import com.pagingetl.simulator.tdg.TdgModel.TypeDef;
import com.pagingetl.simulator.tdg.TdgStore.Filter;
import com.pagingetl.simulator.tdg.TdgStore.Op;
import com.pagingetl.simulator.tdg.TdgStore.Row;

/**
 * Embedded Tarantool Data Grid 2.x GraphQL API ({@code POST /graphql}) on the kit's {@link SimServer}, serving the model
 * in {@code sample-data/tdg/model.json}: a versioned {@code Country} table (Russia's phone code was +7
 * before its latest version, +8) and {@code sim.size} generated {@code Account}s with several versions
 * each. Reproduces TDG's cursors, as-of and all-versions reads, mutations at a version, hard limits,
 * the error envelope and the plain-text 401.
 *
 * <p>Thread-safe: many clients may page concurrently while tests or random writes change the data.
 */
public final class TdgSimulator extends KitSimulator<TdgSimulator.FaultKind> {

    /** Kinds of injected failure, each for one request. */
    public enum FaultKind {
        /** HTTP 500 with a plain-text body. */
        SERVER_ERROR_500,
        /** HTTP 200 with the TDG error envelope, code 500, no data. */
        ENVELOPE_ERROR,
        /** HTTP 200 whose body is an HTML gateway page, not JSON. */
        NON_JSON_200,
        /** The connection is reset before any answer. */
        CONNECTION_RESET,
        /** The request's first data query fails with the scanned hard-limit error. */
        HARD_LIMIT
    }

    public static final String DEFAULT_TOKEN = "demo-tdg-token";
    /** {@code , after: "<cursor>"} as it appears JSON-escaped in a request body. */
    private static final java.util.regex.Pattern AFTER_ARGUMENT = java.util.regex.Pattern.compile(",\\s*after:\\s*\\\\\"[^\\\\\"]*\\\\\"");

    private final TdgModel model;
    private final TdgStore store;
    private final TdgHardLimits limits;
    private final TdgRequestHandler handler;
    private final SimulatorOptions options;
    private final String token;
    private final int latencyMs;
    private final int writesPerRequest;
    private final Queue<Integer> firstValues = new ConcurrentLinkedQueue<>();
    /** Number of the data query answered as if it had no {@code after}; 0 for none. */
    private final AtomicLong cycleAt = new AtomicLong();
    /** Request meter tally of the successful data-schema queries. */
    private static final String DATA_QUERY = "dataQueries";

    static final SimulatorOption<Integer> SIZE = SimulatorOption.integer("size", 50_000, 0, 10_000_000,
            "objects generated");
    static final SimulatorOption<Integer> VERSIONS = SimulatorOption.integer("versionsPerObject", 3, 1, 1000,
            "versions stored per object");
    static final SimulatorOption<Long> SEED = SimulatorOption.longValue("seed", 42L, "data set seed");
    static final SimulatorOption<String> TOKEN = SimulatorOption.text("token", DEFAULT_TOKEN, false,
            "the Bearer token accepted");
    static final SimulatorOption<Integer> SCANNED = SimulatorOption.integer("hardLimitScanned", 2000, 1,
            Integer.MAX_VALUE, "hard limit of scanned rows per request");
    static final SimulatorOption<Integer> RETURNED = SimulatorOption.integer("hardLimitReturned", 100, 1,
            Integer.MAX_VALUE, "hard limit of returned rows per request");
    static final SimulatorOption<Integer> WRITES = SimulatorOption.integer("writesPerRequest", 0, 0,
            Integer.MAX_VALUE, "objects written after each data query");
    static final SimulatorOption<String> MODEL = SimulatorOption.text("model", "", true,
            "path of an Avro model file; empty for the built-in model");
    static final List<SimulatorOption<?>> OPTIONS = List.of(SIZE, VERSIONS, SEED, TOKEN, SCANNED, RETURNED, LATENCY_MS,
            WRITES, ERROR_RATE, RESET_RATE, MODEL);

    /** @throws IllegalArgumentException for an unknown option or a malformed value, naming it */
    public TdgSimulator(SimulatorOptions options) {
        super("tdg", FaultKind.class);
        options.check("tdg", OPTIONS);
        this.options = options;
        long seed = SEED.from(options);
        this.token = TOKEN.from(options);
        this.latencyMs = LATENCY_MS.from(options);
        this.writesPerRequest = WRITES.from(options);
        String modelPath = MODEL.from(options);
        this.model = modelPath.isBlank() ? TdgModel.loadDefault() : TdgModel.load(java.nio.file.Path.of(modelPath));
        this.store = new TdgStore(model, new TdgDataGenerator(seed), seed, SIZE.from(options), VERSIONS.from(options));
        this.limits = new TdgHardLimits(SCANNED.from(options), RETURNED.from(options));
        plan(new SimulatedFaults<>(seed * 31 + 7, ERROR_RATE.from(options), 0, RESET_RATE.from(options),
                FaultKind.CONNECTION_RESET, null, List.of(FaultKind.SERVER_ERROR_500, FaultKind.ENVELOPE_ERROR)));
        TdgSchema schema = new TdgSchema(store, limits, firstValues);
        this.handler = new TdgRequestHandler(schema.dataSchema(model), schema.adminSchema(), token, this::afterDataQuery);
    }

    @Override
    protected SimServer.Handler serve(SimAdmin admin) {
        admin.post("data/write-random", request -> {
            updateRandom(Integer.parseInt(request.param("count")));
            return "{\"latestVersion\":" + latestVersion() + "}";
        });
        return this::answer;
    }

    @Override
    public Map<String, String> clientProperties() {
        return jobProperties("tdg-versions", "token", token);
    }

    @Override
    public String describe() {
        return String.join("\n",
                "TDG 2.x GraphQL simulator: POST " + baseUrl() + "/graphql",
                "Auth: Authorization: Bearer " + token,
                "Types: " + model.types().stream().map(t -> t.name() + " (" + store.liveCount(t.name()) + " objects, "
                        + store.storedVersions(t.name()) + " versions" + (t.versioned() ? "" : ", not versioned") + ")")
                        .collect(java.util.stream.Collectors.joining(", "))
                        + "; data: seed " + SEED.from(options) + ", size " + SIZE.from(options) + ", versionsPerObject ~"
                        + VERSIONS.from(options)
                        + (model.type("Country") != null ? "; Country Russia: +7 in its earlier version, +8 in the latest" : ""),
                "Hard limits: scanned " + limits.scanned() + ", returned " + limits.returned()
                        + " (admin: header 'schema: admin', query { config { hard_limits { scanned returned } } })",
                "Newest committed version: " + store.latestVersion()
                        + " (admin: query { cluster { current_version } }, a simulator extension)",
                "Simulator admin: " + admin.describe(baseUrl()) + "; data/write-random?count=N applies N random"
                        + " writes, each at a new version",
                "Options (sim.<name>=<value>):", SimulatorOption.describeAll(OPTIONS));
    }

    // ---------------------------------------------------------------- Java API for job tests

    /** The newest committed version across the grid (uint64 nanoseconds, fits a signed long). */
    public long latestVersion() {
        return store.latestVersion();
    }

    /** Applies {@code count} random writes to the generated type, each at a new version. */
    public void updateRandom(int count) {
        store.writeRandom(count);
    }

    /** Sets one field of the object with primary key {@code key} at a new version; returns that version. */
    public long update(String type, Object key, String field, Object value) {
        TypeDef def = store.type(type);
        int pos = def.fieldIndex(field);
        if (pos < 0) {
            throw new IllegalArgumentException("no field " + type + "." + field);
        }
        List<Row> rows = store.update(type, List.of(pkFilter(def, key)),
                List.of(new TdgStore.UpdateOp("set", pos, TdgStore.coerce(def.fields().get(pos), value))), null, null);
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("no live " + type + " with key " + key);
        }
        return rows.get(0).version();
    }

    /** Inserts (or writes a new version of) an object from field values; returns the new version. */
    public long insert(String type, Map<String, ?> values) {
        return store.insert(type, TdgStore.coerce(store.type(type), values), null, false, null).get(0).version();
    }

    /** Deletes the object with primary key {@code key} at a new version; returns that version (or -1). */
    public long delete(String type, Object key) {
        TypeDef def = store.type(type);
        List<Row> rows = store.delete(type, List.of(pkFilter(def, key)), null, false, null);
        return rows.isEmpty() ? -1 : store.latestVersion();
    }

    private static Filter pkFilter(TypeDef def, Object key) {
        return new Filter(def.primary(), def.primary().fieldPosition(), Op.EQ,
                TdgStore.coerce(def.fields().get(def.primary().fieldPosition()), key));
    }

    /**
     * Exactly what an as-of read at {@code version} returns over all pages, in primary-key order, as
     * GraphQL objects (model fields plus {@code version} and {@code cursor}). {@code null} = latest.
     */
    public List<Map<String, Object>> expectedSnapshot(String type, Long version) {
        return expected(type, version, false);
    }

    /** Every stored version of every object ({@code all_versions: true}), by primary key then version. */
    public List<Map<String, Object>> expectedHistory(String type) {
        return expected(type, null, true);
    }

    private List<Map<String, Object>> expected(String type, Long version, boolean all) {
        return TdgSchema.objects(store.type(type), store.select(new TdgStore.Query(type, List.of(), Integer.MAX_VALUE,
                null, version, all), TdgHardLimits.unlimited()));
    }

    /** Objects a latest read of {@code type} returns over all pages. */
    public int liveObjects(String type) {
        return store.liveCount(type);
    }

    /** Versions an {@code all_versions: true} read of {@code type} returns over all pages. */
    public long storedVersions(String type) {
        return store.storedVersions(type);
    }

    /**
     * Answers data query number {@code n} (counted as {@link #dataQueryCount()} counts them) as if it had no
     * {@code after} argument: the grid serves the first page again, so the cursors lead back to a page already read.
     */
    public void cycleCursorsAtDataQuery(long n) {
        cycleAt.set(n);
    }

    /** Also ends {@link #cycleCursorsAtDataQuery}. */
    @Override
    public void clearFaults() {
        cycleAt.set(0);
        super.clearFaults();
    }

    /** Changes the hard limits as the admin mutation does. */
    public void setHardLimits(int scanned, int returned) {
        limits.set(scanned, returned);
    }

    /** Successful data-schema queries served. */
    public long dataQueryCount() {
        return admin.meter().count(DATA_QUERY);
    }

    /** The effective {@code first} of every query field resolved, in order (10 when absent). */
    public List<Integer> firstValues() {
        return List.copyOf(firstValues);
    }

    /** Zeroes the request meter (as {@code POST /__admin/sim/requests/reset} does) and forgets the first values. */
    public void resetCounters() {
        admin.meter().reset();
        firstValues.clear();
    }

    // ---------------------------------------------------------------- HTTP

    private SimResponse answer(SimRequest request) {
        SimulatedFaults.Decision<FaultKind> decision = faults().next();
        FaultKind fault = decision.status() > 0 ? FaultKind.SERVER_ERROR_500 : decision.fault();
        return (fault == null || fault == FaultKind.HARD_LIMIT ? graphql(request, fault == FaultKind.HARD_LIMIT) : switch (fault) {
            case CONNECTION_RESET -> SimResponse.reset();
            case SERVER_ERROR_500 -> SimResponse.of(500, "text/plain", "Internal Server Error");
            case NON_JSON_200 -> SimResponse.of(200, "text/html", "<html><body>502 Bad Gateway</body></html>");
            default -> SimResponse.of(200, TdgRequestHandler.CONTENT_TYPE,
                    "{\"errors\":[{\"message\":\"Injected failure\",\"extensions\":{\"code\":500}}]}");
        }).delayed(latencyMs);
    }

    private SimResponse graphql(SimRequest request, boolean hardLimitFault) {
        byte[] body = request.body();
        if (cycleAt.get() > 0 && dataQueryCount() + 1 == cycleAt.get()) {
            body = AFTER_ARGUMENT.matcher(new String(body, java.nio.charset.StandardCharsets.UTF_8)).replaceAll("")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        return handler.handle(request, body, hardLimitFault);
    }

    private void afterDataQuery() {
        admin.meter().tally(DATA_QUERY);
        if (writesPerRequest > 0) {
            // The grid keeps being written while a job reads it.
            store.writeRandom(writesPerRequest);
        }
    }
}
