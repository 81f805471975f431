package com.pagingetl.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;

import com.pagingetl.output.RunLayout;
import com.pagingetl.state.WatermarkStore;

class RunStartListenerTests {

    @Test
    void aRunStartingInTheSameSecondAsThePreviousRunGetsAnotherBaseName() {
        // given the previous run of the job took the base name of this very second
        JobRepository repository = mock(JobRepository.class);
        WatermarkStore watermarks = mock(WatermarkStore.class);
        when(watermarks.load(anyString(), any())).thenReturn(Map.of("pointer", "42"));
        JobInstance previous = new JobInstance(1, "systaxRules");
        JobInstance current = new JobInstance(2, "systaxRules");
        var parameters = new JobParametersBuilder().addString("scope", "default").addString("label", "").toJobParameters();
        JobExecution previousExecution = new JobExecution(1, previous, parameters);
        String taken = RunLayout.baseName("systaxRules", "", Instant.now());
        previousExecution.getExecutionContext().putString(RunLayout.BASE_NAME_KEY, taken);
        when(repository.getJobInstances(anyString(), anyInt(), anyInt())).thenReturn(List.of(current, previous));
        when(repository.getLastJobExecution(previous)).thenReturn(previousExecution);
        JobExecution execution = new JobExecution(2, current, parameters);

        // when
        new RunStartListener(watermarks, repository).beforeJob(execution);

        // then
        assertThat(execution.getExecutionContext().getString(RunLayout.BASE_NAME_KEY)).startsWith("systaxRules-")
                .isNotEqualTo(taken);
        assertThat(RunStartListener.before(execution.getExecutionContext(), "pointer")).isEqualTo("42");
    }
}
