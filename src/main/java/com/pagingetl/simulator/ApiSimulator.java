package com.pagingetl.simulator;

import java.util.Map;

/**
 * An embedded stand-in for one real API, served over real HTTP on a loopback port.
 *
 * <p>A simulator is started once, answers requests from any number of threads, and is closed when
 * the job or test that started it ends. It never starts by itself: the launcher starts one only for
 * {@code --simulate} or {@code simulate <api>}, and says so in a banner.
 */
public interface ApiSimulator extends AutoCloseable {

    /** Short API name used on the command line: {@code rapid}, {@code demarches}, {@code systax}, {@code tdg}. */
    String name();

    /** Binds to 127.0.0.1 on {@code port}, or on a free port when {@code port} is 0. */
    void start(int port);

    /** Base URL a client uses exactly as it would use the real API's, e.g. {@code http://127.0.0.1:41234}. */
    String baseUrl();

    /**
     * Spring properties that point a job at this simulator: base URL and the demo credentials, e.g.
     * {@code etl.jobs.rapid-content.base-url}. The launcher adds them with the highest precedence.
     */
    Map<String, String> clientProperties();

    /** Human-readable lines printed by the standalone simulator: base URL, demo credentials, admin endpoints. */
    String describe();

    @Override
    void close();
}
