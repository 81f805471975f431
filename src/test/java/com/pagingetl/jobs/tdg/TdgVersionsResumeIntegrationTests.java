package com.pagingetl.jobs.tdg;

import static com.pagingetl.jobs.tdg.TdgTestSupport.command;
import static com.pagingetl.jobs.tdg.TdgTestSupport.lines;
import static com.pagingetl.jobs.tdg.TdgTestSupport.manifestOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.pagingetl.launch.ExitCodes;
import com.pagingetl.simulator.tdg.TdgSimulator;
import com.pagingetl.testing.EtlRun;
import com.pagingetl.testing.PublishedOutput;

/**
 * TDG cursors: a run that failed after some objects were committed resumes after the cursor of the last one
 * written, still as of the version it pinned. The API's answer for it is the grid as of that version, whatever
 * was written since: the last object written deleted, an object inserted before the position, written and
 * unwritten objects updated or deleted change nothing in this run's file, and the next run sees them all.
 */
class TdgVersionsResumeIntegrationTests {

    @TempDir
    Path home;

    @Test
    void objectsDeletedInsertedAndUpdatedUnderTheResumeCursorAreNeitherSkippedNorDoubled() {
        try (TdgSimulator sim = TdgTestSupport.simulator(Map.of("size", "1000"))) {
            // given: pages of 100, commits of 70; requests fail after the plan's two admin queries and four pages
            long pinned = sim.latestVersion();
            List<String> asPinned = lines(sim.expectedSnapshot("Account", pinned));
            EtlRun etl = new EtlRun(home);
            String[] cmd = command(sim, List.of("--etl.jobs.tdg-versions.page-size=100", "--etl.jobs.tdg-versions.chunk-size=70",
                    "--etl.http.max-attempts=1"), "type=Account");
            sim.failRequestsAfter(6, 500);
            EtlRun.Result failed = etl.run(cmd);
            assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(ExitCodes.FAILED);
            List<String> written = committedLines(etl.output(TdgVersionsJob.NAME));
            assertThat(written).as("whole commits of 70, the last inside a page").hasSize(350).isEqualTo(asPinned.subList(0, 350));

            // when the grid is written under the position before the same command runs again
            String lastWritten = accountId(written.get(written.size() - 1));
            String firstWritten = accountId(written.get(0));
            String unwritten = accountId(asPinned.get(600));
            sim.clearFaults();
            assertThat(sim.delete("Account", lastWritten)).isPositive();
            sim.insert("Account", Map.of("account_id", firstWritten + "-inserted", "customer_name", "Inserted Before",
                    "email", "inserted@example.org", "city", "Kazan", "currency", "RUB"));
            sim.update("Account", accountId(written.get(100)), "city", "Moved Written");
            sim.update("Account", unwritten, "city", "Moved Ahead");
            assertThat(sim.delete("Account", accountId(asPinned.get(700)))).isPositive();
            EtlRun.Result resumed = etl.run(cmd);

            // then the file is the grid as of the pinned version, every object once
            assertThat(resumed.exitCode()).as(resumed.toString()).isEqualTo(ExitCodes.COMPLETED);
            Path file = TdgTestSupport.onlyFile(etl);
            assertThat(manifestOf(file).details()).containsEntry("snapshotVersion", Long.toString(pinned));
            assertThat(PublishedOutput.lines(file)).containsExactlyElementsOf(asPinned);

            // and the next run, as of the grid's newest version, has every change
            List<String> latest = lines(sim.expectedSnapshot("Account", null));
            EtlRun.Result next = etl.run(cmd);
            assertThat(next.exitCode()).as(next.toString()).isEqualTo(ExitCodes.COMPLETED);
            Path nextFile = PublishedOutput.files(etl.output(TdgVersionsJob.NAME), ".jsonl.gz").stream()
                    .filter(f -> !f.equals(file)).findFirst().orElseThrow();
            assertThat(PublishedOutput.lines(nextFile)).containsExactlyElementsOf(latest)
                    .anyMatch(l -> l.contains(firstWritten + "-inserted")).noneMatch(l -> l.contains("\"" + lastWritten + "\""));
        }
    }

    private static String accountId(String line) {
        int start = line.indexOf("\"account_id\":\"") + "\"account_id\":\"".length();
        return line.substring(start, line.indexOf('"', start));
    }

    /** The lines committed to the run's part file, in order. */
    private static List<String> committedLines(Path jobDir) {
        return PublishedOutput.lines(PublishedOutput.onlyPart(jobDir, ""));
    }
}
