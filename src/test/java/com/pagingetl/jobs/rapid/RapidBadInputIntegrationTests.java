package com.pagingetl.jobs.rapid;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

import com.pagingetl.simulator.rapid.RapidFault;
import com.pagingetl.testing.EtlRun;

/**
 * Each malformed answer ends the run with exit 1, one line naming the job, the partition and page, and
 * the cause, and no file under a final name. The fault is placed on a page fetch: a first run fails
 * after the plan is saved (its ~50 size probes), then the fault is queued and the same command resumes into it.
 */
class RapidBadInputIntegrationTests {

    @TempDir
    Path home;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "NON_JSON_200      | 1 | not JSON",
            "HTML_502          | 2 | HTML page",
            "TRUNCATED_GZIP    | 1 | not valid gzip",
            "MALFORMED_LINK    | 1 | Link header",
            "FOREIGN_HOST_LINK | 1 | not to the API origin",
            "SELF_LINK         | 1 | the API's paging cycles; stopping rather than looping"})
    void malformedAnswerEndsTheRunWithOneClearLine(RapidFault fault, int times, String expected) {
        try (RapidFixture rapid = new RapidFixture(home, Map.of())) {
            rapid.simulator.failRequestsAfter(65, 500);
            assertThat(rapid.run("concurrency=1", "--etl.http.max-attempts=1").exitCode()).isEqualTo(1);
            rapid.simulator.clearFaults();
            for (int i = 0; i < times; i++) {
                rapid.simulator.injectNext(fault);
            }

            EtlRun.Result result = rapid.run("--etl.http.max-attempts=2");

            assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
            assertThat(result.lastErrorLine()).startsWith("rapidContent failed").contains("partition", "page", expected);
            assertThat(rapid.published(".jsonl.gz")).isEmpty();
            assertThat(rapid.published(".manifest.json")).isEmpty();
        }
    }
}
