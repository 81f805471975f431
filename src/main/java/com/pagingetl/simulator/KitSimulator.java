package com.pagingetl.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The shape the four simulators share: one {@link SimAdmin} (request log, fault script, the API's own routes), one
 * {@link SimServer} bound by {@link #start} and released by {@link #close}, and one fault plan of kinds {@code K}
 * that tests script through {@link #injectNext}, {@link #failRequestsAfter} and {@link #clearFaults}. A simulator
 * adds its admin routes and returns the handler of its API requests in {@link #serve}; the fault script routes are
 * added for it.
 *
 * <p>Thread-safe: start and close are serialised; {@link #baseUrl} takes no lock, because request threads ask
 * for it while {@link #close} waits for them.
 */
public abstract class KitSimulator<K extends Enum<K>> implements ApiSimulator {

    protected final SimAdmin admin = new SimAdmin();
    private final String name;
    private final Class<K> faultKinds;
    private volatile SimServer server;
    private volatile CountDownLatch hold = new CountDownLatch(0);
    private volatile Duration clockOffset = Duration.ZERO;
    private volatile SimulatedFaults<K> faults;

    /** {@code name} as on the command line ({@code simulate <name>}); {@code faultKinds} the constants of its plan. */
    protected KitSimulator(String name, Class<K> faultKinds) {
        this.name = name;
        this.faultKinds = faultKinds;
    }

    /** Adds the API's routes to {@code admin} and returns the handler of its API requests; called once by {@link #start}. */
    protected abstract SimServer.Handler serve(SimAdmin admin);

    /** Makes {@code plan} the fault plan that the admin routes and the test methods script; returns it. */
    protected final SimulatedFaults<K> plan(SimulatedFaults<K> plan) {
        faults = plan;
        return plan;
    }

    /** The simulator's fault plan, set by its constructor through {@link #plan}. */
    protected final SimulatedFaults<K> faults() {
        return faults;
    }

    /**
     * The job properties {@code etl.jobs.<job>.base-url} (this simulator's) and {@code etl.jobs.<job>.<key>} of each
     * key and value pair in {@code keysAndValues}, for {@link #clientProperties}.
     */
    protected final Map<String, String> jobProperties(String job, String... keysAndValues) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("etl.jobs." + job + ".base-url", baseUrl());
        for (int i = 0; i < keysAndValues.length; i += 2) {
            properties.put("etl.jobs." + job + "." + keysAndValues[i], keysAndValues[i + 1]);
        }
        return properties;
    }

    /** The simulator's clock: real time plus the offset set by {@link #setClockOffset}. */
    public Instant now() {
        return Instant.now().plus(clockOffset);
    }

    /** Moves the simulator's clock (signatures, tokens, link expiry, change times); negative values move it back. */
    public void setClockOffset(Duration offset) {
        clockOffset = offset;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final synchronized void start(int port) {
        if (server != null) {
            throw new IllegalStateException("the " + name() + " simulator is already started on " + server.baseUrl());
        }
        admin.faults(faults(), faultKinds);
        SimServer.Handler api = serve(admin);
        server = SimServer.start(port, request -> {
            awaitRelease();
            return api.handle(request);
        }, admin);
    }

    @Override
    public final String baseUrl() {
        SimServer current = server;
        if (current == null) {
            throw new IllegalStateException("the " + name() + " simulator is not started");
        }
        return current.baseUrl();
    }

    @Override
    public final synchronized void close() {
        releaseRequests();
        if (server != null) {
            server.close();
            server = null;
        }
    }

    /** Applies {@code fault} to one upcoming API request (queued faults apply in order, one per request). */
    public void injectNext(K fault) {
        faults().injectNext(fault);
    }

    /** Every API request after the next {@code n} (counted from this call) answers {@code status}. */
    public void failRequestsAfter(int n, int status) {
        faults().failRequestsAfter(n, status);
    }

    /** Removes queued faults and the fail-after mode (the rates from the options stay). */
    public void clearFaults() {
        faults().clear();
    }

    /**
     * API requests arriving from now on wait, unanswered, until {@link #releaseRequests}: a test keeps a client's run
     * alive at a point of its choosing this way, where a latency would only make that likely.
     */
    public void holdRequests() {
        hold = new CountDownLatch(1);
    }

    /** Lets held and later API requests through. */
    public void releaseRequests() {
        hold.countDown();
    }

    private void awaitRelease() {
        try {
            hold.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** API requests since its last reset and when the first came (also on {@code /__admin/sim/requests}). */
    public final ApiRequestMeter requestMeter() {
        return admin.meter();
    }
}
