package com.pagingetl.simulator.demarches;

import static com.pagingetl.simulator.SimulatorOption.LATENCY_MS;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;

import com.pagingetl.simulator.KitSimulator;
import com.pagingetl.simulator.SimAdmin;
import com.pagingetl.simulator.SimServer;
import com.pagingetl.simulator.SimulatedFaults;
import com.pagingetl.simulator.SimulatorOption;
import com.pagingetl.simulator.SimulatorOptions;

import tools.jackson.databind.json.JsonMapper;

/**
 * Embedded démarches-simplifiées GraphQL API v2 ({@code POST /api/v2/graphql}) over real HTTP, with a deterministic
 * data set, change batches ("epochs"), live changes while a client pages, and fault injection. See
 * {@link #describe()} for the options and admin endpoints.
 *
 * <p>Thread-safe: the data set is guarded by {@link DossierStore}'s lock, the request meter and fault plans are atomic,
 * {@link #advanceEpoch()} is serialized.
 */
public final class DemarchesSimulator extends KitSimulator<DemarchesFault> {

    /** The large démarche the demo token reads. */
    public static final int DEFAULT_DEMARCHE = 1001;
    /** A small démarche the demo token reads (demandeurs are companies). */
    public static final int SMALL_DEMARCHE = 1002;
    /** A démarche of another administration: the demo token gets "hidden due to permissions". */
    public static final int FORBIDDEN_DEMARCHE = 1003;

    static final SimulatorOption<Integer> SIZE = SimulatorOption.integer("size", 20_000, 1, 2_000_000,
            "dossiers of the large démarche 1001; 1002 gets size/40 (at least 20)");
    static final SimulatorOption<Long> SEED = SimulatorOption.longValue("seed", 42L, "data set seed");
    static final SimulatorOption<Integer> EPOCH = SimulatorOption.integer("epoch", 0, 0, 3650,
            "change batches applied at start");
    static final SimulatorOption<Integer> RATE_LIMIT = SimulatorOption.integer("rateLimitPerMinute", 400, 0,
            Integer.MAX_VALUE, "requests per Authorization value and 60 s window, 0 = off");
    static final SimulatorOption<Double> TIMEOUT_RATE = SimulatorOption.share("timeoutRate", 0,
            "share of dossiers pages that time out");
    static final SimulatorOption<Integer> TIMEOUT_ABOVE_FIRST = SimulatorOption.integer("timeoutAboveFirst", 0, 0,
            Integer.MAX_VALUE, "every dossiers page with more rows than this times out, 0 = off");
    static final SimulatorOption<Double> SERVER_ERROR_RATE = SimulatorOption.share("serverErrorRate", 0,
            "share of requests answered 500");
    static final SimulatorOption<Integer> CHANGES_PER_REQUEST = SimulatorOption.integer("changesPerRequest", 0, 0,
            Integer.MAX_VALUE, "visible dossiers modified after each served dossiers page");
    static final SimulatorOption<Integer> HIDES_PER_REQUEST = SimulatorOption.integer("hidesPerRequest", 0, 0,
            Integer.MAX_VALUE, "visible dossiers hidden after each served dossiers page");
    static final SimulatorOption<String> ALLOWED_NETWORKS = SimulatorOption.text("allowedNetworks", "", true,
            "IPv4 networks the demo token may be used from (10.0.0.0/8,...); others get 403, empty = any");
    static final List<SimulatorOption<?>> OPTIONS = List.of(SIZE, SEED, EPOCH, RATE_LIMIT, TIMEOUT_RATE,
            TIMEOUT_ABOVE_FIRST, SERVER_ERROR_RATE, CHANGES_PER_REQUEST, HIDES_PER_REQUEST, LATENCY_MS,
            ALLOWED_NETWORKS);

    private final SimulatorOptions options;
    private final int changesPerRequest;
    private final int hidesPerRequest;
    private final Templates templates;
    private final DataGenerator generator;
    private final DossierStore store;
    private final TokenRegistry tokens;
    private final GraphqlEndpoint endpoint;
    private final SplittableRandom liveRandom;
    private int epoch;

