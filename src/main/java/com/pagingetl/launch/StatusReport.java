package com.pagingetl.launch;

import java.io.PrintStream;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * {@code --status}: the recent executions of every job (or one), newest first, with status, counts and
 * times. Counts come from top-level steps only, since a partition manager already sums its workers.
 */
final class StatusReport {

    private static final int INSTANCES_PER_JOB = 20;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final JobRepository repository;
    private final Collection<String> jobNames;
    private final PrintStream out;

    StatusReport(JobRepository repository, Collection<String> jobNames, PrintStream out) {
        this.repository = repository;
        this.jobNames = jobNames;
        this.out = out;
    }

    int print(String onlyJob) {
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
        out.printf("%-6s %-18s %-5s %-10s %-9s %10s %10s  %-19s  %-19s  %s%n", "EXEC", "JOB", "RUN", "STATUS", "EXIT",
                "READ", "WRITTEN", "START", "END", "SCOPE");
        for (JobExecution e : executions) {
            long read = 0;
            long written = 0;
            for (StepExecution s : e.getStepExecutions()) {
                if (!s.getStepName().contains(":")) {
                    read += s.getReadCount();
                    written += s.getWriteCount();
                }
            }
            out.printf("%-6d %-18s %-5s %-10s %-9s %10d %10d  %-19s  %-19s  %s%n", e.getId(),
                    e.getJobInstance().getJobName(), param(e, RunIdentity.RUN), e.getStatus(),
                    e.getExitStatus().getExitCode(), read, written,
                    e.getStartTime() == null ? "" : TIME.format(e.getStartTime()),
                    e.getEndTime() == null ? "" : TIME.format(e.getEndTime()), param(e, RunIdentity.SCOPE));
        }
        if (executions.isEmpty()) {
            out.println("(no executions yet)");
        }
        return ExitCodes.COMPLETED;
    }

    private static String param(JobExecution e, String name) {
        String value = JobParameterValues.string(e.getJobParameters(), name);
        return value == null ? "" : value;
    }
}
