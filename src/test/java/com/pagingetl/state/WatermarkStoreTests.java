package com.pagingetl.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WatermarkStoreTests {

    private final TestDatabase db = TestDatabase.fresh();
    private final WatermarkStore store = new WatermarkStore(db.jdbc(), db.tx());

    @AfterEach
    void close() {
        db.shutdown();
    }

    @Test
    void emptyBeforeTheFirstRun() {
        assertThat(store.load("tdgChanges", "default")).isEmpty();
    }

    @Test
    void savesAndLoadsExactStrings() {
        store.saveAll("tdgChanges", "default", Map.of("version", "1639990000123456789",
                "cursor", "eyJpZCI6IDQyfQ==", "since", "2026-11-22T06:00:00.123456789Z"), 7);

        assertThat(store.load("tdgChanges", "default")).containsExactly(Map.entry("cursor", "eyJpZCI6IDQyfQ=="),
                Map.entry("since", "2026-11-22T06:00:00.123456789Z"), Map.entry("version", "1639990000123456789"));
        assertThat(db.jdbc().queryForObject("SELECT JOB_EXECUTION_ID FROM ETL_WATERMARK WHERE WM_NAME = 'version'",
                Long.class)).isEqualTo(7);
    }

    @Test
    void overwritesSomeAndKeepsTheOthers() {
        store.saveAll("systax", "uf=SP", Map.of("pointer", "100", "date", "2026-01-01"), 1);

        store.saveAll("systax", "uf=SP", Map.of("pointer", "250"), 2);

        assertThat(store.load("systax", "uf=SP")).containsOnly(Map.entry("pointer", "250"), Map.entry("date", "2026-01-01"));
        assertThat(db.jdbc().queryForObject("SELECT JOB_EXECUTION_ID FROM ETL_WATERMARK WHERE WM_NAME = 'pointer'",
                Long.class)).isEqualTo(2);
    }

    @Test
    void scopesAndJobsAreSeparate() {
        store.saveAll("systax", "uf=SP", Map.of("pointer", "1"), 1);
        store.saveAll("systax", "uf=RJ", Map.of("pointer", "2"), 2);
        store.saveAll("other", "uf=SP", Map.of("pointer", "3"), 3);

        assertThat(store.load("systax", "uf=SP")).containsExactly(Map.entry("pointer", "1"));
        assertThat(store.load("systax", "uf=RJ")).containsExactly(Map.entry("pointer", "2"));
        assertThat(store.load("other", "uf=SP")).containsExactly(Map.entry("pointer", "3"));
    }

    @Test
    void aFailingSaveChangesNothing() {
        store.saveAll("systax", "uf=SP", Map.of("pointer", "1"), 1);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("pointer", "2");
        values.put("broken", null);

        assertThatThrownBy(() -> store.saveAll("systax", "uf=SP", values, 2)).isInstanceOf(RuntimeException.class);

        assertThat(store.load("systax", "uf=SP")).containsExactly(Map.entry("pointer", "1"));
    }

    @Test
    void schemaInitializationIsRepeatable() {
        store.saveAll("systax", "uf=SP", Map.of("pointer", "1"), 1);

        SchemaInitializer.initialize(db.dataSource());

        assertThat(store.load("systax", "uf=SP")).containsExactly(Map.entry("pointer", "1"));
    }
}
