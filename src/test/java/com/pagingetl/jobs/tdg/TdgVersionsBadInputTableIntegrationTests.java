package com.pagingetl.jobs.tdg;

import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

import com.pagingetl.simulator.ApiSimulator;
import com.pagingetl.testing.BadInputTable;
import com.pagingetl.testing.FaultServer;
import com.pagingetl.testing.FaultServer.Request;

/** tdgVersions' bad-input table (see {@link BadInputTable}): Country objects in cursor pages of 10, a commit per page. */
class TdgVersionsBadInputTableIntegrationTests extends BadInputTable {

    @Override
    protected String job() {
        return TdgVersionsJob.NAME;
    }

    @Override
    protected ApiSimulator startSimulator() {
        return TdgTestSupport.simulator(Map.of("size", "100", "seed", "3"));
    }

    @Override
    protected Map<String, String> parameters() {
        return Map.of("type", "Country");
    }

    @Override
    protected Map<String, String> properties() {
        return Map.of("etl.jobs.tdg-versions.page-size", "10", "etl.jobs.tdg-versions.chunk-size", "10");
    }

    @Override
    protected String[] pageWords() {
        return new String[] {"page"};
    }

    @Override
    protected Predicate<Request> pageRequests() {
        return FaultServer.containing("query tdgVersions");
    }

    private static final String ERROR = "{\"message\":\"Transaction was aborted\",\"extensions\":{\"code\":\"internal\"}}";

    @Override
    protected Stream<Case> jobCases() {
        return Stream.concat(graphqlErrors(ERROR, "page", "Transaction was aborted"), Stream.of(
                failure("bad credentials (wrong token)", f -> f.properties.put("etl.jobs.tdg-versions.token", "wrong-token-7f3a9c"),
                        "HTTP 401", "TDG_TOKEN"),
                failure("expired credentials (token revoked mid-run: 401 text)", f -> f.atPage(2, 2,
                        FaultServer.respond(401, "application/json;charset=utf-8", "invalid credentials")), "page", "HTTP 401"),
                refusedParameter("type", "Country;DROP"),
                new Case("version=-1 (mode=asOf)", f -> {
                    f.parameters.put("mode", "asOf");
                    f.parameters.put("version", "-1");
                }, 2, false, java.util.List.of("version"), Recovery.NONE)));
    }
}
