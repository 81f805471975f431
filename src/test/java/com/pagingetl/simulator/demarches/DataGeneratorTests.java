package com.pagingetl.simulator.demarches;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.pagingetl.simulator.SimulatorOptions;

class DataGeneratorTests {

    private static final Templates TEMPLATES = Templates.load();

    @Test
    void sameSeedSameDataAndFixedTimestamps() {
        DossierStore a = new DataGenerator(TEMPLATES, 5, 2000).baseStore();
        DossierStore b = new DataGenerator(TEMPLATES, 5, 2000).baseStore();
        assertThat(a.visibleNumbers(1001)).isEqualTo(b.visibleNumbers(1001));
        PageRequest all = new PageRequest(100, null, null, false, false);
        assertThat(a.dossiers(1001, true, -1, all, r -> true).keys()).isEqualTo(b.dossiers(1001, true, -1, all, r -> true).keys());
        assertThat(a.lastIssued()).isLessThanOrEqualTo(DataGenerator.BASE_END);
        DossierStore other = new DataGenerator(TEMPLATES, 6, 2000).baseStore();
        assertThat(other.dossiers(1001, true, -1, all, r -> true).keys()).isNotEqualTo(a.dossiers(1001, true, -1, all, r -> true).keys());
    }

    @Test
    void realisticProportions() {
        DossierStore store = new DataGenerator(TEMPLATES, 42, 6_000).baseStore();
        int visible = store.visibleNumbers(1001).size();
        int pending = store.pendingNumbers(1001).size();
        int deleted = store.deletedNumbers(1001).size();
        assertThat(store.size(1001)).isEqualTo(6_000);
        assertThat(visible).isBetween(5_300, 5_600);
        assertThat(pending).isBetween(40, 150);
        assertThat(deleted).isBetween(20, 110);
        Map<DossierStatus, Integer> states = new HashMap<>();
        boolean archived = false;
        for (long n : store.visibleNumbers(1001)) {
            DossierRow row = store.row(n);
            states.merge(row.status(), 1, Integer::sum);
            archived |= row.archived();
            assertThat(row.updatedAt()).isGreaterThanOrEqualTo(row.deposeAt()).isLessThanOrEqualTo(DataGenerator.BASE_END);
            assertThat(row.updatedAt() % Timestamps.NANOS_PER_MICRO).isZero();
        }
        assertThat(states.keySet()).containsExactlyInAnyOrder(DossierStatus.EN_CONSTRUCTION, DossierStatus.EN_INSTRUCTION,
                DossierStatus.ACCEPTE, DossierStatus.REFUSE, DossierStatus.SANS_SUITE);
        assertThat(states.get(DossierStatus.ACCEPTE)).isGreaterThan(states.get(DossierStatus.REFUSE));
        assertThat(archived).isTrue();
        // Some visible rows share an updated_at: the id must break the tie.
        List<SortKey> keys = store.dossiers(1001, true, -1, new PageRequest(100, null, null, false, false), r -> true).keys();
        long ties = 0;
        SortKey previous = null;
        for (SortKey key : allKeys(store)) {
            if (previous != null && previous.nanos() == key.nanos()) {
                ties++;
            }
            previous = key;
        }
        assertThat(keys).isSorted();
        assertThat(ties).isGreaterThan(10);
    }

    private static List<SortKey> allKeys(DossierStore store) {
        List<SortKey> keys = new java.util.ArrayList<>();
        SortKey after = null;
        while (true) {
            Page<DossierRow> page = store.dossiers(1001, true, -1, new PageRequest(100, after, null, false, false), r -> true);
            keys.addAll(page.keys());
            if (!page.hasNextPage()) {
                return keys;
            }
            after = page.keys().get(page.keys().size() - 1);
        }
    }

    @Test
    void batchTimestampsAreAfterEverythingAndDeterministic() {
        DossierStore a = new DataGenerator(TEMPLATES, 5, 2000).baseStore();
        DossierStore b = new DataGenerator(TEMPLATES, 5, 2000).baseStore();
        long before = a.lastIssued();
        String summaryA = new DataGenerator(TEMPLATES, 5, 2000).applyBatch(a, 1);
        String summaryB = new DataGenerator(TEMPLATES, 5, 2000).applyBatch(b, 1);
        assertThat(summaryA).isEqualTo(summaryB).contains("epoch 1");
        assertThat(a.visibleUpdatedAfter(1001, new SortKey(before, Long.MAX_VALUE)))
                .isEqualTo(b.visibleUpdatedAfter(1001, new SortKey(before, Long.MAX_VALUE))).isNotEmpty();
        long next = a.nextTimestamp(0);
        assertThat(next).isGreaterThan(a.lastIssued() - 1).isGreaterThan(before);
    }

    @Test
    void optionsAreValidated() {
        assertThatThrownBy(() -> new DemarchesSimulator(new SimulatorOptions(Map.of("size", "0"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sim.size");
        assertThatThrownBy(() -> new DemarchesSimulator(new SimulatorOptions(Map.of("timeoutRate", "2"))))
                .hasMessageContaining("sim.timeoutRate");
        assertThatThrownBy(() -> new DemarchesSimulator(new SimulatorOptions(Map.of("epoch", "x"))))
                .hasMessageContaining("sim.epoch");
    }

    @Test
    void clientPropertiesAndDemoToken() {
        try (DemarchesSimulator sim = new DemarchesSimulator(new SimulatorOptions(Map.of("size", "50")))) {
            sim.start(0);
            assertThat(sim.clientProperties()).containsOnlyKeys("etl.jobs.demarches-dossiers.base-url", "etl.jobs.demarches-dossiers.token")
                    .containsEntry("etl.jobs.demarches-dossiers.base-url", sim.baseUrl());
            String token = sim.clientProperties().get("etl.jobs.demarches-dossiers.token");
            assertThat(new String(java.util.Base64.getUrlDecoder().decode(token))).matches("[0-9a-f-]{36};.+");
            assertThat(token).endsWith("=");
            assertThat(sim.describe()).contains("/api/v2/graphql", "/__admin/sim/advance", token);
        }
    }
}
