package com.pagingetl.jobs.demarches;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;

import com.github.tomakehurst.wiremock.WireMockServer;

import com.pagingetl.simulator.SimulatorOptions;
import com.pagingetl.simulator.demarches.DemarchesFault;
import com.pagingetl.simulator.demarches.DemarchesSimulator;
import com.pagingetl.testing.EtlRun;
import com.pagingetl.testing.PublishedOutput;

class DemarchesDossiersJobIntegrationTests {

    @TempDir
    Path home;

    private final List<AutoCloseable> closeables = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : closeables) {
            c.close();
        }
    }

    private DemarchesSimulator simulator(String... options) {
        Map<String, String> values = new java.util.HashMap<>(Map.of("size", "1000", "rateLimitPerMinute", "0"));
        for (int i = 0; i < options.length; i += 2) {
            values.put(options[i], options[i + 1]);
        }
        DemarchesSimulator sim = new DemarchesSimulator(new SimulatorOptions(values));
        sim.start(0);
        closeables.add(sim);
        return sim;
    }

    private DemarchesRuns runs(String baseUrl, String... springArgs) {
        return new DemarchesRuns(new EtlRun(home, springArgs), baseUrl, DemarchesSimulator.demoToken());
    }

    private static Set<Long> set(List<Long> numbers) {
        return new HashSet<>(numbers);
    }

    @Test
    void aFullRunThenIncrementalRunsExportEveryDossierOnceThenExactlyTheChangesAndDeletions() {
        // given
        DemarchesSimulator sim = simulator();
        DemarchesRuns job = runs(sim.baseUrl());

        // when: the first run
        DemarchesRuns.Run first = DemarchesRuns.published(job.run());

        // then: every visible dossier once, in (updated_at, id) order, every deletion, watermarks set
        List<Long> visible = sim.visibleDossierNumbers(1001);
        assertThat(first.dossierNumbers()).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(visible);
        assertChangeLogOrder(first.dossiers());
        List<Long> pendingThen = sim.pendingDeletedDossierNumbers(1001);
        List<Long> deletedThen = sim.deletedDossierNumbers(1001);
        assertThat(first.deletedNumbers()).hasSize(pendingThen.size() + deletedThen.size())
                .containsExactlyInAnyOrderElementsOf(concat(pendingThen, deletedThen));
        assertThat(first.manifest().records()).isEqualTo(visible.size() + pendingThen.size() + deletedThen.size());
        assertThat(first.manifest().watermarkBefore()).isEmpty();
        assertThat(first.after()).containsEntry("updatedSince", DemarchesParameters.DEFAULT_UPDATED_SINCE);
        String cursor = first.after().get("dossiers.cursor");
        assertThat(Cursors.decode(cursor)).isPresent();
        assertThat(first.after().get("pendingDeletedDossiers.cursor")).isNotBlank();
        assertThat(first.after().get("deletedDossiers.cursor")).isNotBlank();

        // when: a change batch, then the same command
        sim.advanceEpoch();
        List<Long> changed = sim.changedSince(1001, cursor);
        DemarchesRuns.Run second = DemarchesRuns.published(job.run());

        // then: exactly the changed dossiers, in the API's order, and exactly the new deletions
        assertThat(changed).isNotEmpty();
        assertThat(second.dossierNumbers()).containsExactlyElementsOf(changed);
        assertThat(second.manifest().watermarkBefore()).isEqualTo(first.after());
        Set<Long> newDeletions = new HashSet<>(sim.pendingDeletedDossierNumbers(1001));
        newDeletions.removeAll(pendingThen);
        Set<Long> newPurges = new HashSet<>(sim.deletedDossierNumbers(1001));
        newPurges.removeAll(deletedThen);
        assertThat(newDeletions.size() + newPurges.size()).isPositive();
        assertThat(second.deletedNumbers()).containsExactlyInAnyOrderElementsOf(concat(List.copyOf(newDeletions), List.copyOf(newPurges)));

        // when: nothing changed
        DemarchesRuns.Run third = DemarchesRuns.published(job.run());

        // then: empty files, and the empty pages' null cursors did not reset the stored ones
        assertThat(third.dossiers()).isEmpty();
        assertThat(third.deleted()).isEmpty();
        assertThat(third.after()).isEqualTo(second.after());
        assertThat(third.manifest().watermarkBefore()).isEqualTo(second.after());
        assertThat(List.of(first.manifestPath(), second.manifestPath(), third.manifestPath())).doesNotHaveDuplicates();
    }

    @Test
    void updatedSinceStaysFixedForTheDemarcheUntilAFullResync() {
        // given a first run from the default updatedSince
        DemarchesSimulator sim = simulator();
        DemarchesRuns job = runs(sim.baseUrl());
        DemarchesRuns.Run first = DemarchesRuns.published(job.run());

        // when a later run asks for another updatedSince
        DemarchesRuns.Run second = DemarchesRuns.published(job.run("updatedSince=2026-01-01T00:00:00+01:00"));

        // then it is ignored (and said so): the cursor only makes sense with the stored one
        assertThat(second.dossiers()).isEmpty();
        assertThat(second.after()).isEqualTo(first.after());
        assertThat(second.manifest().details()).containsEntry("updatedSince", DemarchesParameters.DEFAULT_UPDATED_SINCE)
                .containsEntry("ignoredUpdatedSince", "2026-01-01T00:00:00+01:00");

        // when a full resync asks for it
        DemarchesRuns.Run third = DemarchesRuns.published(job.run("updatedSince=2026-01-01T00:00:00+01:00", "fullResync=true"));

        // then everything modified since then is read again and the new updatedSince is stored
        OffsetDateTime since = OffsetDateTime.parse("2026-01-01T00:00:00+01:00");
        List<Long> expected = first.dossiers().stream()
                .filter(d -> !OffsetDateTime.parse(d.get("dateDerniereModification").asString()).isBefore(since))
                .map(d -> d.get("number").asLong()).toList();
        assertThat(expected).isNotEmpty().hasSizeLessThan(first.dossiers().size());
        assertThat(third.dossierNumbers()).containsExactlyElementsOf(expected);
        assertThat(third.after()).containsEntry("updatedSince", "2026-01-01T00:00:00+01:00")
                .containsEntry("dossiers.cursor", first.after().get("dossiers.cursor"));
    }

    @Test
    void aRunThatFailsPartWayResumesWithTheSameCommandAndFetchesNoFinishedPageAgain() throws Exception {
        // given: the API fails for good from the 6th request on
        DemarchesSimulator sim = simulator();
        FaultProxy proxy = new FaultProxy(sim.baseUrl());
        closeables.add(0, proxy);
        DemarchesRuns job = runs(proxy.baseUrl(), "--etl.http.max-attempts=2");
        proxy.failFromRequest(6);

        // when
        EtlRun.Result failed = job.run();

        // then: one clear line, nothing under a final name
        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);
        assertThat(failed.lastErrorLine()).startsWith("demarchesDossiers failed (execution 1) at dossiers: fetch of page 6 of"
                + " demarchesDossiers démarche 1001 dossiers (after ").contains("HTTP 500", "run the same command again to resume");
        assertThat(job.publishedFiles()).isEmpty();
        assertThat(sim.dossiersPageCount()).isEqualTo(5);

        // when: the API is back, same command
        proxy.heal();
        EtlRun.Result resumed = job.run();

        // then
        assertThat(resumed.out()).contains("resuming run 1");
        DemarchesRuns.Run run = DemarchesRuns.published(resumed);
        List<Long> visible = sim.visibleDossierNumbers(1001);
        assertThat(run.dossierNumbers()).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(visible);
        assertThat(sim.dossiersPageCount()).isEqualTo((visible.size() + 99) / 100);
        assertThat(run.manifest().jobExecutionIds()).hasSize(2);
        assertThat(PublishedOutput.leftovers(job.jobDir())).isEmpty();
    }

    @Test
    void dossiersModifiedOrHiddenWhileTheRunPagesAreNotLost() {
        // given: after every page served, 5 dossiers change and 1 is hidden
        DemarchesSimulator sim = simulator("changesPerRequest", "5", "hidesPerRequest", "1");
        DemarchesRuns job = runs(sim.baseUrl());

        // when
        DemarchesRuns.Run run = DemarchesRuns.published(job.run());

        // then: a consumer that upserts by number and then applies the deletions holds exactly the visible dossiers
        Set<Long> state = new LinkedHashSet<>(run.dossierNumbers());
        state.removeAll(run.deletedNumbers());
        assertThat(state).containsExactlyInAnyOrderElementsOf(sim.visibleDossierNumbers(1001));
        assertThat(run.dossierNumbers()).as("changed dossiers come again later in the change log").hasSizeGreaterThan(
                set(run.dossierNumbers()).size());
        assertChangeLogOrder(run.dossiers());
        // and only the 5 changes made after the last page served wait beyond the stored cursor, for the next run
        assertThat(sim.changedSince(1001, run.after().get("dossiers.cursor"))).hasSizeLessThanOrEqualTo(5);
    }

    @Test
    void aTimeoutHalvesThePageAndTheRunCompletes() {
        DemarchesSimulator sim = simulator();
        for (int i = 0; i < 3; i++) {
            sim.injectNext(DemarchesFault.TIMEOUT);
        }
        DemarchesRuns job = runs(sim.baseUrl());

        DemarchesRuns.Run run = DemarchesRuns.published(job.run());

        assertThat(sim.timeoutCount()).isEqualTo(3);
        assertThat(run.dossierNumbers()).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(sim.visibleDossierNumbers(1001));
    }

    @Test
    void anUnrecognisedTokenSaysSoInOneLineWithoutTheToken() {
        DemarchesSimulator sim = simulator();
        sim.setTokenValid(false);
        DemarchesRuns job = runs(sim.baseUrl());

        EtlRun.Result result = job.run();

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.lastErrorLine()).startsWith("demarchesDossiers failed (execution 1) at dossiers: fetch of page 1")
                .contains("the API token was not recognised (HTTP 403 forbidden: Without a token, only persisted queries are allowed)",
                        "DEMARCHES_API_TOKEN");
        assertThat(result.out() + result.err()).doesNotContain(DemarchesSimulator.demoToken());
        assertThat(job.publishedFiles()).isEmpty();
    }

    @Test
    void anExpiredTokenSaysSo() {
        DemarchesSimulator sim = simulator();
        sim.setTokenExpired(true);

        EtlRun.Result result = runs(sim.baseUrl()).run();

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.lastErrorLine()).contains("the API token has expired (HTTP 401 unauthorized: Token expired)");
    }

    @Test
    void aGraphqlErrorFailsTheRunWithTheApisMessageCodeAndPath() {
        DemarchesSimulator sim = simulator();

        EtlRun.Result result = runs(sim.baseUrl()).run("demarche=" + DemarchesSimulator.FORBIDDEN_DEMARCHE);

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.lastErrorLine()).startsWith("demarchesDossiers failed (execution 1) at dossiers: fetch of page 1 of"
                + " demarchesDossiers démarche 1003 dossiers (from the start) failed: GraphQL error unauthorized at demarche"
                + " 'An object of type Demarche was hidden due to permissions'");
    }

    @Test
    void aDemarcheTheApiDoesNotHaveSelectsNothingAndIsExit2() {
        DemarchesSimulator sim = simulator();

        EtlRun.Result result = runs(sim.baseUrl()).run("demarche=999999");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.lastErrorLine()).startsWith("demarchesDossiers failed (execution 1) at dossiers: fetch of page 1 of")
                .contains("demarche=999999 selects nothing: GraphQL error not_found at demarche 'Demarche not found'")
                .endsWith("-- running the same command again cannot help: change the parameters");
    }

    @Test
    void aPageSizeAboveTheApisSilentCapIsRefusedAtStartUp() {
        DemarchesSimulator sim = simulator();

        EtlRun.Result result = runs(sim.baseUrl()).run("first=101");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.lastErrorLine()).isEqualTo("usage error: demarchesDossiers: first=101 is not allowed:"
                + " expected a whole number from 1 to 100");
        assertThat(sim.requestCount()).isZero();
    }

    @Test
    void aCursorThatDoesNotAdvanceEndsTheRunWithOneClearLineInsteadOfLooping() {
        // given an API whose second page answers with the cursor it was asked after
        WireMockServer api = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        api.start();
        closeables.add(api::stop);
        String stuck = DemarchesStubs.cursor(2, 2);
        api.stubFor(post(urlEqualTo("/api/v2/graphql")).withRequestBody(notContaining("\"after\""))
                .willReturn(okJson(DemarchesStubs.dossiersPage(true, 1, 2))));
        api.stubFor(post(urlEqualTo("/api/v2/graphql")).withRequestBody(matchingJsonPath("$.variables.after", equalTo(stuck)))
                .willReturn(okJson(DemarchesStubs.pageWith("dossiers", true, stuck, ""))));

        // when
        EtlRun.Result result = runs("http://127.0.0.1:" + api.port()).run();

        // then
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.lastErrorLine()).startsWith("demarchesDossiers failed (execution 1) at dossiers: fetch of page 2 of"
                + " demarchesDossiers démarche 1001 dossiers (after 2024-03-01T10:00:02.000000000Z;2) failed: the cursor of dossiers"
                + " of démarche 1001 did not advance");
        assertThat(api.getAllServeEvents()).hasSize(2);
        assertThat(PublishedOutput.files(runs("x").jobDir(), ".jsonl.gz")).isEmpty();
    }

    @Test
    void opaqueCursorsThatCycleEndTheRunWithOneClearLineInsteadOfLooping() {
        // given cursors that do not decode (so their order is unknown) and lead A -> B -> A
        WireMockServer api = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        api.start();
        closeables.add(api::stop);
        api.stubFor(post(urlEqualTo("/api/v2/graphql")).withRequestBody(notContaining("\"after\""))
                .willReturn(okJson(opaquePage(1, "opaque-A"))));
        api.stubFor(post(urlEqualTo("/api/v2/graphql")).withRequestBody(matchingJsonPath("$.variables.after", equalTo("opaque-A")))
                .willReturn(okJson(opaquePage(2, "opaque-B"))));
        api.stubFor(post(urlEqualTo("/api/v2/graphql")).withRequestBody(matchingJsonPath("$.variables.after", equalTo("opaque-B")))
                .willReturn(okJson(opaquePage(3, "opaque-A"))));

        // when
        EtlRun.Result result = runs("http://127.0.0.1:" + api.port()).run();

        // then
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.lastErrorLine()).startsWith("demarchesDossiers failed (execution 1) at dossiers: the next page token"
                + " of demarchesDossiers démarche 1001 dossiers (after cursor opaque-A) repeats page 2's: the API's paging"
                + " cycles; stopping rather than looping at page 3 (after cursor opaque-B), before writing its records");
        assertThat(api.getAllServeEvents()).hasSize(3);
        assertThat(PublishedOutput.files(runs("x").jobDir(), ".jsonl.gz")).isEmpty();
    }

    /** A page of one dossier whose edge cursor, and end cursor, is {@code cursor}. */
    private static String opaquePage(long number, String cursor) {
        return DemarchesStubs.pageWith("dossiers", true, cursor,
                "{\"cursor\":\"" + cursor + "\",\"node\":" + DemarchesStubs.node(number) + "}");
    }

    private static List<Long> concat(List<Long> a, List<Long> b) {
        List<Long> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** Non-decreasing dateDerniereModification (second precision; the API orders by (updated_at, id)). */
    private static void assertChangeLogOrder(List<JsonNode> dossiers) {
        OffsetDateTime previous = null;
        for (JsonNode d : dossiers) {
            OffsetDateTime at = OffsetDateTime.parse(d.get("dateDerniereModification").asString());
            if (previous != null) {
                assertThat(at.toInstant()).as("dossier %s", d.get("number")).isAfterOrEqualTo(previous.toInstant());
            }
            previous = at;
        }
    }
}
