package com.pagingetl.remote;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * The manager step's side of the leases: while the manager waits for its partitions (by polling the job
 * repository), fails every partition whose worker stopped beating, and then the partitions no worker has
 * taken yet (the run is failing anyway, and no worker may be left to take them), so that the wait ends with
 * the partitions already executing and the run fails with a line naming the lost partition and its worker;
 * the same command then re-sends only the unfinished partitions. A worker that takes a request just as its
 * partition is failed here finds the partition changed under it (the repository's version check) and gives
 * it up. Before sending, waits for workers still executing partitions of an earlier execution of the same
 * run (its manager died), so that a partition never runs twice at once.
 */
public class PartitionLeaseWatcher implements StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(PartitionLeaseWatcher.class);

    private final PartitionLeases leases;
    private final JobRepository repository;
    private final String workerStep;
    private final Duration pollInterval;
    private volatile ScheduledExecutorService watcher;
    /** Whether a worker of this execution was lost; touched by the watcher's one thread only. */
    private boolean lostOne;
    /** Partitions failed here before any worker took them: not causes of the failure, so not reported. */
    private final Set<Long> cancelled = ConcurrentHashMap.newKeySet();

    public PartitionLeaseWatcher(PartitionLeases leases, JobRepository repository, String workerStep, Duration pollInterval) {
        this.leases = leases;
        this.repository = repository;
        this.workerStep = workerStep;
        this.pollInterval = pollInterval;
    }

    @Override
    public void beforeStep(StepExecution manager) {
        lostOne = false;
        cancelled.clear();
        JobExecution job = manager.getJobExecution();
        for (var holders = leases.liveHolders(job.getJobInstance().getInstanceId(), job.getId()); !holders.isEmpty();
             holders = leases.liveHolders(job.getJobInstance().getInstanceId(), job.getId())) {
            log.warn("{}: waiting for workers still executing partitions of an earlier execution: {}",
                    manager.getStepName(), holders);
            sleep(pollInterval);
        }
        watcher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "partition-lease-watcher");
            t.setDaemon(true);
            return t;
        });
        watcher.scheduleWithFixedDelay(() -> failLost(job.getId()), pollInterval.toMillis(), pollInterval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void failLost(long jobExecutionId) {
        try {
            for (PartitionLeases.Stale lost : leases.stale(jobExecutionId)) {
                lostOne = true;
                String message = "its worker (" + lost.worker() + ") stopped beating at " + lost.heartbeatAt()
                        + " (etl.remote.lease-stale-after=" + leases.staleAfter().toSeconds() + "s): taken for dead";
                log.error("step execution {} of job execution {}: {}", lost.stepExecutionId(), jobExecutionId, message);
                fail(lost.stepExecutionId(), message);
                leases.release(lost.stepExecutionId());
            }
            if (lostOne) {
                List<Long> untaken = leases.untaken(jobExecutionId, workerStep);
                if (!untaken.isEmpty()) {
                    log.warn("job execution {}: cancelling the {} partition(s) no worker has taken, since a worker was"
                            + " lost; the next command sends them again", jobExecutionId, untaken.size());
                }
                for (long id : untaken) {
                    cancelled.add(id);
                    fail(id, "not executed: the run gives up after losing a worker");
                }
            }
        } catch (RuntimeException e) {
            // The next round tries again; a worker that beat meanwhile has made its partition's row newer.
            log.warn("checking the partitions' leases of job execution {} failed: {}", jobExecutionId, e.toString());
        }
    }

    private void fail(long stepExecutionId, String message) {
        StepExecution partition = repository.getStepExecution(stepExecutionId);
        if (partition != null && partition.getStatus().isRunning()) {
            partition.setStatus(BatchStatus.FAILED);
            partition.setExitStatus(new ExitStatus(ExitStatus.FAILED.getExitCode(), message));
            partition.setEndTime(LocalDateTime.now());
            repository.update(partition);
        }
    }

    /** Puts each failed partition's cause, as the worker or the watcher recorded it, where the launcher's report reads it. */
    @Override
    public ExitStatus afterStep(StepExecution manager) {
        if (watcher != null) {
            watcher.shutdownNow();
        }
        JobExecution job = manager.getJobExecution();
        Set<String> reported = new HashSet<>();
        for (StepExecution saved : repository.getJobExecution(job.getId()).getStepExecutions()) {
            if (!saved.getStepName().startsWith(workerStep + ":") || !saved.getStatus().isUnsuccessful()
                    || cancelled.contains(saved.getId()) || !reported.add(saved.getStepName())) {
                continue;
            }
            RemotePartitionException failure = new RemotePartitionException("partition " + saved.getStepName()
                    .substring(workerStep.length() + 1) + " failed on a worker: " + cause(saved.getExitStatus()));
            job.getStepExecutions().stream().filter(s -> s.getId() == saved.getId()).findFirst()
                    .orElse(manager).addFailureException(failure);
        }
        return null;
    }

    /** The first line of the exit description, without the exception's class name when it is one of ours. */
    private static String cause(ExitStatus status) {
        String first = status.getExitDescription().lines().findFirst().orElse(status.getExitCode()).strip();
        return first.replaceFirst("^com\\.pagingetl\\.[\\w.]+?\\.\\w+(Exception|Error): ", "");
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the workers of an earlier execution", e);
        }
    }
}
