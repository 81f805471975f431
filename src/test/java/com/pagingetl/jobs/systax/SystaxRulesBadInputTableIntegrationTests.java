package com.pagingetl.jobs.systax;

import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.pagingetl.simulator.ApiSimulator;
import com.pagingetl.simulator.SimulatorOptions;
import com.pagingetl.simulator.systax.SystaxSimulator;
import com.pagingetl.testing.BadInputTable;
import com.pagingetl.testing.FaultServer;
import com.pagingetl.testing.FaultServer.Request;

/** systaxRules' bad-input table (see {@link BadInputTable}): 300 rules in keyset pages of 20, a commit per page. */
class SystaxRulesBadInputTableIntegrationTests extends BadInputTable {

    private static final Pattern BEARER = Pattern.compile("Bearer (\\S+)");

    @Override
    protected String job() {
        return "systaxRules";
    }

    @Override
    protected ApiSimulator startSimulator() {
        SystaxSimulator simulator = new SystaxSimulator(new SimulatorOptions(Map.of("size", "300", "seed", "5")));
        simulator.start(0);
        return simulator;
    }

    @Override
    protected Map<String, String> parameters() {
        return Map.of("paginacao", "20");
    }

    @Override
    protected Map<String, String> properties() {
        return Map.of("etl.jobs.systax-rules.chunk-size", "20");
    }

    @Override
    protected String[] pageWords() {
        return new String[] {"page", "id_cenario"};
    }

    @Override
    protected Predicate<Request> pageRequests() {
        return r -> r.pathAndQuery().startsWith("/api/v1/regras");
    }

    /** A 401 whose message repeats the token the request carried, as some gateways do. */
    private static FaultServer.Answer expiredToken(Request request) {
        Matcher m = BEARER.matcher(request.headers().getOrDefault("Authorization", ""));
        String token = m.find() ? m.group(1) : "";
        return new FaultServer.Answer(401, "application/json",
                "{\"success\":false,\"message\":\"token Bearer " + token + " expired\"}");
    }

    @Override
    protected Stream<Case> jobCases() {
        return Stream.of(
                failure("bad credentials (wrong password)",
                        f -> f.properties.put("etl.jobs.systax-rules.password", "not-the-Password-42"), "login", "HTTP 401"),
                failure("expired token, still refused after a fresh login",
                        f -> f.atPage(2, 2, (request, upstream) -> expiredToken(request)), "page", "HTTP 401", "fresh login"),
                refusedParameter("paginacao", "1"),
                refusedParameter("paginacao", "101"));
    }
}
