package com.pagingetl.launch;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

import com.pagingetl.state.RunLock;

/**
 * One execution as {@code --status} reports it; its JSON form is {@code --status --json}'s element.
 *
 * @param status      Spring Batch's status, or {@value #DEAD} for an execution marked running whose process is
 *                    gone (no live process holds its run lock)
 * @param records     items read and written: the sum of the partitions' step executions while a partitioned step
 *                    runs (its manager reports 0 until it ends), of the top-level steps otherwise
 * @param pages       pages fetched, from the readers' committed {@code <reader>.pages} context keys; null if none
 * @param position    per step, the reader's last committed position ({@code <reader>.token} in the step's
 *                    execution context: "" is the first page)
 * @param lastError   the failure line of a FAILED execution (from its failed step's stored exit description), else null
 * @param pid         process id holding the run lock while the execution runs, else null
 * @param host        host of that process, else null
 */
public record ExecutionStatus(String job, String scope, Long run, long executionId, String status, String exitCode,
                              Instant start, Instant end, Records records, Long pages, Map<String, String> position,
                              String lastError, Long pid, String host) {

    public static final String DEAD = "DEAD";

    /** Items read and written. */
    public record Records(long read, long written) {
    }

    static ExecutionStatus of(JobExecution e, Instant start, Instant end, RunLock runLock) {
        String job = e.getJobInstance().getJobName();
        String scope = JobParameterValues.string(e.getJobParameters(), RunIdentity.SCOPE);
        String run = JobParameterValues.string(e.getJobParameters(), RunIdentity.RUN);
        Optional<RunLock.Holder> holder = e.getStatus().isRunning() && scope != null
                ? runLock.liveHolder(job, scope) : Optional.empty();
        String status = e.getStatus().isRunning() && holder.isEmpty() ? DEAD : e.getStatus().name();
        List<StepExecution> counted = counted(e);
        long read = counted.stream().mapToLong(StepExecution::getReadCount).sum();
        long written = counted.stream().mapToLong(StepExecution::getWriteCount).sum();
        Long pages = null;
        Map<String, String> position = new TreeMap<>();
        for (StepExecution s : e.getStepExecutions()) {
            for (Map.Entry<String, Object> entry : s.getExecutionContext().entrySet()) {
                if (entry.getKey().endsWith(".pages") && entry.getValue() instanceof Number n) {
                    pages = (pages == null ? 0 : pages) + n.longValue();
                } else if (entry.getKey().endsWith(".token") && entry.getValue() instanceof String token) {
                    position.put(s.getStepName(), token);
                }
            }
        }
        return new ExecutionStatus(job, scope, run == null ? null : Long.valueOf(run), e.getId(), status,
                e.getExitStatus().getExitCode(), start, end, new Records(read, written), pages, position,
                e.getStatus() == BatchStatus.FAILED ? FailureReport.stored(e) : null,
                holder.map(RunLock.Holder::pid).orElse(null), holder.map(RunLock.Holder::host).orElse(null));
    }

    /**
     * The step executions whose counts add up to the job's: the partitions (named {@code <worker>:<partition>})
     * and every top-level step except a partition manager, recognised as the top-level step during which
     * partitions ran; its own counts are the sum of theirs, and only once it ends.
     */
    private static List<StepExecution> counted(JobExecution e) {
        List<StepExecution> workers = e.getStepExecutions().stream().filter(s -> s.getStepName().contains(":")).toList();
        return e.getStepExecutions().stream()
                .filter(s -> s.getStepName().contains(":") || workers.stream().noneMatch(w -> during(w, s)))
                .toList();
    }

    private static boolean during(StepExecution worker, StepExecution manager) {
        LocalDateTime ws = worker.getStartTime();
        LocalDateTime ms = manager.getStartTime();
        LocalDateTime me = manager.getEndTime();
        return ws != null && ms != null && !ws.isBefore(ms) && (me == null || !ws.isAfter(me));
    }
}
