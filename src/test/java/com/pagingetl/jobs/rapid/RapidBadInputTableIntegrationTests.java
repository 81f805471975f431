package com.pagingetl.jobs.rapid;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.pagingetl.simulator.ApiSimulator;
import com.pagingetl.simulator.SimulatorOptions;
import com.pagingetl.simulator.rapid.RapidSimulator;
import com.pagingetl.testing.BadInputTable;
import com.pagingetl.testing.FaultServer;
import com.pagingetl.testing.FaultServer.Request;

/**
 * rapidContent's bad-input table (see {@link BadInputTable}): two countries read one after the other, pages of 20
 * properties, a commit per page. Faults hit content pages, never the size probes of the plan.
 */
class RapidBadInputTableIntegrationTests extends BadInputTable {

    @Override
    protected String job() {
        return RapidContentJob.NAME;
    }

    @Override
    protected ApiSimulator startSimulator() {
        RapidSimulator simulator = new RapidSimulator(new SimulatorOptions(Map.of("size", "1500", "pageSize", "20", "seed", "7")));
        simulator.start(0);
        return simulator;
    }

    @Override
    protected Map<String, String> parameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("countries", "FR,GB");
        parameters.put("concurrency", "1");
        return parameters;
    }

    @Override
    protected Map<String, String> properties() {
        return Map.of("etl.jobs.rapid-content.chunk-size", "20");
    }

    @Override
    protected String[] pageWords() {
        return new String[] {"partition", "page"};
    }

    @Override
    protected Predicate<Request> pageRequests() {
        return r -> r.pathAndQuery().startsWith("/v3/properties/content") && !r.pathAndQuery().contains("include=property_id");
    }

    private static final Pattern AUTHORIZATION = Pattern.compile("APIKey=([^,]+),Signature=([^,]+),timestamp=(\\d+)");

    /** Rapid's 401, which echoes the request's key and signature in its {@code fields}. */
    private static FaultServer.Answer unauthenticated(Request request) {
        Matcher m = AUTHORIZATION.matcher(request.headers().getOrDefault("Authorization", ""));
        String key = m.find() ? m.group(1) : "";
        String signature = key.isEmpty() ? "" : m.group(2);
        return new FaultServer.Answer(401, "application/json", "{\"type\":\"request_unauthenticated\",\"message\":\"Data required"
                + " to authenticate your request is missing or inaccurate. Signature expired.\",\"fields\":["
                + "{\"name\":\"apikey\",\"type\":\"header\",\"value\":\"" + key + "\"},"
                + "{\"name\":\"signature\",\"type\":\"header\",\"value\":\"" + signature + "\"},"
                + "{\"name\":\"timestamp\",\"type\":\"header\",\"value\":\"1000000000\"},"
                + "{\"name\":\"servertimestamp\",\"type\":\"server\",\"value\":\"1000000000\"}]}");
    }

    @Override
    protected Stream<Case> jobCases() {
        return Stream.of(
                failure("bad credentials (wrong API key)",
                        f -> f.properties.put("etl.jobs.rapid-content.api-key", "wrong-api-key-4b1d9e"), "HTTP 401",
                        "request_unauthenticated"),
                failure("expired signature (401 echoing key and signature)",
                        f -> f.atPage(2, 2, (request, upstream) -> unauthenticated(request)), "partition", "page", "HTTP 401",
                        "request_unauthenticated"),
                failure("Link to another origin", f -> f.atPage(1, FaultServer.alter(answer -> {
                    answer.headers.computeIfPresent("Link", (name, link) -> link.replace(f.api.baseUrl(), f.foreign.baseUrl()));
                    return answer;
                })), "partition", "page", "origin"),
                failure("expired links (every next link answers 410 link.expired)", f -> f.api.always(FaultServer.containing("token="),
                        FaultServer.respond(410, "application/json", "{\"type\":\"link.expired\",\"message\":\"The link you"
                                + " followed has expired. Please build a new request to restart pagination.\"}")),
                        "partition FR", "first page", "3 times", "link.expired"),
                refusedParameter("concurrency", "0"),
                refusedParameter("maxPartitionSize", "-5"));
    }
}
