package com.pagingetl.simulator.demarches;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.pagingetl.simulator.SimulatorOptions;

import tools.jackson.databind.JsonNode;

/** Epoch batches, the admin endpoint and live changes while a client pages, over real HTTP. */
class DemarchesChangesIntegrationTests {

    private static final String SINCE = "2024-01-01T00:00:00+01:00";

    private static DemarchesSimulator start(Map<String, String> options) {
        DemarchesSimulator sim = new DemarchesSimulator(new SimulatorOptions(options));
        sim.start(0);
        return sim;
    }

    /** Numbers and dateDerniereModification of everything after {@code cursor}. */
    private static List<String> delta(DemarchesHttp http, String cursor) {
        List<String> out = new ArrayList<>();
        String after = cursor;
        while (true) {
            JsonNode page = http.page(DemarchesHttp.SYNC_LIGHT, 1001, 100, after, SINCE);
            page.get("nodes").forEach(n -> out.add(n.get("number").asLong() + "@" + n.get("dateDerniereModification").asString()));
            if (!page.get("pageInfo").get("endCursor").isNull()) {
                after = page.get("pageInfo").get("endCursor").asString();
            }
            if (!page.get("pageInfo").get("hasNextPage").asBoolean()) {
                return out;
            }
        }
    }

    @Test
    void epochOneSeesExactlyBatchOneAfterTheEpochZeroCursor() {
        Map<String, String> base = Map.of("size", "1500", "seed", "11", "rateLimitPerMinute", "0");
        try (DemarchesSimulator epoch0 = start(base)) {
            DemarchesHttp http0 = new DemarchesHttp(epoch0.baseUrl());
            DemarchesHttp.Sync full = http0.syncAll(1001, null, SINCE);
            String cursor = full.lastCursor();
            Map<String, String> withEpoch = new java.util.HashMap<>(base);
            withEpoch.put("epoch", "1");
            List<String> fromFresh;
            List<Long> visibleFresh;
            Set<Long> gone = new HashSet<>();
            try (DemarchesSimulator epoch1 = start(withEpoch)) {
                fromFresh = delta(new DemarchesHttp(epoch1.baseUrl()), cursor);
                visibleFresh = epoch1.visibleDossierNumbers(1001);
                gone.addAll(epoch1.pendingDeletedDossierNumbers(1001));
                gone.addAll(epoch1.deletedDossierNumbers(1001));
                assertThat(epoch1.changedSince(1001, cursor)).hasSize(fromFresh.size());
            }
            assertThat(fromFresh.size()).isBetween(10, 40);
            // The same batch applied to the running epoch-0 simulator gives the same delta.
            HttpAdmin.advance(epoch0.baseUrl());
            assertThat(epoch0.epoch()).isEqualTo(1);
            assertThat(delta(http0, cursor)).containsExactlyElementsOf(fromFresh);
            // The incremental result (full sync + delta - deletions) is what a full sync at epoch 1 ends with.
            Set<Long> local = new HashSet<>(full.numbers());
            fromFresh.forEach(s -> local.add(Long.parseLong(s.substring(0, s.indexOf('@')))));
            local.removeAll(gone);
            assertThat(local).isEqualTo(new HashSet<>(visibleFresh));
            assertThat(gone).isNotEmpty();
        }
    }

    @Test
    void liveChangesWhilePagingLandAfterTheCursor() {
        try (DemarchesSimulator sim = start(Map.of("size", "1500", "changesPerRequest", "4", "hidesPerRequest", "1",
                "rateLimitPerMinute", "0"))) {
            DemarchesHttp http = new DemarchesHttp(sim.baseUrl());
            List<String> keys = new ArrayList<>();
            List<Long> seen = new ArrayList<>();
            String after = null;
            int pages = 0;
            while (true) {
                JsonNode page = http.page(DemarchesHttp.SYNC_LIGHT, 1001, 100, after, SINCE);
                pages++;
                page.get("nodes").forEach(n -> seen.add(n.get("number").asLong()));
                if (!page.get("pageInfo").get("endCursor").isNull()) {
                    after = page.get("pageInfo").get("endCursor").asString();
                    keys.add(after);
                }
                if (!page.get("pageInfo").get("hasNextPage").asBoolean()) {
                    break;
                }
            }
            // Every visible dossier was delivered at least once, some twice (modified after being read).
            assertThat(new HashSet<>(seen)).containsAll(sim.visibleDossierNumbers(1001));
            assertThat(seen.size()).isGreaterThan(new HashSet<>(seen).size());
            // Cursors only move forward.
            List<SortKey> decoded = keys.stream().map(SortKey::parse).toList();
            for (int i = 1; i < decoded.size(); i++) {
                assertThat(decoded.get(i)).isGreaterThan(decoded.get(i - 1));
            }
            assertThat(sim.pendingDeletedDossierNumbers(1001).size()).isGreaterThanOrEqualTo(pages);
            // The changes made after the last page come on the next run.
            assertThat(sim.changedSince(1001, after)).hasSize(4);
        }
    }

    @Test
    void mutationsAreSafeWhileClientsPageConcurrently() throws Exception {
        try (DemarchesSimulator sim = start(Map.of("size", "1500", "rateLimitPerMinute", "0"))) {
            List<Thread> threads = new ArrayList<>();
            List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
            for (int t = 0; t < 3; t++) {
                threads.add(new Thread(() -> {
                    try {
                        DemarchesHttp.Sync sync = new DemarchesHttp(sim.baseUrl()).syncAll(1001, null, SINCE);
                        assertThat(sync.numbers()).isNotEmpty();
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                }));
            }
            threads.forEach(Thread::start);
            for (int i = 0; i < 200; i++) {
                sim.touchDossiers(DemarchesSimulator.DEFAULT_DEMARCHE, 2);
                long any = sim.visibleDossierNumbers(1002).get(0);
                sim.hide(any);
                sim.restore(any);
            }
            for (Thread t : threads) {
                t.join();
            }
            assertThat(failures).isEmpty();
            DemarchesHttp.Sync after = new DemarchesHttp(sim.baseUrl()).syncAll(1001, null, SINCE);
            assertThat(after.numbers()).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(sim.visibleDossierNumbers(1001));
        }
    }

    /** The standalone admin endpoint. */
    static final class HttpAdmin {
        static void advance(String baseUrl) {
            try {
                var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                                java.net.URI.create(baseUrl + "/__admin/sim/advance"))
                        .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.body()).contains("\"epoch\":1");
                var status = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                                java.net.URI.create(baseUrl + "/__admin/sim/status")).GET().build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                assertThat(status.statusCode()).isEqualTo(200);
                assertThat(status.body()).contains("\"epoch\":1");
            } catch (java.io.IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
