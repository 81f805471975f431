package com.pagingetl.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.repository.dao.DefaultExecutionContextSerializer;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import com.pagingetl.output.RunLayout;

/** Against a real JDBC job repository: the query reads what Spring Batch wrote, in its own tables and serialisation. */
class RecentRunNamesTests {

    private final TestDatabase db = TestDatabase.fresh();
    private final JobRepository repository = db.jobRepository();
    private final RecentRunNames names = new RecentRunNames(db.jdbc(), "BATCH_", new DefaultExecutionContextSerializer(),
            StandardCharsets.UTF_8);

    @AfterEach
    void close() {
        db.shutdown();
    }

    @Test
    void readsTheBaseNamesOfOtherRunsOfTheJob() {
        run("systaxRules", "1", "systaxRules-20261130T040000Z");
        run("systaxRules", "2", null);
        run("tdgVersions", "3", "tdgVersions-20261130T040000Z");
        JobInstance current = run("systaxRules", "4", "systaxRules-20261130T040001Z").getJobInstance();

        assertThat(names.since("systaxRules", current.getInstanceId(), LocalDateTime.now().minusHours(1), 50))
                .containsExactly("systaxRules-20261130T040000Z");
    }

    @Test
    void leavesOutRunsCreatedBeforeTheCutOff() {
        JobExecution old = run("systaxRules", "1", "systaxRules-20261129T040000Z");
        old.setCreateTime(LocalDateTime.now().minusDays(1));
        db.jdbc().update("UPDATE BATCH_JOB_EXECUTION SET CREATE_TIME = ? WHERE JOB_EXECUTION_ID = ?",
                old.getCreateTime(), old.getId());
        run("systaxRules", "2", "systaxRules-20261130T040000Z");

        assertThat(names.since("systaxRules", -1, LocalDateTime.now().minusHours(3), 50))
                .containsExactly("systaxRules-20261130T040000Z");
    }

    @Test
    void readsAtMostTheNewestLimitExecutions() {
        for (int i = 0; i < 5; i++) {
            run("systaxRules", String.valueOf(i), "systaxRules-20261130T04000" + i + "Z");
        }

        assertThat(names.since("systaxRules", -1, LocalDateTime.now().minusHours(1), 2))
                .containsExactlyInAnyOrder("systaxRules-20261130T040003Z", "systaxRules-20261130T040004Z");
    }

    /** A run of {@code job} whose context holds {@code baseName} (none when null), as the run start listener leaves it. */
    private JobExecution run(String job, String scope, String baseName) {
        JobParameters parameters = new JobParametersBuilder().addString("scope", scope).toJobParameters();
        JobInstance instance = repository.createJobInstance(job, parameters);
        JobExecution execution = repository.createJobExecution(instance, parameters, new ExecutionContext());
        if (baseName != null) {
            execution.getExecutionContext().putString(RunLayout.BASE_NAME_KEY, baseName);
            repository.updateExecutionContext(execution);
        }
        return execution;
    }
}
