package com.pagingetl.simulator.systax;

import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

import com.pagingetl.simulator.KitSimulator;
import com.pagingetl.simulator.SimAdmin;
import com.pagingetl.simulator.SimServer;
import com.pagingetl.simulator.SimulatedFaults;
import com.pagingetl.simulator.SimulatorOption;
import com.pagingetl.simulator.SimulatorOptions;

import tools.jackson.databind.json.JsonMapper;

/**
 * Embedded simulator of the Systax tax-rules API with the "ponteiro de atualizacao": a login that
 * issues bearer tokens, and a rules endpoint paged by {@code (id_cenario, codigo_produto)} starting
 * at the given pair inclusive and filtered by the update pointer (rules changed after it). Serves
 * real HTTP on 127.0.0.1 through the kit's {@link SimServer}.
 *
 * <p>The data set is deterministic for a seed: base rules plus {@code epoch} change batches. The Java
 * methods below let tests of the jobs change data while a process pages, inject faults and inspect
 * what the client sent.
 *
 * <p>Thread-safe: requests are served concurrently; every data mutation (change batches, API changes,
 * changes after each page) holds the table's monitor, so batches stay deterministic.
 */
public final class SystaxSimulator extends KitSimulator<SystaxFault> {

    private final SystaxOptions options;
    private final DataSetGenerator generator;
    private final RuleTable table;
    private final RuleRenderer renderer;
    private final TokenService tokens;
    private final SystaxHttpHandler handler;
    private final JsonMapper mapper = JsonMapper.shared();
    private final Queue<RecordedRulesRequest> requestLog = new ConcurrentLinkedQueue<>();
    private final List<Long> epochPointers = new CopyOnWriteArrayList<>();
    private final SplittableRandom changeRandom;

    public SystaxSimulator(SimulatorOptions options) {
        super("systax", SystaxFault.class);
        this.options = SystaxOptions.from(options);
        this.generator = new DataSetGenerator(this.options.seed(), this.options.scenarios(), this.options.size(),
                this.options.preset());
        this.table = generator.baseTable();
        this.renderer = new RuleRenderer(this.options.seed(), generator.scenarios());
        this.tokens = new TokenService(this::now, this.options.tokenLifetime(), this.options.username());
        // The plan applies to rules requests only: a login is never faulted.
        SimulatedFaults<SystaxFault> faults = plan(new SimulatedFaults<>(SeedMix.mix(this.options.seed(), 99),
                this.options.errorRate(), this.options.rateLimitRate(), this.options.resetRate(),
                SystaxFault.CONNECTION_RESET, SystaxFault.RATE_LIMIT_429,
                List.of(SystaxFault.SERVER_ERROR_500, SystaxFault.SERVICE_UNAVAILABLE_503)));
        this.changeRandom = new SplittableRandom(SeedMix.mix(this.options.seed(), 5));
        epochPointers.add(table.currentSequence());
        for (int e = 1; e <= this.options.epoch(); e++) {
            advance();
        }
        Runnable afterPage = this.options.changesPerRequest() > 0 ? () -> changeRules(this.options.changesPerRequest()) : () -> { };
        this.handler = new SystaxHttpHandler(this.options, table, renderer, tokens, faults, afterPage, requestLog);
    }

    @Override
    protected SimServer.Handler serve(SimAdmin admin) {
        admin.get("status", this::statusJson)
                .post("advance", request -> mapper.writeValueAsString(advanceReport()))
                .post("token/expire", this::expireAllTokens);
        return request -> {
            if (request.is("POST")) {
                admin.meter().tally(request.path());
            }
            return handler.handle(request);
        };
    }

    @Override
    public Map<String, String> clientProperties() {
        return jobProperties("systax-rules", "username", options.username(), "password", options.password());
    }

    @Override
    public String describe() {
        return String.join(System.lineSeparator(), "Systax tax-rules API simulator at " + baseUrl(),
                "  POST " + options.loginPath() + "  {\"usuario\":\"" + options.username() + "\",\"senha\":\""
                        + options.password() + "\"} -> bearer token valid " + options.tokenLifetime().toSeconds() + " s",
                "  POST " + options.rulesPath() + "  {\"id_cenario\":1,\"codigo_produto\":1,\"paginacao\":100,"
                        + "\"ponteiro_atualizacao\":\"\"} with Authorization: Bearer <token>",
                "  data: " + table.size() + " rules in " + generator.scenarios().size() + " scenarios "
                        + scenarioIds() + ", seed " + options.seed()
                        + (options.preset().isEmpty() ? "" : ", preset " + options.preset()),
                "  epoch " + epoch() + ", current ponteiro_atualizacao " + currentPointer() + ", pointers by epoch "
                        + epochPointers,
                "  admin: " + admin.describe(baseUrl()) + "; advance applies the next change batch",
                "  options (sim.<name>=<value>):", SimulatorOption.describeAll(SystaxOptions.ALL));
    }

