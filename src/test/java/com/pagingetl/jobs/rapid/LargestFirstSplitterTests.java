package com.pagingetl.jobs.rapid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.partition.StepExecutionSplitter;
import org.springframework.batch.core.partition.support.TaskExecutorPartitionHandler;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.core.task.TaskExecutor;

/**
 * Partitions reach the task executor largest first, although Spring Batch's own splitter hands them over
 * in a {@code HashSet}.
 */
class LargestFirstSplitterTests {

    private static final String WORKER = "rapidExtractPartition";

    @Test
    void partitionsReachTheExecutorLargestFirst() throws Exception {
        RapidPlan plan = new RapidPlan(List.of(slice("AD", 3), slice("FR", 1854), slice("GB", 2049),
                slice("US-cat-1-r3.0", 1503), slice("US-cat-1-r3.5", 1480), slice("US-cat-2", 1692), slice("ZW", 3)));
        JobExecution job = new JobExecution(1L, new JobInstance(1L, "rapidContent"), new JobParameters());
        job.getExecutionContext().putString(RapidPlan.KEY, plan.toJson());
        StepExecution manager = new StepExecution(1L, "rapidExtract", job);
        List<String> submitted = Collections.synchronizedList(new ArrayList<>());
        TaskExecutor recording = task -> {
            submitted.add("task");
            task.run();
        };
        List<String> executed = Collections.synchronizedList(new ArrayList<>());
        TaskExecutorPartitionHandler handler = new TaskExecutorPartitionHandler();
        handler.setTaskExecutor(recording);
        handler.setStep(new RecordingStep(executed));

        handler.handle(new LargestFirstSplitter(new HashSetSplitter(plan, job)), manager);

        assertThat(executed).containsExactly("GB", "FR", "US-cat-2", "US-cat-1-r3.0", "US-cat-1-r3.5", "AD", "ZW");
        assertThat(submitted).hasSize(7);
    }

    private static RapidPlan.Slice slice(String name, long expected) {
        return new RapidPlan.Slice(name, name.substring(0, 2), null, false, expected);
    }

    /** Stands for SimpleStepExecutionSplitter: one execution per slice, in a HashSet. */
    private record HashSetSplitter(RapidPlan plan, JobExecution job) implements StepExecutionSplitter {
        @Override
        public String getStepName() {
            return WORKER;
        }

        @Override
        public Set<StepExecution> split(StepExecution stepExecution, int gridSize) {
            Set<StepExecution> out = new HashSet<>();
            long id = 10;
            for (RapidPlan.Slice s : plan.slices()) {
                out.add(new StepExecution(id++, WORKER + ":" + s.name(), job));
            }
            return out;
        }
    }

    private record RecordingStep(List<String> executed) implements Step {
        @Override
        public String getName() {
            return WORKER;
        }

        @Override
        public void execute(StepExecution stepExecution) {
            executed.add(stepExecution.getStepName().substring(WORKER.length() + 1));
            stepExecution.setStatus(BatchStatus.COMPLETED);
            stepExecution.setExitStatus(ExitStatus.COMPLETED);
        }
    }
}
