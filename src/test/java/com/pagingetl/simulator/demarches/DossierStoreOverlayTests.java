package com.pagingetl.simulator.demarches;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

/**
 * The generated base with changes laid over it answers like a plain sorted table of the current rows: every
 * ordering, in every direction, is what sorting {@link DossierStore#row} of every number gives.
 */
class DossierStoreOverlayTests {

    private static final Templates TEMPLATES = Templates.load();

    @Test
    void orderingsMatchTheRowsAfterBaseAndLiveChanges() {
        DataGenerator generator = new DataGenerator(TEMPLATES, 7, 1_500);
        DossierStore store = generator.baseStore();
        assertMatchesRows(store);
        generator.applyBatch(store, 1);
        SplittableRandom rnd = new SplittableRandom(3);
        for (int i = 0; i < 200; i++) {
            long number = store.randomVisible(1001, rnd);
            switch (i % 5) {
                case 0 -> store.editChamps(number, 0);
                case 1 -> store.hide(number, 0);
                case 2 -> store.purge(number, 0);
                case 3 -> store.restore(store.pendingNumbers(1001).get(i % store.pendingNumbers(1001).size()), 0);
                default -> store.deposit(1001, 0, (n, at) -> generator.newDossier(TEMPLATES.demarches.get(0), n, at, n));
            }
        }
        generator.applyBatch(store, 2);
        assertMatchesRows(store);
    }

    @Test
    void aChangedBaseRowMovesInsteadOfAppearingTwice() {
        DossierStore store = new DataGenerator(TEMPLATES, 7, 500).baseStore();
        long first = walk(store, true, false).get(0).number();
        assertThat(store.editChamps(first, 0)).isTrue();
        List<DossierRow> after = walk(store, true, false);
        assertThat(after.stream().filter(r -> r.number() == first)).hasSize(1);
        assertThat(after.get(after.size() - 1).number()).isEqualTo(first);
        assertThat(after).hasSize(store.visibleNumbers(1001).size());
        assertThat(after.get(after.size() - 1)).usingRecursiveComparison().isEqualTo(store.row(first));
    }

    private static void assertMatchesRows(DossierStore store) {
        for (int demarche : new int[]{1001, 1002}) {
            List<DossierRow> visible = new ArrayList<>();
            for (long number : store.allNumbers(demarche)) {
                DossierRow row = store.row(number);
                if (row.visible()) {
                    visible.add(row);
                }
            }
            assertThat(visible).isNotEmpty();
            assertThat(store.visibleNumbers(demarche)).containsExactlyElementsOf(visible.stream().map(DossierRow::number).sorted().toList());
            for (boolean byUpdated : new boolean[]{true, false}) {
                Function<DossierRow, SortKey> key = byUpdated ? DossierRow::byUpdated : DossierRow::byDepose;
                List<Long> expected = visible.stream().sorted(Comparator.comparing(key)).map(DossierRow::number).toList();
                assertThat(walk(store, demarche, byUpdated, false).stream().map(DossierRow::number)).containsExactlyElementsOf(expected);
                List<Long> reversed = new ArrayList<>(expected);
                java.util.Collections.reverse(reversed);
                assertThat(walk(store, demarche, byUpdated, true).stream().map(DossierRow::number)).containsExactlyElementsOf(reversed);
            }
        }
    }

    private static List<DossierRow> walk(DossierStore store, boolean byUpdated, boolean descending) {
        return walk(store, 1001, byUpdated, descending);
    }

    /** Pages of 37 following the end cursor, then checks the last page read backwards is the same rows. */
    private static List<DossierRow> walk(DossierStore store, int demarche, boolean byUpdated, boolean descending) {
        List<DossierRow> rows = new ArrayList<>();
        SortKey after = null;
        while (true) {
            Page<DossierRow> page = store.dossiers(demarche, byUpdated, -1, new PageRequest(37, after, null, false, descending), r -> true);
            rows.addAll(page.items());
            if (!page.hasNextPage()) {
                break;
            }
            after = page.keys().get(page.keys().size() - 1);
        }
        Page<DossierRow> last = store.dossiers(demarche, byUpdated, -1, new PageRequest(10, null, null, true, descending), r -> true);
        assertThat(last.items().stream().map(DossierRow::number))
                .containsExactlyElementsOf(rows.subList(Math.max(0, rows.size() - 10), rows.size()).stream().map(DossierRow::number).toList());
        return rows;
    }
}
