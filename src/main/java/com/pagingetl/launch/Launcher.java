package com.pagingetl.launch;

import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.dao.IncorrectResultSizeDataAccessException;
import org.springframework.dao.OptimisticLockingFailureException;

import com.pagingetl.logging.RunMdc;
import com.pagingetl.output.PublishTasklet;
import com.pagingetl.output.RunLayout;
import com.pagingetl.output.UnusableOutputException;
import com.pagingetl.state.RunLock;

/**
 * Carries out one command against the job repository and returns its exit code: starts the next run,
 * restarts a failed or stopped one, recovers a run whose process died, or stops, abandons and lists
 * executions. Holds the scope's run lock for as long as a run executes.
 */
public class Launcher {

    private static final Logger log = LoggerFactory.getLogger(Launcher.class);
    /** Workers may update a dead run's partitions while it is recovered; each attempt leaves fewer running. */
    private static final int RECOVER_ATTEMPTS = 10;

    private final Map<String, EtlJob> jobs;
    private final Collection<String> allJobs;
    private final JobRepository repository;
    private final JobOperator operator;
    private final RunLock runLock;
    private final PrintStream out;
    private final PrintStream err;

    /**
     * @param jobs    the jobs whose configuration this context holds: the one the command needs, or none
     * @param allJobs the names of every job of the jar, for --status and for messages
     */
    public Launcher(List<EtlJob> jobs, Collection<String> allJobs, JobRepository repository, JobOperator operator,
                    RunLock runLock, PrintStream out, PrintStream err) {
        this.jobs = new LinkedHashMap<>();
        jobs.forEach(j -> this.jobs.put(j.descriptor().name(), j));
        this.allJobs = List.copyOf(allJobs);
        this.repository = repository;
        this.operator = operator;
        this.runLock = runLock;
        this.out = out;
        this.err = err;
    }

    public int execute(CommandLine command) {
        return switch (command.verb()) {
            case RUN -> run(command);
            case STATUS -> new StatusReport(repository, runLock, allJobs, out).print(command.job(), command.json());
            case RESTART -> restart(command.executionId());
            case STOP -> stop(command.executionId());
            case ABANDON -> abandon(command.executionId());
            default -> throw new UsageException("unsupported command " + command.verb());
        };
    }

    /** The name of the job an execution belongs to: which configuration a --restart or --abandon needs. */
    public String jobOf(long executionId) {
        return existing(executionId).getJobInstance().getJobName();
    }

    private EtlJob job(String name) {
        EtlJob job = jobs.get(name);
        if (job == null) {
            if (allJobs.contains(name)) {
                throw new IllegalStateException("the configuration of job " + name + " is not loaded for this command");
            }
            throw new UsageException("unknown job '" + name + "'; jobs are " + allJobs);
        }
        return job;
    }

    private int run(CommandLine command) {
        EtlJob job = job(command.job());
        Map<String, String> parameters = job.descriptor().withDefaults(command.parameters());
        job.validate(parameters);
        String scope = RunIdentity.scopeKey(job.descriptor(), parameters, command.simulate());
        String name = job.descriptor().name();
        return underLock(job, scope, () -> {
            long latest = RunIdentity.latestRun(repository, name, scope);
            JobExecution last = latest == 0 ? null
                    : repository.getLastJobExecution(RunIdentity.instance(repository, name, scope, latest));
            if (last != null && last.getStatus().isRunning()) {
                last = recoverDead(last);
            }
            if (last != null && (last.getStatus() == BatchStatus.FAILED || last.getStatus() == BatchStatus.STOPPED)) {
                warnIgnoredChanges(last, parameters);
                out.printf("%s [%s]: resuming run %d (execution %d, %s) from its last commit%n", name, scope, latest,
                        last.getId(), last.getStatus());
                return report(job, operator.restart(last));
            }
            if (last != null && last.getStatus() == BatchStatus.UNKNOWN) {
                throw new UsageException(name + " run " + latest + " (execution " + last.getId()
                        + ") is in state UNKNOWN and cannot resume; abandon it with --abandon=" + last.getId());
            }
            JobParametersBuilder builder = new JobParametersBuilder(RunIdentity.identifying(scope, latest + 1));
            parameters.forEach((k, v) -> builder.addString(k, v, false));
            builder.addString("label", labelFor(job, parameters, command.simulate()), false);
            out.printf("%s [%s]: starting run %d%n", name, scope, latest + 1);
            return report(job, operator.start(job.job(), builder.toJobParameters()));
        });
    }

