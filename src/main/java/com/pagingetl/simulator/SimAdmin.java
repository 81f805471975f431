package com.pagingetl.simulator;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The admin surface of a simulator, served by its {@link SimServer} under {@code /__admin/sim/} without
 * authentication (loopback only). Every simulator has the request log ({@code GET requests} answers
 * {@code {"requests":n,"firstRequestEpochMs":t}}, {@code POST requests/reset} zeroes it) and, once plugged, the fault
 * script ({@code POST faults/next?kind=}, {@code faults/fail-after?n=&status=}, {@code faults/clear}); the API adds
 * its own routes: status, data changes, token expiry. Answers are JSON; a missing or malformed parameter answers
 * 400 and an unknown route 404, each with {@code {"error":"..."}}. Thread-safe.
 */
public final class SimAdmin {

    private static final String JSON = "application/json; charset=utf-8";

    private final ApiRequestMeter meter = new ApiRequestMeter();
    private final Map<String, Function<SimRequest, String>> routes = new ConcurrentHashMap<>();
    private volatile String faultKinds = "";

    public SimAdmin() {
        get("requests", meter::json);
        post("requests/reset", request -> {
            meter.reset();
            return meter.json();
        });
    }

    /** The API requests since the last reset (admin requests excluded). */
    public ApiRequestMeter meter() {
        return meter;
    }

    /** Adds {@code GET /__admin/sim/<path>} answering the supplied JSON. */
    public SimAdmin get(String path, Supplier<String> json) {
        routes.put("GET " + path, request -> json.get());
        return this;
    }

    /** Adds {@code POST /__admin/sim/<path>}: the action runs and its JSON is the answer. */
    public SimAdmin post(String path, Function<SimRequest, String> action) {
        routes.put("POST " + path, action);
        return this;
    }

    /** Adds {@code POST /__admin/sim/<path>} running {@code action} and answering {@code {"ok":true}}. */
    public SimAdmin post(String path, Runnable action) {
        return act(path, request -> action.run());
    }

    /** Adds {@code POST /__admin/sim/<path>} running {@code action} on the request and answering {@code {"ok":true}}. */
    public SimAdmin act(String path, Consumer<SimRequest> action) {
        return post(path, request -> {
            action.accept(request);
            return "{\"ok\":true}";
        });
    }

    /** Adds the fault script routes of {@code faults}, whose kinds are the constants of {@code kinds}. */
    public <K extends Enum<K>> SimAdmin faults(SimulatedFaults<K> faults, Class<K> kinds) {
        faultKinds = Arrays.stream(kinds.getEnumConstants()).map(Enum::name).collect(Collectors.joining("|"));
        act("faults/next", request -> faults.injectNext(Enum.valueOf(kinds, request.param("kind"))));
        act("faults/fail-after", request -> faults.failRequestsAfter(Integer.parseInt(request.param("n")),
                Integer.parseInt(request.param("status"))));
        return post("faults/clear", faults::clear);
    }

    /** One line naming every route under {@code baseUrl}, for the simulator's banner. */
    public String describe(String baseUrl) {
        return "(no auth, on " + baseUrl + ") " + new TreeMap<>(routes).keySet().stream()
                .map(route -> route.replace(" ", " /__admin/sim/")).collect(Collectors.joining(", "))
                + (faultKinds.isEmpty() ? "" : "; fault kinds " + faultKinds);
    }

    SimResponse handle(SimRequest request, String path) {
        Function<SimRequest, String> route = routes.get(request.method() + " " + path);
        if (route == null) {
            return error(404, "no admin route " + request.method() + " /__admin/sim/" + path + "; known: "
                    + new TreeMap<>(routes).keySet());
        }
        try {
            return SimResponse.of(200, JSON, route.apply(request));
        } catch (IllegalArgumentException e) {
            return error(400, request.method() + " /__admin/sim/" + path + ": " + e.getMessage());
        }
    }

    private static SimResponse error(int status, String message) {
        return SimResponse.of(status, JSON, "{\"error\":" + tools.jackson.databind.json.JsonMapper.shared()
                .writeValueAsString(message) + "}");
    }
}
