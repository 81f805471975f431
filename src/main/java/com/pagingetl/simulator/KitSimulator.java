package com.pagingetl.simulator;

/**
 * The shape the four simulators share: one {@link SimAdmin} (request log, fault script, the API's own routes) and one
 * {@link SimServer} bound by {@link #start} and released by {@link #close}. A simulator adds its admin routes and
 * returns the handler of its API requests in {@link #serve}.
 *
 * <p>Thread-safe: start and close are serialised; {@link #baseUrl} takes no lock, because request threads ask
 * for it while {@link #close} waits for them.
 */
public abstract class KitSimulator implements ApiSimulator {

    protected final SimAdmin admin = new SimAdmin();
    private volatile SimServer server;

    /** Adds the API's routes to {@code admin} and returns the handler of its API requests; called once by {@link #start}. */
    protected abstract SimServer.Handler serve(SimAdmin admin);

    @Override
    public final synchronized void start(int port) {
        if (server != null) {
            throw new IllegalStateException("the " + name() + " simulator is already started on " + server.baseUrl());
        }
        server = SimServer.start(port, serve(admin), admin);
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
        if (server != null) {
            server.close();
            server = null;
        }
    }

    /** API requests since its last reset and when the first came (also on {@code /__admin/sim/requests}). */
    public final ApiRequestMeter requestMeter() {
        return admin.meter();
    }
}