    private static String labelFor(EtlJob job, Map<String, String> parameters, boolean simulate) {
        String label = job.label(parameters).replaceAll("[^A-Za-z0-9._-]", "_");
        return simulate ? (label.isEmpty() ? "sim" : label + "-sim") : label;
    }

    private int restart(long executionId) {
        return withExecution(executionId, (job, scope, current) -> {
            if (scope.startsWith(RunIdentity.SIMULATED)) {
                throw new UsageException("execution " + executionId + " ran against an embedded simulator (--simulate),"
                        + " which ended with its process; resume it with the command that started it: --job="
                        + job.descriptor().name() + " --simulate ...");
            }
            // The same start-up checks as a run: without them a missing base URL or credential surfaces as an
            // exception of the first request.
            job.validate(job.descriptor().values(current.getJobParameters()).asMap());
            if (current.getStatus() != BatchStatus.FAILED && current.getStatus() != BatchStatus.STOPPED) {
                throw new UsageException("execution " + executionId + " is " + current.getStatus()
                        + "; only FAILED or STOPPED executions can be restarted");
            }
            out.printf("%s [%s]: restarting execution %d%n", job.descriptor().name(), scope, executionId);
            return report(job, operator.restart(current));
        });
    }

    private int stop(long executionId) {
        JobExecution execution = existing(executionId);
        if (!execution.getStatus().isRunning()) {
            throw new UsageException("execution " + executionId + " is " + execution.getStatus() + ", not running");
        }
        try {
            operator.stop(execution);
        } catch (Exception e) {
            throw new UsageException("stopping execution " + executionId + " failed: " + e.getMessage());
        }
        out.printf("stop requested for execution %d; it stops after its current chunk and exits with code %d%n",
                executionId, ExitCodes.STOPPED);
        return ExitCodes.COMPLETED;
    }

    private int abandon(long executionId) {
        return withExecution(executionId, (job, scope, current) -> {
            try {
                operator.abandon(current);
            } catch (Exception e) {
                throw new UsageException("abandoning execution " + executionId + " failed: " + e.getMessage());
            }
            out.printf("execution %d abandoned; %s; the next --job=%s starts a new run%n", executionId,
                    removeWork(job, current), job.descriptor().name());
            return ExitCodes.COMPLETED;
        });
    }

    /** An abandoned run never publishes: its parts only take space, and a fresh run writes its own. */
    private static String removeWork(EtlJob job, JobExecution execution) throws java.io.IOException {
        if (!execution.getExecutionContext().containsKey(RunLayout.BASE_NAME_KEY)) {
            return "it had no work directory";
        }
        String baseName = execution.getExecutionContext().getString(RunLayout.BASE_NAME_KEY);
        int files = job.layout().removeWork(baseName);
        return "removed its work directory " + job.layout().workDir(baseName) + " (" + files + " file" + (files == 1 ? "" : "s") + ")";
    }

    private interface ExecutionAction {
        int run(EtlJob job, String scope, JobExecution current) throws Exception;
    }

    /**
     * Runs {@code action} on an existing execution while holding its scope's run lock, after recovering it
     * if it is still marked running (holding the lock proves its process is gone).
     */
    private int withExecution(long executionId, ExecutionAction action) {
        JobExecution execution = existing(executionId);
        EtlJob job = job(execution.getJobInstance().getJobName());
        String scope = JobParameterValues.string(execution.getJobParameters(), RunIdentity.SCOPE);
        return underLock(job, scope, () -> {
            JobExecution current = repository.getJobExecution(executionId);
            if (current.getStatus().isRunning()) {
                current = recoverDead(current);
            }
            return action.run(job, scope, current);
        });
    }

    /** We hold the scope's lock, so an execution still marked running has lost its process. */
    private JobExecution recoverDead(JobExecution execution) {
        log.warn("execution {} is marked {} but its process is gone; marking it FAILED so that it can resume",
                execution.getId(), execution.getStatus());
        out.printf("execution %d was left %s by a process that died; recovering it%n", execution.getId(),
                execution.getStatus());
        for (int attempt = 1; ; attempt++) {
            try {
                return operator.recover(execution);
            } catch (OptimisticLockingFailureException e) {
                // A worker of remote partitioning may start one of the run's partitions meanwhile (a request the
                // dead process had sent): read the execution again and fail what is still marked running.
                if (attempt == RECOVER_ATTEMPTS) {
                    throw e;
                }
                execution = repository.getJobExecution(execution.getId());
            }
        }
    }