    /** @throws IllegalArgumentException for an unknown option or a malformed value, naming it */
    public DemarchesSimulator(SimulatorOptions options) {
        super("demarches", DemarchesFault.class);
        this.options = options.check("demarches", OPTIONS);
        this.changesPerRequest = CHANGES_PER_REQUEST.from(options);
        this.hidesPerRequest = HIDES_PER_REQUEST.from(options);
        long seed = SEED.from(options);
        this.templates = Templates.load();
        this.generator = new DataGenerator(templates, seed, SIZE.from(options));
        this.store = generator.baseStore();
        this.epoch = EPOCH.from(options);
        for (int e = 1; e <= epoch; e++) {
            generator.applyBatch(store, e);
        }
        this.liveRandom = new SplittableRandom(DataGenerator.mix(seed, 0x11FE, 1));
        this.tokens = new TokenRegistry(Set.of(DEFAULT_DEMARCHE, SMALL_DEMARCHE), ALLOWED_NETWORKS.from(options));
        SimulatedFaults<DemarchesFault> faults = plan(new SimulatedFaults<>(seed * 31 + 0xFA17,
                SERVER_ERROR_RATE.from(options), 0, 0, null, null, List.of(DemarchesFault.SERVER_ERROR_500))
                .withShare(DemarchesFault.TIMEOUT, TIMEOUT_RATE.from(options)));
        DossierRenderer renderer = new DossierRenderer(templates, seed);
        DemarchesQueries queries = new DemarchesQueries(templates, store, renderer, tokens,
                TIMEOUT_ABOVE_FIRST.from(options), admin.meter(), this::afterDossiersPage);
        DemarchesMutations mutations = new DemarchesMutations(store, renderer, tokens, DemarchesSimulator::nowNanos);
        this.endpoint = new GraphqlEndpoint(queries.schema(templates.schemaSdl, mutations), templates, tokens,
                new RateLimiter(RATE_LIMIT.from(options), System::currentTimeMillis), faults, admin.meter(),
                LATENCY_MS.from(options));
    }

    @Override
    protected SimServer.Handler serve(SimAdmin admin) {
        admin.get("status", this::stateJson)
                .post("advance", request -> advanceJson())
                .post("token/expire", request -> setTokenExpired(true))
                .post("token/renew", request -> setTokenExpired(false));
        return endpoint;
    }

    @Override
    public Map<String, String> clientProperties() {
        return jobProperties("demarches-dossiers", "token", demoToken());
    }

    @Override
    public String describe() {
        String base = baseUrl();
        String networks = ALLOWED_NETWORKS.from(options);
        return String.join("\n",
                "démarches-simplifiées GraphQL API v2 simulator",
                "  endpoint        POST " + base + GraphqlEndpoint.PATH + "   (only POST is routed)",
                "  auth            Authorization: Bearer " + demoToken(),
                "  démarches       " + DEFAULT_DEMARCHE + " (" + store.size(DEFAULT_DEMARCHE) + " dossiers, "
                        + store.visibleNumbers(DEFAULT_DEMARCHE).size() + " visible), " + SMALL_DEMARCHE + " ("
                        + store.size(SMALL_DEMARCHE) + " dossiers, " + store.visibleNumbers(SMALL_DEMARCHE).size()
                        + " visible), " + FORBIDDEN_DEMARCHE + " (no rights for the demo token)",
                "  data            seed=" + SEED.from(options) + " size=" + SIZE.from(options) + " epoch=" + epoch()
                        + "; base timestamps 2024-01-01..2026-06-30, batch e dated 2026-06-30 + e days",
                "  persisted       queryId \"ds-query-v2\" with operationName getDemarche, getGroupeInstructeur or getDossier;",
                "                  queryId \"ds-mutation-v2\" with dossierPasserEnInstruction, dossierRepasserEnConstruction,",
                "                  dossierAccepter, dossierRefuser or dossierClasserSansSuite (variables.input as in the schema)",
                "  limits          first capped at 100; rateLimitPerMinute=" + RATE_LIMIT.from(options)
                        + " (429 text body, RateLimit-* headers)",
                "  faults          timeoutRate=" + TIMEOUT_RATE.from(options) + " timeoutAboveFirst="
                        + TIMEOUT_ABOVE_FIRST.from(options) + " serverErrorRate=" + SERVER_ERROR_RATE.from(options)
                        + " (timeout: HTTP 200, code timeout, dossiers.nodes/edges null, pageInfo kept)",
                "  live changes    changesPerRequest=" + changesPerRequest + " hidesPerRequest=" + hidesPerRequest
                        + " (applied after each served dossiers page)",
                "  admin           " + admin.describe(base) + "; advance applies the next change batch (epoch + 1),"
                        + " token/expire makes the demo token answer 401 Token expired until token/renew",
                "  network         allowedNetworks=" + (networks.isBlank() ? "(any)" : networks)
                        + " (elsewhere: 403 forbidden network)",
                "  options (sim.<name>=<value>):", SimulatorOption.describeAll(OPTIONS));
    }

    // ---- Java API for job tests ------------------------------------------------------------------------------

    /** The demo token: urlsafe base64 (padded) of {@code "<uuid>;<secret>"}, like a real v3 token. */
    public static String demoToken() {
        return TokenRegistry.demoToken();
    }

    /** Applies the next change batch; returns a summary line. Deterministic for a given seed and size. */
    public synchronized String advanceEpoch() {
        epoch++;
        return generator.applyBatch(store, epoch);
    }

    public synchronized int epoch() {
        return epoch;
    }

