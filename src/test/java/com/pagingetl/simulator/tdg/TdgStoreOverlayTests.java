package com.pagingetl.simulator.tdg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.pagingetl.simulator.tdg.TdgModel.TypeDef;
import com.pagingetl.simulator.tdg.TdgStore.Filter;
import com.pagingetl.simulator.tdg.TdgStore.Op;
import com.pagingetl.simulator.tdg.TdgStore.Query;
import com.pagingetl.simulator.tdg.TdgStore.Row;

/**
 * Generated objects that no write touched are not stored, yet every walk sees each stored version exactly once,
 * in index order, whichever mix of untouched and written objects it crosses.
 */
class TdgStoreOverlayTests {

    private static final TdgModel MODEL = TdgModel.loadDefault();

    @Test
    void walksSeeEveryVersionOnceAfterWritesDeletesAndInserts() {
        TdgStore store = new TdgStore(MODEL, new TdgDataGenerator(9), 9, 400, 3);
        assertConsistent(store);
        store.writeRandom(300);
        TypeDef account = store.type("Account");
        Filter third = new Filter(account.primary(), account.primary().fieldPosition(), Op.EQ, "ACC-00000003");
        store.delete("Account", List.of(third), null, true, null);
        Object[] values = new Object[account.fields().size()];
        values[account.primary().fieldPosition()] = "ACC-00000003";
        store.insert("Account", values, null, false, null);
        Filter fifth = new Filter(account.primary(), account.primary().fieldPosition(), Op.EQ, "ACC-00000005");
        store.update("Account", List.of(fifth), List.of(new TdgStore.UpdateOp("set", 3, "Kazan")), null, null);
        assertConsistent(store);
        assertThat(store.select(new Query("Account", List.of(fifth), 1, null, null, false), TdgHardLimits.unlimited())
                .get(0).values()[3]).isEqualTo("Kazan");
    }

    @Test
    void aModelWithAnotherSecondaryIndexIsStillServedWhole() {
        TypeDef account = MODEL.type("Account");
        List<TdgModel.IndexDef> indexes = new ArrayList<>(account.indexes());
        indexes.add(new TdgModel.IndexDef("city", "city", account.fieldIndex("city")));
        TypeDef withCity = new TypeDef(account.name(), account.versioned(), account.updateTimeField(), account.fields(),
                indexes, account.dataKind(), account.dataFile(), account.historyField());
        TdgDataGenerator generator = new TdgDataGenerator(9);
        assertThat(GeneratedObjects.covers(generator, account, 400)).isTrue();
        assertThat(GeneratedObjects.covers(generator, withCity, 400)).isFalse();
        assertThat(GeneratedObjects.covers(generator, account, 100_000_000)).isFalse();
        TdgStore store = new TdgStore(new TdgModel(List.of(withCity)), generator, 9, 400, 3);
        store.writeRandom(100);
        assertConsistent(store);
    }

    private static void assertConsistent(TdgStore store) {
        TypeDef account = store.type("Account");
        List<Row> all = walk(store, List.of(), true, false);
        assertThat(all).hasSize((int) store.storedVersions("Account"));
        assertThat(keys(all)).isSortedAccordingTo(TdgKeys.KEY).doesNotHaveDuplicates();
        List<Row> reversed = walk(store, List.of(), true, true);
        List<List<Object>> backwards = keys(reversed);
        Collections.reverse(backwards);
        assertThat(backwards).isEqualTo(keys(all));
        assertThat(walk(store, List.of(), false, false)).hasSize(store.liveCount("Account"));
        int ut = account.updateTimePosition();
        for (TdgModel.IndexDef index : account.indexes().subList(1, account.indexes().size())) {
            Filter any = new Filter(index, index.fieldPosition(), Op.GE, index.fieldPosition() == ut ? (Object) 0L : "");
            List<Row> byIndex = walk(store, List.of(any), true, false);
            Comparator<Row> order = Comparator.comparing((Row r) -> r.key(), TdgKeys.KEY);
            assertThat(byIndex).isSortedAccordingTo(order);
            assertThat(byIndex.stream().map(r -> List.of(r.values()[account.primary().fieldPosition()], r.version())))
                    .containsExactlyInAnyOrderElementsOf(all.stream()
                            .map(r -> List.of(r.values()[account.primary().fieldPosition()], r.version())).toList());
        }
    }

    private static List<List<Object>> keys(List<Row> rows) {
        return new ArrayList<>(rows.stream().map(Row::key).toList());
    }

    /** Pages of 23 following the last key, as a client does. */
    private static List<Row> walk(TdgStore store, List<Filter> filters, boolean allVersions, boolean reverse) {
        List<Row> rows = new ArrayList<>();
        List<Object> after = null;
        while (true) {
            List<Row> page = store.select(new Query("Account", filters, reverse ? -23 : 23, after, null, allVersions),
                    TdgHardLimits.unlimited());
            rows.addAll(page);
            if (page.size() < 23) {
                return rows;
            }
            after = page.get(page.size() - 1).key();
        }
    }
}
