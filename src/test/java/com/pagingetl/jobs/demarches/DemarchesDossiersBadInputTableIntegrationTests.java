package com.pagingetl.jobs.demarches;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

import com.pagingetl.simulator.ApiSimulator;
import com.pagingetl.simulator.SimulatorOptions;
import com.pagingetl.simulator.demarches.DemarchesSimulator;
import com.pagingetl.testing.BadInputTable;
import com.pagingetl.testing.FaultServer;
import com.pagingetl.testing.FaultServer.Request;

/** demarchesDossiers' bad-input table (see {@link BadInputTable}): dossiers in Relay pages of 10, a commit per page. */
class DemarchesDossiersBadInputTableIntegrationTests extends BadInputTable {

    @Override
    protected String job() {
        return DemarchesDossiersJob.NAME;
    }

    @Override
    protected ApiSimulator startSimulator() {
        DemarchesSimulator simulator = new DemarchesSimulator(new SimulatorOptions(Map.of("size", "300", "seed", "11")));
        simulator.start(0);
        return simulator;
    }

    @Override
    protected Map<String, String> parameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("demarche", "1001");
        parameters.put("first", "10");
        return parameters;
    }

    @Override
    protected Map<String, String> properties() {
        return Map.of("etl.jobs.demarches-dossiers.chunk-size", "10");
    }

    @Override
    protected String[] pageWords() {
        return new String[] {"page"};
    }

    @Override
    protected Predicate<Request> pageRequests() {
        return FaultServer.containing("getDemarcheDossiers");
    }

    private static final String ERROR = "{\"message\":\"An object of type Dossier was hidden due to permissions\","
            + "\"path\":[\"demarche\",\"dossiers\"],\"extensions\":{\"code\":\"unauthorized\"}}";

    @Override
    protected Stream<Case> jobCases() {
        return Stream.concat(graphqlErrors(ERROR, "page", "hidden due to permissions"), Stream.of(
                failure("bad credentials (unknown token: 403)",
                        f -> f.properties.put("etl.jobs.demarches-dossiers.token", "bm90LWEtdG9rZW47bm90LWEtc2VjcmV0=="),
                        "HTTP 403"),
                failure("expired token (401 Token expired)", f -> f.atPage(2, 2, FaultServer.respond(401, "application/json",
                        "{\"errors\":[{\"message\":\"Token expired\",\"extensions\":{\"code\":\"unauthorized\"}}],\"data\":null}")),
                        "page", "HTTP 401", "Token expired"),
                refusedParameter("first", "0"),
                refusedParameter("first", "101")));
    }
}