    /**
     * Edits {@code count} distinct random visible dossiers (fewer only if the démarche has fewer). Distinct, since a
     * caller counts the changes a sync must find: a dossier drawn twice would be one change, not two.
     */
    public List<Long> touchDossiers(int demarche, int count) {
        Set<Long> touched = new LinkedHashSet<>();
        for (int draw = 0; touched.size() < count && draw < count * 100; draw++) {
            long number = store.randomVisible(demarche, ThreadLocalRandom.current());
            if (number >= 0 && !touched.contains(number) && touch(number)) {
                touched.add(number);
            }
        }
        return List.copyOf(touched);
    }

    /** Edits a champ of a dossier now: its updated_at becomes later than every existing timestamp. */
    public boolean touch(long number) {
        return store.editChamps(number, nowNanos());
    }

    /** Deposits a new dossier on a démarche; returns its number. */
    public long deposit(int demarche) {
        Templates.DemarcheTemplate template = templates.demarche(demarche);
        long seed = ThreadLocalRandom.current().nextLong();
        return store.deposit(demarche, nowNanos(), (number, at) -> generator.newDossier(template, number, at, seed)).number();
    }

    /** Hides a visible dossier (by its user when en_construction, else by the administration): it moves to pendingDeletedDossiers. */
    public boolean hide(long number) {
        return store.hide(number, nowNanos());
    }

    /** Restores a hidden dossier: it comes back in dossiers with a new updated_at. */
    public boolean restore(long number) {
        return store.restore(number, nowNanos());
    }

    /** Purges a dossier: it leaves dossiers/pendingDeletedDossiers and appears in deletedDossiers. */
    public boolean purge(long number) {
        return store.purge(number, nowNanos());
    }

    /** What a complete sync of {@code dossiers} must end with, ascending. */
    public List<Long> visibleDossierNumbers(int demarche) {
        return store.visibleNumbers(demarche);
    }

    public List<Long> pendingDeletedDossierNumbers(int demarche) {
        return store.pendingNumbers(demarche);
    }

    public List<Long> deletedDossierNumbers(int demarche) {
        return store.deletedNumbers(demarche);
    }

    /** Visible dossiers a sync resumed from an {@code updatedSince}-ordering cursor must receive, in order. */
    public List<Long> changedSince(int demarche, String cursor) {
        return store.visibleUpdatedAfter(demarche, SortKey.parse(cursor));
    }

    /** Encodes a cursor the way the server does (useful to build a "rewound" cursor). */
    public static String cursor(java.time.Instant orderColumn, long id) {
        return new SortKey(Timestamps.nanos(orderColumn), id).cursor();
    }

    /** {@code true} makes the demo token answer 401 Token expired; returns the admin answer {@code {"tokenExpired":..}}. */
    public String setTokenExpired(boolean expired) {
        tokens.setExpired(expired);
        return "{\"tokenExpired\":" + expired + "}";
    }

    /** {@code false} makes the demo token unknown: every query gets the 403 "only persisted queries". */
    public void setTokenValid(boolean valid) {
        tokens.setValid(valid);
    }

    /** API requests (all outcomes) since the meter's last reset. */
    public long requestCount() {
        return admin.meter().requests();
    }

    /** dossiers pages served with data (timeouts excluded). */
    public long dossiersPageCount() {
        return admin.meter().count(DemarchesQueries.DOSSIERS_PAGE);
    }

    public long timeoutCount() {
        return admin.meter().count(DemarchesQueries.TIMEOUT_PAGE);
    }

    public long rateLimitedCount() {
        return admin.meter().count(GraphqlEndpoint.RATE_LIMITED);
    }

    // ---- internals -------------------------------------------------------------------------------------------

    private void afterDossiersPage(int demarche) {
        for (int i = 0; i < changesPerRequest + hidesPerRequest; i++) {
            long number = randomVisible(demarche);
            if (number >= 0 && i < changesPerRequest) {
                store.editChamps(number, nowNanos());
            } else if (number >= 0) {
                store.hide(number, nowNanos());
            }
        }
    }

    private long randomVisible(int demarche) {
        synchronized (liveRandom) {
            return store.randomVisible(demarche, liveRandom);
        }
    }

    private static long nowNanos() {
        return Timestamps.nanos(java.time.Instant.now());
    }

    private String advanceJson() {
        String summary = advanceEpoch();
        return JsonMapper.shared().writeValueAsString(Map.of("epoch", epoch(), "summary", summary));
    }

    private String stateJson() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("epoch", epoch());
        for (int demarche : List.of(DEFAULT_DEMARCHE, SMALL_DEMARCHE, FORBIDDEN_DEMARCHE)) {
            state.put(Integer.toString(demarche), Map.of("visible", store.visibleNumbers(demarche).size(),
                    "pendingDeleted", store.pendingNumbers(demarche).size(), "deleted", store.deletedNumbers(demarche).size()));
        }
        state.put("requests", requestCount());
        state.put("dossiersPages", dossiersPageCount());
        state.put("timeouts", timeoutCount());
        state.put("rateLimited", rateLimitedCount());
        return JsonMapper.shared().writeValueAsString(state);
    }
}