    private JobExecution existing(long executionId) {
        JobExecution execution;
        try {
            execution = repository.getJobExecution(executionId);
        } catch (IncorrectResultSizeDataAccessException e) {
            // The JDBC repository reports an unknown id this way rather than with null.
            execution = null;
        }
        if (execution == null) {
            throw new UsageException("no execution " + executionId + " (see --status)");
        }
        return execution;
    }

    private interface LockedAction {
        int run() throws Exception;
    }

    /** Runs {@code action} holding the scope's run lock, every line it logs tagged with the job and scope. */
    private int underLock(EtlJob job, String scope, LockedAction action) {
        try (RunMdc.Tags tags = RunMdc.open(job.descriptor().name(), scope)) {
            return locked(job, scope, action);
        }
    }

    private int locked(EtlJob job, String scope, LockedAction action) {
        String name = job.descriptor().name();
        RunLock.Attempt attempt = runLock.tryAcquire(name, scope);
        if (!attempt.acquired()) {
            err.printf("%s [%s] is already running (%s); exit %d%n", name, scope, attempt.heldBy(), ExitCodes.ALREADY_RUNNING);
            return ExitCodes.ALREADY_RUNNING;
        }
        try (RunLock.Lease lease = attempt.lease()) {
            return action.run();
        } catch (UsageException e) {
            throw e;
        } catch (Exception e) {
            err.println(new Redactor(job.secrets()).clean(name + " [" + scope + "] could not run: " + FailureReport.describe(e)));
            return ExitCodes.FAILED;
        }
    }

    private int report(EtlJob job, JobExecution execution) {
        String name = job.descriptor().name();
        Redactor redactor = new Redactor(job.secrets());
        Duration took = duration(execution.getStartTime(), execution.getEndTime());
        switch (execution.getStatus()) {
            case COMPLETED -> {
                out.printf("%s completed in %s (execution %d). Published:%n", name, format(took), execution.getId());
                String published = execution.getExecutionContext().containsKey(PublishTasklet.PUBLISHED_KEY)
                        ? execution.getExecutionContext().getString(PublishTasklet.PUBLISHED_KEY) : "(nothing)";
                published.lines().forEach(line -> out.println("  " + line));
                return ExitCodes.COMPLETED;
            }
            case STOPPED -> {
                err.printf("%s stopped (execution %d); run the same command to resume%n", name, execution.getId());
                return ExitCodes.STOPPED;
            }
            default -> {
                UnusableOutputException unusable = FailureReport.unusableOutput(execution);
                if (unusable != null) {
                    err.println(redactor.clean(name + " failed (execution " + execution.getId() + ") at "
                            + FailureReport.cause(execution) + " -- running the same command again cannot help: "
                            + (unusable.abandonRun() ? "abandon this run with --abandon=" + execution.getId()
                            + ", then run the command again for a fresh run" : "fix that, then run the same command")));
                    return ExitCodes.USAGE;
                }
                if (FailureReport.nothingSelected(execution) != null) {
                    err.println(redactor.clean(name + " failed (execution " + execution.getId() + ") at "
                            + FailureReport.cause(execution) + " -- running the same command again cannot help:"
                            + " change the parameters"));
                    return ExitCodes.USAGE;
                }
                err.println(redactor.clean(name + " failed (execution " + execution.getId() + ") at "
                        + FailureReport.cause(execution) + " -- run the same command again to resume"));
                return ExitCodes.FAILED;
            }
        }
    }

    private void warnIgnoredChanges(JobExecution last, Map<String, String> parameters) {
        for (Map.Entry<String, String> e : parameters.entrySet()) {
            String previous = JobParameterValues.string(last.getJobParameters(), e.getKey());
            if (previous != null && !Objects.equals(previous, e.getValue())) {
                out.printf("note: %s=%s is ignored while run resumes with %s=%s; it applies from the next run%n",
                        e.getKey(), e.getValue(), e.getKey(), previous);
            }
        }
    }


    static Duration duration(LocalDateTime start, LocalDateTime end) {
        if (start == null) {
            return Duration.ZERO;
        }
        return Duration.between(start, end == null ? LocalDateTime.now() : end);
    }

    static String format(Duration d) {
        long s = d.toSeconds();
        return String.format("%d:%02d:%02d.%01d", s / 3600, s / 60 % 60, s % 60, d.toMillisPart() / 100);
    }
}
