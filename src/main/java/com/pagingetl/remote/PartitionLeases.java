package com.pagingetl.remote;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Leases of partitions held by workers, in {@code ETL_PARTITION_LEASE} of the job repository: a row per step
 * execution a worker executes, naming the worker and kept fresh by a heartbeat, so that the manager can tell
 * a partition whose worker died ({@code kill -9}, a lost machine) from one that is slow. Like the run lock,
 * times are stored with their offset and compared with the reader's clock.
 *
 * <p>Thread-safe.
 */
public class PartitionLeases implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PartitionLeases.class);

    private final JdbcTemplate jdbc;
    private final Duration staleAfter;
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "partition-lease-heartbeat");
        t.setDaemon(true);
        return t;
    });

    public PartitionLeases(JdbcTemplate jdbc, Duration staleAfter) {
        this.jdbc = jdbc;
        this.staleAfter = staleAfter;
    }

    /** A partition whose worker stopped beating. */
    public record Stale(long stepExecutionId, String worker, Instant heartbeatAt) {
    }

    /**
     * Writes the lease of a step execution for {@code worker} ("pid 123 on host"), within the caller's
     * transaction if there is one: the worker's take of the partition's request commits with it.
     */
    public void take(long stepExecutionId, String worker) {
        jdbc.update("DELETE FROM ETL_PARTITION_LEASE WHERE STEP_EXECUTION_ID = ?", stepExecutionId);
        jdbc.update("INSERT INTO ETL_PARTITION_LEASE (STEP_EXECUTION_ID, JOB_EXECUTION_ID, WORKER, HEARTBEAT_AT)"
                + " SELECT STEP_EXECUTION_ID, JOB_EXECUTION_ID, ?, ? FROM BATCH_STEP_EXECUTION WHERE STEP_EXECUTION_ID = ?",
                worker, now(), stepExecutionId);
    }

    /** Keeps a taken lease fresh with a heartbeat until the returned lease is closed, which removes it. */
    public Lease keep(long stepExecutionId) {
        long period = Math.max(100, staleAfter.toMillis() / 4);
        ScheduledFuture<?> beat = heartbeats.scheduleAtFixedRate(() -> beat(stepExecutionId), 0, period,
                TimeUnit.MILLISECONDS);
        return () -> {
            beat.cancel(false);
            release(stepExecutionId);
        };
    }

    private void beat(long stepExecutionId) {
        try {
            jdbc.update("UPDATE ETL_PARTITION_LEASE SET HEARTBEAT_AT = ? WHERE STEP_EXECUTION_ID = ?", now(),
                    stepExecutionId);
        } catch (RuntimeException e) {
            log.warn("heartbeat of the lease of step execution {} failed: {}", stepExecutionId, e.getMessage());
        }
    }

    /** Leases of the job execution's partitions that still run but whose heartbeat is older than staleAfter. */
    public List<Stale> stale(long jobExecutionId) {
        Instant limit = Instant.now().minus(staleAfter);
        return jdbc.query("SELECT l.STEP_EXECUTION_ID, l.WORKER, l.HEARTBEAT_AT FROM ETL_PARTITION_LEASE l"
                        + " JOIN BATCH_STEP_EXECUTION s ON s.STEP_EXECUTION_ID = l.STEP_EXECUTION_ID"
                        + " WHERE l.JOB_EXECUTION_ID = ? AND s.STATUS IN ('STARTING', 'STARTED', 'STOPPING')",
                        (rs, i) -> new Stale(rs.getLong(1), rs.getString(2),
                                rs.getObject(3, OffsetDateTime.class).toInstant()), jobExecutionId)
                .stream().filter(s -> s.heartbeatAt().isBefore(limit)).toList();
    }

    /** Partitions of the job execution that no worker has taken yet: still STARTING, without a lease. */
    public List<Long> untaken(long jobExecutionId, String workerStep) {
        return jdbc.queryForList("SELECT s.STEP_EXECUTION_ID FROM BATCH_STEP_EXECUTION s WHERE s.JOB_EXECUTION_ID = ?"
                + " AND s.STEP_NAME LIKE ? AND s.STATUS = 'STARTING' AND NOT EXISTS (SELECT 1 FROM ETL_PARTITION_LEASE l"
                + " WHERE l.STEP_EXECUTION_ID = s.STEP_EXECUTION_ID)", Long.class, jobExecutionId, workerStep + ":%");
    }

    /**
     * Workers still executing partitions of earlier executions of the job instance (a run whose manager
     * died); stale leases among them are removed, since their workers are gone.
     */
    public List<String> liveHolders(long jobInstanceId, long currentJobExecutionId) {
        Instant limit = Instant.now().minus(staleAfter);
        List<Stale> leases = jdbc.query("SELECT l.STEP_EXECUTION_ID, l.WORKER, l.HEARTBEAT_AT FROM ETL_PARTITION_LEASE l"
                        + " JOIN BATCH_JOB_EXECUTION e ON e.JOB_EXECUTION_ID = l.JOB_EXECUTION_ID"
                        + " WHERE e.JOB_INSTANCE_ID = ? AND e.JOB_EXECUTION_ID <> ?",
                (rs, i) -> new Stale(rs.getLong(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class).toInstant()),
                jobInstanceId, currentJobExecutionId);
        leases.stream().filter(l -> l.heartbeatAt().isBefore(limit)).forEach(l -> release(l.stepExecutionId()));
        return leases.stream().filter(l -> !l.heartbeatAt().isBefore(limit))
                .map(l -> "step execution " + l.stepExecutionId() + " on " + l.worker()).toList();
    }

    public void release(long stepExecutionId) {
        jdbc.update("DELETE FROM ETL_PARTITION_LEASE WHERE STEP_EXECUTION_ID = ?", stepExecutionId);
    }

    public Duration staleAfter() {
        return staleAfter;
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    @Override
    public void close() {
        heartbeats.shutdownNow();
    }

    /** A held lease; closing it stops the heartbeat and removes the row. */
    public interface Lease extends AutoCloseable {
        @Override
        void close();
    }
}
