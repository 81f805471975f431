package com.pagingetl.launch;

import java.io.PrintStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;

import tools.jackson.databind.json.JsonMapper;

import com.pagingetl.state.RunLock;

/**
 * {@code --status [--json]}: the recent executions of every job (or one), newest first, as a table for people
 * or as one JSON array for machines (fields in {@link ExecutionStatus} and the README). Times are shown in UTC:
 * Spring Batch stores them as local times of the JVM that wrote them, which is taken to share this JVM's zone.
 */
final class StatusReport {

    private static final int INSTANCES_PER_JOB = 20;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ssX").withZone(ZoneOffset.UTC);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JobRepository repository;
    private final RunLock runLock;
    private final Collection<String> jobNames;
    private final PrintStream out;

    StatusReport(JobRepository repository, RunLock runLock, Collection<String> jobNames, PrintStream out) {
        this.repository = repository;
        this.runLock = runLock;
        this.jobNames = jobNames;
        this.out = out;
    }

    int print(String onlyJob, boolean json) {
        List<ExecutionStatus> rows = rows(onlyJob);
        if (json) {
            out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(rows));
        } else {
            table(rows);
        }
        return ExitCodes.COMPLETED;
    }

    List<ExecutionStatus> rows(String onlyJob) {
        if (onlyJob != null && !jobNames.contains(onlyJob)) {
            throw new UsageException("unknown job '" + onlyJob + "'; jobs are " + jobNames);
        }
        List<JobExecution> executions = new ArrayList<>();
        for (String job : jobNames) {
            if (onlyJob != null && !onlyJob.equals(job)) {
                continue;
            }
            for (JobInstance instance : repository.getJobInstances(job, 0, INSTANCES_PER_JOB)) {
                executions.addAll(repository.getJobExecutions(instance));
            }
        }
        executions.sort(Comparator.comparing(JobExecution::getId).reversed());
        return executions.stream().map(e -> ExecutionStatus.of(e, utc(e.getStartTime()), utc(e.getEndTime()), runLock))
                .toList();
    }

    private void table(List<ExecutionStatus> rows) {
        out.printf("%-6s %-18s %-5s %-10s %-9s %10s %10s  %-20s  %-20s  %s%n", "EXEC", "JOB", "RUN", "STATUS", "EXIT",
                "READ", "WRITTEN", "START (UTC)", "END (UTC)", "SCOPE");
        for (ExecutionStatus r : rows) {
            out.printf("%-6d %-18s %-5s %-10s %-9s %10d %10d  %-20s  %-20s  %s%n", r.executionId(), r.job(),
                    r.run() == null ? "" : r.run(), r.status(), r.exitCode(), r.records().read(), r.records().written(),
                    r.start() == null ? "" : TIME.format(r.start()), r.end() == null ? "" : TIME.format(r.end()),
                    r.scope() == null ? "" : r.scope());
        }
        if (rows.isEmpty()) {
            out.println("(no executions yet)");
        }
        if (rows.stream().anyMatch(r -> r.status().equals(ExecutionStatus.DEAD))) {
            out.println("DEAD: marked running, but no live process holds its run lock; the next command for its job"
                    + " and scope recovers and resumes it");
        }
    }

    private static Instant utc(LocalDateTime time) {
        return time == null ? null : time.atZone(ZoneId.systemDefault()).toInstant().truncatedTo(ChronoUnit.MILLIS);
    }
}
