package com.pagingetl.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.repository.JobRepository;

import com.pagingetl.state.TestDatabase;

class RunIdentityTests {

    private static final ParameterType TEXT = ParameterType.of("any text", value -> null);

    private static final JobDescriptor RAPID = new JobDescriptor("rapidContent", "Rapid content", "rapid",
            List.of(ParameterSpec.scope("country", TEXT, "US", "countries"), ParameterSpec.scope("category", TEXT, "", "categories"),
                    ParameterSpec.option("pageSize", TEXT, "250", "page size")), List.of());
    private static final JobDescriptor UNSCOPED = new JobDescriptor("tdgChanges", "TDG", "tdg",
            List.of(ParameterSpec.option("pageSize", TEXT, "100", "page size")), List.of());

    private TestDatabase db;

    @AfterEach
    void close() {
        if (db != null) {
            db.shutdown();
        }
    }

    @Test
    void scopeKeyHoldsOnlyScopeParametersSortedByName() {
        assertThat(RunIdentity.scopeKey(RAPID, Map.of("pageSize", "10", "country", "FR", "category", "1"), false))
                .isEqualTo("category=1;country=FR");
        assertThat(RunIdentity.scopeKey(RAPID, Map.of("country", "FR", "category", "1", "pageSize", "999"), false))
                .as("options do not change the run").isEqualTo("category=1;country=FR");
    }

    @Test
    void missingScopeParameterCountsAsEmpty() {
        assertThat(RunIdentity.scopeKey(RAPID, Map.of("country", "FR"), false)).isEqualTo("category=;country=FR");
    }

    @Test
    void jobWithoutScopeParametersHasTheDefaultScope() {
        assertThat(RunIdentity.scopeKey(UNSCOPED, Map.of("pageSize", "5"), false)).isEqualTo("default");
        assertThat(RunIdentity.scopeKey(UNSCOPED, Map.of(), true)).isEqualTo("simulated;default");
    }

    @Test
    void simulatedRunsAreASeparateScope() {
        assertThat(RunIdentity.scopeKey(RAPID, Map.of("country", "FR"), true)).isEqualTo("simulated;category=;country=FR");
    }

    @Test
    void differentScopeValuesNeverShareAKey() {
        List<Map<String, String>> scopes = List.of(
                Map.of("country", "New York"), Map.of("country", "NewYork"),
                Map.of("country", "FR,US"), Map.of("country", "FR;US"),
                Map.of("country", "{FR}"), Map.of("country", "FR"));

        List<String> keys = scopes.stream().map(p -> RunIdentity.scopeKey(RAPID, p, false)).toList();

        assertThat(keys).doesNotHaveDuplicates();
    }

    @Test
    void longScopeKeysAreShortenedWithAHash() {
        String a = RunIdentity.scopeKey(RAPID, Map.of("country", "X".repeat(300) + "a"), false);
        String b = RunIdentity.scopeKey(RAPID, Map.of("country", "X".repeat(300) + "b"), false);

        assertThat(a.length()).isLessThanOrEqualTo(200);
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void identifyingParametersAreScopeAndRunOnly() {
        var params = RunIdentity.identifying("country=FR", 3);

        assertThat(params.getIdentifyingParameters()).extracting(p -> p.name()).containsExactlyInAnyOrder("scope", "run");
        assertThat(params.getString("scope")).isEqualTo("country=FR");
        assertThat(params.getLong("run")).isEqualTo(3L);
    }

    @Test
    void latestRunCountsTheInstancesOfTheScope() {
        db = TestDatabase.fresh();
        JobRepository repository = db.jobRepository();

        assertThat(RunIdentity.latestRun(repository, "rapidContent", "country=FR")).isZero();

        repository.createJobInstance("rapidContent", RunIdentity.identifying("country=FR", 1));
        assertThat(RunIdentity.latestRun(repository, "rapidContent", "country=FR")).isEqualTo(1);

        for (long run = 2; run <= 5; run++) {
            repository.createJobInstance("rapidContent", RunIdentity.identifying("country=FR", run));
        }
        assertThat(RunIdentity.latestRun(repository, "rapidContent", "country=FR")).isEqualTo(5);

        repository.createJobInstance("rapidContent", RunIdentity.identifying("country=US", 1));
        repository.createJobInstance("otherJob", RunIdentity.identifying("country=FR", 9));
        assertThat(RunIdentity.latestRun(repository, "rapidContent", "country=FR")).isEqualTo(5);
        assertThat(RunIdentity.latestRun(repository, "rapidContent", "country=US")).isEqualTo(1);
        assertThat(RunIdentity.instance(repository, "rapidContent", "country=FR", 5)).isNotNull();
    }

    @Test
    void latestRunAcrossPowersOfTwo() {
        db = TestDatabase.fresh();
        JobRepository repository = db.jobRepository();
        for (long run = 1; run <= 17; run++) {
            repository.createJobInstance("j", RunIdentity.identifying("default", run));
            assertThat(RunIdentity.latestRun(repository, "j", "default")).isEqualTo(run);
        }
    }
}