    // ---- data: inspection -------------------------------------------------------------------

    /** The current global change sequence, as the next response's top-level pointer will show it. */
    public String currentPointer() {
        return Long.toString(table.currentSequence());
    }

    /** The pointer after the base data ({@code 0}) or after change batch {@code epoch}. */
    public String pointerAtEpoch(int epoch) {
        if (epoch < 0 || epoch >= epochPointers.size()) {
            throw new IllegalArgumentException("epoch " + epoch + " not applied; current epoch is " + epoch());
        }
        return Long.toString(epochPointers.get(epoch));
    }

    /** Number of change batches applied so far. */
    public int epoch() {
        return epochPointers.size() - 1;
    }

    public int totalRules() {
        return table.size();
    }

    /** Keys a full pass with this pointer must deliver (all rules for null or empty), in delivery order. */
    public List<RuleKey> changedKeysAfter(String pointer) {
        return table.keysChangedAfter(sequenceOf(pointer));
    }

    public int countChangedAfter(String pointer) {
        return changedKeysAfter(pointer).size();
    }

    public List<Integer> scenarioIds() {
        return generator.scenarios().stream().map(Scenario::id).toList();
    }

    /** The JSON the API would deliver for this rule now, or null when there is no such rule. */
    public String ruleJson(int cenario, int produto) {
        RuleRow row = table.get(new RuleKey(cenario, produto));
        return row == null ? null : mapper.writeValueAsString(renderer.render(row));
    }

    // ---- data: mutation ---------------------------------------------------------------------

    /** Gives {@code count} random rules new values and new sequences; returns their keys. */
    public List<RuleKey> changeRules(int count) {
        return table.changeRandom(changeRandom, count, now().getEpochSecond());
    }

    public void changeRule(int cenario, int produto) {
        table.change(new RuleKey(cenario, produto), now().getEpochSecond());
    }

    /** Adds a new rule (a new product or operation) with the next sequence; refuses an existing key. */
    public void addRule(int cenario, int produto) {
        table.addAll(List.of(new RuleKey(cenario, produto)), 0, now().getEpochSecond());
    }

    /** Applies the next deterministic change batch, as {@code POST /__admin/sim/advance} does; returns the new epoch. */
    public int advance() {
        return advanceReport().epoch();
    }

    private DataSetGenerator.BatchResult advanceReport() {
        // The table's own monitor: no other change takes a sequence in the middle of a batch.
        synchronized (table) {
            DataSetGenerator.BatchResult result = generator.applyBatch(table, epoch() + 1);
            epochPointers.add(table.currentSequence());
            return result;
        }
    }

    // ---- faults, auth and counters -----------------------------------------------------------

    public void expireAllTokens() {
        tokens.expireAll();
    }

    /** Rules POSTs (any outcome) since the meter's last reset. */
    public int rulesRequestCount() {
        return (int) admin.meter().count(options.rulesPath());
    }

    /** Login POSTs (any outcome) since the meter's last reset. */
    public int loginCount() {
        return (int) admin.meter().count(options.loginPath());
    }

    /** Every rules request received so far, in arrival order, with the key and pointer it sent. */
    public List<RecordedRulesRequest> rulesRequests() {
        return List.copyOf(requestLog);
    }

    public void clearRequestLog() {
        requestLog.clear();
    }

    public String username() {
        return options.username();
    }

    public String password() {
        return options.password();
    }

    public String loginPath() {
        return options.loginPath();
    }

    public String rulesPath() {
        return options.rulesPath();
    }

    private String statusJson() {
        return mapper.writeValueAsString(mapper.createObjectNode().put("epoch", epoch())
                .put("ponteiro_atualizacao", currentPointer()).put("regras", table.size())
                .put("requisicoes_regras", rulesRequestCount()).put("logins", loginCount()));
    }

    private static long sequenceOf(String pointer) {
        if (pointer == null || pointer.isBlank()) {
            return Long.MIN_VALUE;
        }
        if (!pointer.trim().matches("\\d{1,18}")) {
            throw new IllegalArgumentException("not a pointer: " + pointer);
        }
        return Long.parseLong(pointer.trim());
    }
}
