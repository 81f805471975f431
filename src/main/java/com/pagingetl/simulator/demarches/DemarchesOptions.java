package com.pagingetl.simulator.demarches;

import static com.pagingetl.simulator.SimulatorOption.LATENCY_MS;

import java.util.List;

import com.pagingetl.simulator.SimulatorOption;
import com.pagingetl.simulator.SimulatorOptions;

/**
 * The {@code sim.*} options of the démarches simulator, read and validated once. Immutable.
 *
 * @param size               dossiers (all states) of the large démarche 1001; 1002 gets size/40 (at least 20)
 * @param seed               data set seed
 * @param epoch              change batches applied at start
 * @param rateLimitPerMinute Rack::Attack limit per Authorization value and 60 s window, 0 = off
 * @param timeoutRate        probability that a dossiers page times out
 * @param timeoutAboveFirst  every dossiers page with more rows than this times out; 0 = off
 * @param serverErrorRate    probability of an HTTP 500
 * @param changesPerRequest  visible dossiers modified after each served dossiers page
 * @param hidesPerRequest    visible dossiers hidden after each served dossiers page
 * @param latencyMs          fixed delay added to every API answer
 * @param allowedNetworks    the demo token's authorized IPv4 networks (comma-separated CIDRs), empty for none
 */
record DemarchesOptions(int size, long seed, int epoch, int rateLimitPerMinute, double timeoutRate,
                        int timeoutAboveFirst, double serverErrorRate, int changesPerRequest, int hidesPerRequest,
                        int latencyMs, String allowedNetworks) {

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
    static final List<SimulatorOption<?>> ALL = List.of(SIZE, SEED, EPOCH, RATE_LIMIT, TIMEOUT_RATE,
            TIMEOUT_ABOVE_FIRST, SERVER_ERROR_RATE, CHANGES_PER_REQUEST, HIDES_PER_REQUEST, LATENCY_MS,
            ALLOWED_NETWORKS);

    /** @throws IllegalArgumentException for an unknown option or a malformed value, naming it */
    static DemarchesOptions from(SimulatorOptions o) {
        o.check("demarches", ALL);
        return new DemarchesOptions(SIZE.from(o), SEED.from(o), EPOCH.from(o), RATE_LIMIT.from(o),
                TIMEOUT_RATE.from(o), TIMEOUT_ABOVE_FIRST.from(o), SERVER_ERROR_RATE.from(o),
                CHANGES_PER_REQUEST.from(o), HIDES_PER_REQUEST.from(o), LATENCY_MS.from(o), ALLOWED_NETWORKS.from(o));
    }
}
