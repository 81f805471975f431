package com.pagingetl.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;

import com.pagingetl.output.RunLayout;
import com.pagingetl.state.RecentRunNames;
import com.pagingetl.state.WatermarkStore;

class RunStartListenerTests {

    @Test
    void aRunStartingInTheSameSecondAsThePreviousRunGetsAnotherBaseName() {
        // given the previous run of the job took the base name of this very second
        JobRepository repository = mock(JobRepository.class);
        WatermarkStore watermarks = mock(WatermarkStore.class);
        when(watermarks.load(anyString(), any())).thenReturn(Map.of("pointer", "42"));
        JobInstance current = new JobInstance(2, "systaxRules");
        var parameters = new JobParametersBuilder().addString("scope", "default").addString("label", "").toJobParameters();
        String taken = RunLayout.baseName("systaxRules", "", Instant.now());
        RecentRunNames recentNames = mock(RecentRunNames.class);
        when(recentNames.since(eq("systaxRules"), eq(2L), any(), anyInt())).thenReturn(Set.of(taken));
        JobExecution execution = new JobExecution(2, current, parameters);

        // when
        new RunStartListener(watermarks, repository, recentNames).beforeJob(execution);

        // then
        assertThat(execution.getExecutionContext().getString(RunLayout.BASE_NAME_KEY)).startsWith("systaxRules-")
                .isNotEqualTo(taken);
        assertThat(RunStartListener.before(execution.getExecutionContext(), "pointer")).isEqualTo("42");
    }
}
