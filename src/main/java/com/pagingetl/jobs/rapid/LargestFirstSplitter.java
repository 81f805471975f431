package com.pagingetl.jobs.rapid;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.batch.core.job.JobExecutionException;
import org.springframework.batch.core.partition.StepExecutionSplitter;
import org.springframework.batch.core.step.StepExecution;

/**
 * Hands the partitions of rapidExtract to the partition handler in the plan's {@link RapidPlan#runOrder()
 * run order}, largest first. Spring Batch's {@code SimpleStepExecutionSplitter} returns a {@code HashSet},
 * so without this the partitions start in hash order and the largest one may start last and run alone;
 * {@code TaskExecutorPartitionHandler} submits in the iteration order of the set it is given, and a
 * {@code SimpleAsyncTaskExecutor} with a concurrency limit blocks the submitting thread, so partitions
 * start in exactly this order.
 *
 * <p>Which partitions run (new, failed, completed ones skipped on restart) stays the delegate's decision;
 * only the order changes. Reads the plan from the job's ExecutionContext ({@value RapidPlan#KEY}).
 * Thread-safe.
 */
final class LargestFirstSplitter implements StepExecutionSplitter {

    private final StepExecutionSplitter delegate;

    LargestFirstSplitter(StepExecutionSplitter delegate) {
        this.delegate = delegate;
    }

    @Override
    public String getStepName() {
        return delegate.getStepName();
    }

    @Override
    public Set<StepExecution> split(StepExecution stepExecution, int gridSize) throws JobExecutionException {
        Set<StepExecution> executions = delegate.split(stepExecution, gridSize);
        RapidPlan plan = RapidPlan.fromJson(stepExecution.getJobExecution().getExecutionContext().getString(RapidPlan.KEY));
        Map<String, Integer> rank = new HashMap<>();
        List<RapidPlan.Slice> order = plan.runOrder();
        for (int i = 0; i < order.size(); i++) {
            rank.put(getStepName() + ":" + order.get(i).name(), i);
        }
        List<StepExecution> sorted = new ArrayList<>(executions);
        sorted.sort(Comparator.comparingInt(e -> rank.getOrDefault(e.getStepName(), Integer.MAX_VALUE)));
        return new LinkedHashSet<>(sorted);
    }
}
