package com.pagingetl.simulator.demarches;

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
 */
record DemarchesOptions(int size, long seed, int epoch, int rateLimitPerMinute, double timeoutRate,
                        int timeoutAboveFirst, double serverErrorRate, int changesPerRequest, int hidesPerRequest,
                        int latencyMs) {

    static DemarchesOptions from(SimulatorOptions o) {
        DemarchesOptions options = new DemarchesOptions(o.integer("size", 20_000), o.longValue("seed", 42L),
                o.integer("epoch", 0), o.integer("rateLimitPerMinute", 400), o.decimal("timeoutRate", 0.0),
                o.integer("timeoutAboveFirst", 0), o.decimal("serverErrorRate", 0.0), o.integer("changesPerRequest", 0),
                o.integer("hidesPerRequest", 0), o.integer("latencyMs", 0));
        require(options.size >= 1 && options.size <= 2_000_000, "size", options.size, "between 1 and 2000000");
        require(options.epoch >= 0 && options.epoch <= 3650, "epoch", options.epoch, "between 0 and 3650");
        require(options.rateLimitPerMinute >= 0, "rateLimitPerMinute", options.rateLimitPerMinute, ">= 0 (0 = off)");
        require(options.timeoutRate >= 0 && options.timeoutRate <= 1, "timeoutRate", options.timeoutRate, "between 0 and 1");
        require(options.timeoutAboveFirst >= 0, "timeoutAboveFirst", options.timeoutAboveFirst, ">= 0 (0 = off)");
        require(options.serverErrorRate >= 0 && options.serverErrorRate <= 1, "serverErrorRate", options.serverErrorRate, "between 0 and 1");
        require(options.changesPerRequest >= 0, "changesPerRequest", options.changesPerRequest, ">= 0");
        require(options.hidesPerRequest >= 0, "hidesPerRequest", options.hidesPerRequest, ">= 0");
        require(options.latencyMs >= 0 && options.latencyMs <= 60_000, "latencyMs", options.latencyMs, "between 0 and 60000");
        return options;
    }

    private static void require(boolean ok, String name, Object value, String expected) {
        if (!ok) {
            throw new IllegalArgumentException("simulator option sim." + name + "=" + value + " must be " + expected);
        }
    }
}
