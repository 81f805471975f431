package com.pagingetl.jobs.tdg;

import static com.pagingetl.jobs.tdg.TdgTestSupport.command;
import static com.pagingetl.jobs.tdg.TdgTestSupport.fileContaining;
import static com.pagingetl.jobs.tdg.TdgTestSupport.lines;
import static com.pagingetl.jobs.tdg.TdgTestSupport.manifestOf;
import static com.pagingetl.jobs.tdg.TdgTestSupport.onlyFile;
import static com.pagingetl.jobs.tdg.TdgTestSupport.versionText;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.pagingetl.launch.ExitCodes;
import com.pagingetl.output.Manifest;
import com.pagingetl.simulator.tdg.TdgSimulator;
import com.pagingetl.testing.EtlRun;
import com.pagingetl.testing.PublishedOutput;

/** The tdgVersions job end to end: real command line, H2 job repository, TDG simulator in this JVM. */
class TdgVersionsJobIntegrationTests {

    private static final long TWO_TO_THE_53 = 1L << 53;

    @TempDir
    Path home;

    private TdgSimulator sim;

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    @Test
    void aCountrySnapshotHoldsEveryObjectOnceAsOfTheNewestVersion() {
        // given
        sim = TdgTestSupport.simulator(Map.of("size", "200"));
        long newest = sim.latestVersion();
        EtlRun etl = new EtlRun(home);

        // when
        EtlRun.Result result = etl.run(command(sim, "type=Country"));

        // then
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.COMPLETED);
        Path file = onlyFile(etl);
        assertThat(file.getFileName().toString()).startsWith("tdgVersions-Country-snapshot-");
        List<String> written = PublishedOutput.lines(file);
        assertThat(written).containsExactlyElementsOf(lines(sim.expectedSnapshot("Country", newest)));
        assertThat(written).filteredOn(l -> l.contains("\"Russia\"")).singleElement().asString().contains("\"+8\"");
        Manifest manifest = manifestOf(file);
        assertThat(manifest.records()).isEqualTo(written.size());
        assertThat(manifest.details()).containsEntry("snapshotVersion", Long.toString(newest))
                .containsEntry("mode", "snapshot").containsEntry("type", "Country").containsEntry("versionSource", "grid");
        assertThat(PublishedOutput.leftovers(etl.output(TdgVersionsJob.NAME))).isEmpty();
    }

    @Test
    void asOfAndHistoryShowRussiasPhoneCodeAcrossVersionsAsInTheSeedExample() {
        // given: Russia's latest version says +8; the version before it is the one to ask for
        sim = TdgTestSupport.simulator(Map.of("size", "100"));
        List<Map<String, Object>> russia = sim.expectedHistory("Country").stream()
                .filter(o -> o.get("title").equals("Russia")).toList();
        assertThat(russia).extracting(o -> o.get("phone_code")).containsExactly("+7", "+8");
        long latest = (Long) russia.get(1).get("version");
        String previous = Long.toString(latest - 1);
        EtlRun etl = new EtlRun(home);

        // when
        EtlRun.Result asOf = etl.run(command(sim, "type=Country", "mode=asOf", "version=" + previous));
        EtlRun.Result history = etl.run(command(sim, "type=Country", "mode=history"));

        // then
        assertThat(asOf.exitCode()).as(asOf.toString()).isEqualTo(ExitCodes.COMPLETED);
        Path asOfFile = fileContaining(etl, "-Country-asOf-" + previous + "-");
        List<String> asOfLines = PublishedOutput.lines(asOfFile);
        assertThat(asOfLines).containsExactlyElementsOf(lines(sim.expectedSnapshot("Country", latest - 1)));
        assertThat(asOfLines).filteredOn(l -> l.contains("\"Russia\"")).singleElement().asString()
                .contains("\"+7\"").contains("\"version\":" + russia.get(0).get("version"));
        assertThat(manifestOf(asOfFile).details()).containsEntry("snapshotVersion", previous)
                .containsEntry("mode", "asOf").containsEntry("versionSource", "parameter");

        assertThat(history.exitCode()).as(history.toString()).isEqualTo(ExitCodes.COMPLETED);
        List<String> historyLines = PublishedOutput.lines(fileContaining(etl, "-Country-history-"));
        assertThat(historyLines).containsExactlyElementsOf(lines(sim.expectedHistory("Country")));
        assertThat(historyLines).filteredOn(l -> l.contains("\"Russia\"")).hasSize(2);
    }

    @Test
    void aSnapshotStaysConsistentWhileTheGridIsWrittenBetweenPagesAndVersionsSurviveExactly() {
        // given: every page served is followed by 25 random writes
        sim = TdgTestSupport.simulator(Map.of("size", "1500", "writesPerRequest", "25"));
        EtlRun etl = new EtlRun(home);

        // when
        EtlRun.Result result = etl.run(command(sim, List.of("--etl.jobs.tdg-versions.page-size=50",
                "--etl.jobs.tdg-versions.chunk-size=120"), "type=Account"));

        // then the file is the grid as of the pinned version, not a mix of versions
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.COMPLETED);
        Path file = onlyFile(etl);
        long pinned = Long.parseLong(manifestOf(file).details().get("snapshotVersion"));
        assertThat(sim.latestVersion()).as("the grid was written during the run").isGreaterThan(pinned);
        List<Map<String, Object>> expected = sim.expectedSnapshot("Account", pinned);
        List<String> written = PublishedOutput.lines(file);
        assertThat(written).containsExactlyElementsOf(lines(expected));
        java.util.Set<String> pinnedLines = new java.util.HashSet<>(lines(expected));
        List<String> onlyInLatest = lines(sim.expectedSnapshot("Account", null)).stream()
                .filter(l -> !pinnedLines.contains(l)).toList();
        assertThat(onlyInLatest).as("objects changed after the pinned version").isNotEmpty();
        assertThat(written).doesNotContainAnyElementsOf(onlyInLatest);
        for (int i = 0; i < written.size(); i++) {
            String version = versionText(written.get(i));
            assertThat(version).isEqualTo(String.valueOf(expected.get(i).get("version")));
            assertThat(Long.parseLong(version)).isGreaterThan(TWO_TO_THE_53);
        }
    }

    @Test
    void hardLimitErrorsShrinkThePageAndTheRunCompletes() throws Exception {
        // given: a history read scans every version, far more than 40 per page of 100
        sim = TdgTestSupport.simulator(Map.of("size", "300", "hardLimitScanned", "40"));
        EtlRun etl = new EtlRun(home);

        // when
        EtlRun.Result result = etl.run(command(sim, "type=Account", "mode=history"));

        // then
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.COMPLETED);
        assertThat(PublishedOutput.lines(onlyFile(etl))).containsExactlyElementsOf(lines(sim.expectedHistory("Account")));
        List<Integer> firsts = sim.firstValues();
        assertThat(firsts.get(0)).isEqualTo(100);
        assertThat(firsts).contains(50, 25).allMatch(f -> f >= 1 && f <= 100);
        assertThat(Files.readString(etl.home().resolve("etl.log"))).contains("hard limit stopped a page of 100")
                .contains("asking the same position for 50");
    }

    @Test
    void aPageOfOneThatStillHitsTheHardLimitEndsTheRunWithTheGridsMessage() {
        // given: an as-of read scans every version of an object; Kazakhstan and Russia have two
        sim = TdgTestSupport.simulator(Map.of("size", "50", "hardLimitScanned", "1"));
        EtlRun etl = new EtlRun(home);

        // when
        EtlRun.Result result = etl.run(command(sim, "type=Country"));

        // then
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.FAILED);
        assertThat(result.lastErrorLine()).startsWith("tdgVersions failed").contains("tdgExtract")
                .contains("even for a page of one object").contains("Hard limit for scan rows reached 1 for space \"Country\"");
        assertThat(PublishedOutput.files(etl.output(TdgVersionsJob.NAME), ".jsonl.gz")).isEmpty();
    }

    @Test
    void cursorsThatLeadBackToAPageAlreadyReadEndTheRunInsteadOfLooping() {
        // given a grid that answers the fifth data query as if it had no cursor: its last cursor is page 1's again
        sim = TdgTestSupport.simulator(Map.of("size", "1000"));
        sim.cycleCursorsAtDataQuery(5);
        EtlRun etl = new EtlRun(home, "--etl.jobs.tdg-versions.page-size=100");

        // when
        EtlRun.Result result = etl.run(command(sim, "type=Account"));

        // then
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.FAILED);
        assertThat(result.lastErrorLine()).startsWith("tdgVersions failed").contains("the next page token of tdgVersions Account",
                "repeats page 2's: the API's paging cycles; stopping rather than looping");
        assertThat(PublishedOutput.files(etl.output(TdgVersionsJob.NAME), ".jsonl.gz")).isEmpty();
    }

    @Test
    void aBadTokenGetsThePlainText401AndTheTokenAppearsNowhere() throws Exception {
        // given
        sim = TdgTestSupport.simulator(Map.of("size", "50"));
        EtlRun etl = new EtlRun(home);
        String wrong = "wrong-token-5f1c9e";

        // when
        EtlRun.Result result = etl.run(command(sim, List.of("--etl.jobs.tdg-versions.token=" + wrong), "type=Country"));

        // then
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.FAILED);
        assertThat(result.lastErrorLine()).contains("HTTP 401 (invalid credentials)").contains("TDG_TOKEN");
        assertThat(result.out() + result.err() + Files.readString(etl.home().resolve("etl.log"))).doesNotContain(wrong);
        assertThat(PublishedOutput.files(etl.output(TdgVersionsJob.NAME), ".jsonl.gz")).isEmpty();
    }

    @Test
    void aTypeTheGridDoesNotHaveSelectsNothing_exit2InTheGridsOwnWords() throws Exception {
        // given: a type the grid does not have
        sim = TdgTestSupport.simulator(Map.of("size", "50"));
        Path fields = home.resolve("planet.graphql");
        Files.createDirectories(home);
        Files.writeString(fields, "{ name }");
        EtlRun etl = new EtlRun(home);

        // when
        EtlRun.Result result = etl.run(command(sim, List.of("--etl.jobs.tdg-versions.fields-file=" + fields), "type=Planet"));

        // then
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.lastErrorLine()).contains("tdgExtract").contains("type=Planet selects nothing").contains("TDG error 400")
                .endsWith("running the same command again cannot help: change the parameters");
        assertThat(PublishedOutput.files(etl.output(TdgVersionsJob.NAME), ".jsonl.gz")).isEmpty();
    }

    @Test
    void badParametersAreUsageErrors() {
        // given
        sim = TdgTestSupport.simulator(Map.of("size", "10"));
        EtlRun etl = new EtlRun(home);

        // when
        EtlRun.Result noType = etl.run(command(sim));
        EtlRun.Result noVersion = etl.run(command(sim, "type=Country", "mode=asOf"));

        // then
        assertThat(noType.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(noType.lastErrorLine()).contains("tdgVersions needs type=<value>");
        assertThat(noVersion.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(noVersion.lastErrorLine()).contains("mode=asOf needs version=");
    }

    @Test
    void withoutBaseUrlOrTokenTheJobIsAUsageErrorNamingTheSetting() {
        // given no simulator and no TDG settings
        EtlRun etl = new EtlRun(home);

        // when
        EtlRun.Result noUrl = etl.run("--job=tdgVersions", "type=Country", "--etl.jobs.tdg-versions.base-url=",
                "--etl.jobs.tdg-versions.token=");
        EtlRun.Result noToken = etl.run("--job=tdgVersions", "type=Country",
                "--etl.jobs.tdg-versions.base-url=http://127.0.0.1:9", "--etl.jobs.tdg-versions.token=");

        // then
        assertThat(noUrl.exitCode()).as(noUrl.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(noUrl.lastErrorLine()).contains("etl.jobs.tdg-versions.base-url (TDG_BASE_URL)");
        assertThat(noToken.exitCode()).as(noToken.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(noToken.lastErrorLine()).contains("export TDG_TOKEN");
    }

    @Test
    void withAnUpdateFieldTheNextRunReadsOnlyObjectsChangedSinceTheLastOne() {
        // given a first, full run
        sim = TdgTestSupport.simulator(Map.of("size", "400"));
        EtlRun etl = new EtlRun(home, "--etl.jobs.tdg-versions.update-field.Account=updated_at");
        EtlRun.Result first = etl.run(command(sim, "type=Account"));
        assertThat(first.exitCode()).as(first.toString()).isEqualTo(ExitCodes.COMPLETED);
        Path firstFile = onlyFile(etl);
        long v1 = Long.parseLong(manifestOf(firstFile).details().get("snapshotVersion"));
        long w1 = sim.expectedSnapshot("Account", v1).stream().mapToLong(o -> (Long) o.get("updated_at")).max().orElseThrow();
        assertThat(manifestOf(firstFile).watermarkAfter()).containsEntry("since.updated_at", Long.toString(w1));
        assertThat(PublishedOutput.lines(firstFile)).hasSize(sim.liveObjects("Account"));

        // when the grid changes and the job runs again
        sim.updateRandom(60);
        EtlRun.Result second = etl.run(command(sim, "type=Account"));

        // then only the objects changed since, as of the second run's version, in update order
        assertThat(second.exitCode()).as(second.toString()).isEqualTo(ExitCodes.COMPLETED);
        Path secondFile = PublishedOutput.files(etl.output(TdgVersionsJob.NAME), ".jsonl.gz").stream()
                .filter(p -> !p.equals(firstFile)).findFirst().orElseThrow();
        Manifest manifest = manifestOf(secondFile);
        long v2 = Long.parseLong(manifest.details().get("snapshotVersion"));
        List<Map<String, Object>> changed = sim.expectedSnapshot("Account", v2).stream()
                .filter(o -> (Long) o.get("updated_at") > w1)
                .sorted(Comparator.comparing(o -> (Long) o.get("updated_at"))).toList();
        assertThat(changed).isNotEmpty();
        // The update-field index gives its own cursors; everything else is the objects as of the second version.
        assertThat(withoutCursor(PublishedOutput.lines(secondFile))).containsExactlyElementsOf(withoutCursor(lines(changed)));
        assertThat(manifest.details()).containsEntry("since", Long.toString(w1));
        assertThat(manifest.watermarkBefore()).containsEntry("since.updated_at", Long.toString(w1));
        assertThat(manifest.watermarkAfter()).containsEntry("since.updated_at",
                String.valueOf(changed.get(changed.size() - 1).get("updated_at")));
    }

    @Test
    void historyWithAnUpdateFieldExportsOnlyTheVersionsWrittenSinceTheLastRun() {
        // given a first, full history
        sim = TdgTestSupport.simulator(Map.of("size", "200"));
        EtlRun etl = new EtlRun(home, "--etl.jobs.tdg-versions.update-field.Account=updated_at");
        EtlRun.Result first = etl.run(command(sim, "type=Account", "mode=history"));
        assertThat(first.exitCode()).as(first.toString()).isEqualTo(ExitCodes.COMPLETED);
        Path firstFile = onlyFile(etl);
        assertThat(PublishedOutput.lines(firstFile)).containsExactlyElementsOf(lines(sim.expectedHistory("Account")));
        long w1 = Long.parseLong(manifestOf(firstFile).watermarkAfter().get("since.updated_at"));

        // when
        sim.updateRandom(40);
        EtlRun.Result second = etl.run(command(sim, "type=Account", "mode=history"));

        // then every version written since, once, in update order
        assertThat(second.exitCode()).as(second.toString()).isEqualTo(ExitCodes.COMPLETED);
        Path secondFile = PublishedOutput.files(etl.output(TdgVersionsJob.NAME), ".jsonl.gz").stream()
                .filter(p -> !p.equals(firstFile)).findFirst().orElseThrow();
        List<Map<String, Object>> newVersions = sim.expectedHistory("Account").stream()
                .filter(o -> (Long) o.get("updated_at") > w1)
                .sorted(Comparator.comparing(o -> (Long) o.get("updated_at"))).toList();
        assertThat(newVersions).isNotEmpty();
        assertThat(withoutCursor(PublishedOutput.lines(secondFile))).containsExactlyElementsOf(withoutCursor(lines(newVersions)));
    }

    private static List<String> withoutCursor(List<String> lines) {
        return lines.stream().map(l -> l.replaceFirst(",\"cursor\":\"[^\"]*\"", "")).toList();
    }
}
