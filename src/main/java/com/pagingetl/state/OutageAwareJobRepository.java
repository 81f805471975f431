package com.pagingetl.state;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Collectors;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Wraps the job repository so that losing the database mid-run ends with one line that says where the run
 * stands. It remembers, per step (a partition is a step), what its last committed update recorded, and turns
 * an "unreachable" failure of any repository call into a {@link RepositoryUnreachableException} naming the
 * repository, the driver's cause and those last commits: that is what the launcher prints (exit 1), and the
 * same command resumes from exactly there once the database is back.
 *
 * <p>A step's update runs inside its chunk's transaction, so it is remembered only after that transaction
 * commits: a chunk whose commit was cut off is not reported as committed. Once the database is found gone,
 * every later call fails at once with the same line. Thread-safe.
 */
public final class OutageAwareJobRepository implements InvocationHandler {

    private final JobRepository target;
    private final String url;
    private final Map<String, Position> lastCommits = new ConcurrentSkipListMap<>();
    private final Set<String> completed = ConcurrentHashMap.newKeySet();
    /** Set by the first call that found the database gone: every later call fails at once with it. */
    private volatile RepositoryUnreachableException lost;

    private OutageAwareJobRepository(JobRepository target, String url) {
        this.target = target;
        this.url = RepositoryOutage.safeUrl(url);
    }

    public static JobRepository wrap(JobRepository target, String url) {
        return (JobRepository) Proxy.newProxyInstance(JobRepository.class.getClassLoader(),
                new Class<?>[] {JobRepository.class}, new OutageAwareJobRepository(target, url));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (lost != null) {
            // The run is failing: the steps and partitions still to come fail at once rather than each waiting
            // for the pool's connection-timeout (a partitioned job has dozens). The next command recovers the run.
            throw new RepositoryUnreachableException(lost.getMessage(), lost);
        }
        Object result;
        try {
            result = method.invoke(target, args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (RepositoryOutage.isUnreachable(cause) && !(cause instanceof RepositoryUnreachableException)) {
                RepositoryUnreachableException failure = new RepositoryUnreachableException("lost the job repository "
                        + url + " (" + RepositoryOutage.cause(cause) + ")" + positions()
                        + "; run the same command again once the database is back", cause);
                lost = failure;
                throw failure;
            }
            throw cause;
        }
        if (method.getName().equals("update") && args != null && args.length == 1 && args[0] instanceof StepExecution step) {
            remember(step);
        }
        return result;
    }

    private void remember(StepExecution step) {
        String name = step.getStepName();
        // Formatted only for the failure line: this runs at every commit of every step.
        Position position = new Position(step.getWriteCount(), step.getCommitCount());
        boolean done = step.getStatus() == BatchStatus.COMPLETED;
        // A step that has not committed a chunk yet (a partition manager never does) starts from the beginning.
        boolean committed = step.getCommitCount() > 0;
        Runnable record = () -> {
            if (done) {
                lastCommits.remove(name);
                completed.add(name);
            } else if (committed) {
                lastCommits.put(name, position);
            }
        };
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    record.run();
                }
            });
        } else {
            record.run();
        }
    }

    private record Position(long written, long commits) {
        @Override
        public String toString() {
            return String.format("%,d records written in %,d commits", written, commits);
        }
    }

    /** The unfinished steps' last commits, and how many steps had completed (their positions no longer matter). */
    private String positions() {
        String done = completed.isEmpty() ? "" : "; " + completed.size() + " step(s) had completed";
        if (lastCommits.isEmpty()) {
            return "; no unfinished step had committed" + done;
        }
        return lastCommits.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", ", "; last commits: ", "")) + done;
    }
}
