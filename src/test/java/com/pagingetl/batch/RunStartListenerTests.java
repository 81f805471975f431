package com.pagingetl.batch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import com.pagingetl.output.RunLayout;
import com.pagingetl.state.TestDatabase;

/** The base name a run gets when it first starts, over a real JDBC job repository on H2. */
class RunStartListenerTests {

    private TestDatabase db;
    private JobRepository repository;
    private RunStartListener listener;

    @BeforeEach
    void open() {
        db = TestDatabase.fresh();
        repository = db.jobRepository();
        listener = new RunStartListener(db.watermarkStore(), repository);
    }

    @AfterEach
    void close() {
        db.shutdown();
    }

    private JobExecution start(long run) {
        JobParameters params = new JobParametersBuilder().addString("scope", "type=Country").addLong("run", run)
                .addString("label", "Country-snapshot", false).toJobParameters();
        JobInstance instance = repository.createJobInstance("tdgVersions", params);
        JobExecution execution = repository.createJobExecution(instance, params, new ExecutionContext());
        listener.beforeJob(execution);
        return execution;
    }

    @Test
    void runsStartedInTheSameSecondGetDistinctBaseNames() {
        // given / when: two runs of one label, one right after the other
        String first = start(1).getExecutionContext().getString(RunLayout.BASE_NAME_KEY);
        String second = start(2).getExecutionContext().getString(RunLayout.BASE_NAME_KEY);

        // then
        assertThat(first).startsWith("tdgVersions-Country-snapshot-");
        assertThat(second).startsWith("tdgVersions-Country-snapshot-").isNotEqualTo(first);
    }

    @Test
    void aRestartKeepsItsBaseName() {
        // given
        JobExecution execution = start(1);
        String name = execution.getExecutionContext().getString(RunLayout.BASE_NAME_KEY);

        // when
        listener.beforeJob(execution);

        // then
        assertThat(execution.getExecutionContext().getString(RunLayout.BASE_NAME_KEY)).isEqualTo(name);
    }
}
