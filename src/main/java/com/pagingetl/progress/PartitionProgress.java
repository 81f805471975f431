package com.pagingetl.progress;

import java.util.List;
import java.util.function.Function;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * The overall progress line of a partitioned step: records of all its partitions, percent and ETA against the
 * total its plan expects. Partitions that completed in an earlier execution of the run open no reader, so their
 * records are taken from the job repository when the step starts.
 */
public final class PartitionProgress implements StepExecutionListener {

    /**
     * @param total        the records the plan expects
     * @param workerSteps  the step names of the partitions ({@code <worker>:<partition>})
     */
    public record Plan(long total, List<String> workerSteps) {
    }

    private final ProgressMonitor monitor;
    private final JobRepository repository;
    private final String name;
    private final String trackerPrefix;
    private final Function<StepExecution, Plan> plan;
    private ProgressMonitor.Overall overall;

    /**
     * @param name          the line's name: "rapidContent all partitions"
     * @param trackerPrefix the start of the names the partitions' readers register: "rapidContent partition "
     * @param plan          the plan of the step's run, from the manager step's execution
     */
    public PartitionProgress(ProgressMonitor monitor, JobRepository repository, String name, String trackerPrefix,
                             Function<StepExecution, Plan> plan) {
        this.monitor = monitor;
        this.repository = repository;
        this.name = name;
        this.trackerPrefix = trackerPrefix;
        this.plan = plan;
    }

    @Override
    public synchronized void beforeStep(StepExecution step) {
        Plan p = plan.apply(step);
        long earlier = 0;
        for (String worker : p.workerSteps()) {
            StepExecution last = repository.getLastStepExecution(step.getJobExecution().getJobInstance(), worker);
            if (last != null && last.getStatus() == BatchStatus.COMPLETED
                    && last.getJobExecutionId() != step.getJobExecutionId()) {
                earlier += last.getWriteCount();
            }
        }
        overall = monitor.overall(name, trackerPrefix, p.total(), earlier);
    }

    @Override
    public synchronized ExitStatus afterStep(StepExecution step) {
        if (overall != null) {
            overall.close(step.getStatus());
            overall = null;
        }
        return null;
    }
}
