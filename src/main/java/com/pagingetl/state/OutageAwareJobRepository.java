package com.pagingetl.state;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Collectors;

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
 * commits: a chunk whose commit was cut off is not reported as committed. Thread-safe.
 */
public final class OutageAwareJobRepository implements InvocationHandler {

    private final JobRepository target;
    private final String url;
    private final Map<String, String> lastCommits = new ConcurrentSkipListMap<>();

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
        Object result;
        try {
            result = method.invoke(target, args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (RepositoryOutage.isUnreachable(cause) && !(cause instanceof RepositoryUnreachableException)) {
                throw new RepositoryUnreachableException("lost the job repository " + url + " ("
                        + RepositoryOutage.cause(cause) + ")" + positions()
                        + "; run the same command again once the database is back", cause);
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
        String position = String.format("%,d records written in %,d commits", step.getWriteCount(), step.getCommitCount());
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    lastCommits.put(name, position);
                }
            });
        } else {
            lastCommits.put(name, position);
        }
    }

    private String positions() {
        if (lastCommits.isEmpty()) {
            return "; no step had committed yet";
        }
        return lastCommits.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", ", "; last commits: ", ""));
    }
}
