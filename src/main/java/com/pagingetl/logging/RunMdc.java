package com.pagingetl.logging;

import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import org.slf4j.MDC;

/**
 * Tags every log line of a run with its job, scope and execution id (the MDC keys {@value #JOB},
 * {@value #SCOPE} and {@value #EXECUTION}), so that one run can be found in a log file that every run and
 * process shares. The launcher opens the tags for the scope it locks; the run start listener adds the
 * execution id once the repository has one. MDC values live in a thread: work handed to another thread
 * (partitions, read-ahead, probes) goes through {@link #decorate} to carry them along.
 */
public final class RunMdc {

    public static final String JOB = "job";
    public static final String SCOPE = "scope";
    public static final String EXECUTION = "executionId";

    private RunMdc() {
    }

    /** Tags this thread's lines with {@code job} and {@code scope} until the returned handle is closed. */
    public static Tags open(String job, String scope) {
        MDC.put(JOB, job);
        MDC.put(SCOPE, scope);
        return () -> {
            MDC.remove(JOB);
            MDC.remove(SCOPE);
            MDC.remove(EXECUTION);
        };
    }

    public static void execution(long executionId) {
        MDC.put(EXECUTION, Long.toString(executionId));
    }

    /** {@code task} to run on another thread with the tags of the thread that calls this. */
    public static Runnable decorate(Runnable task) {
        Map<String, String> tags = MDC.getCopyOfContextMap();
        return () -> with(tags, task);
    }

    public static <T> Supplier<T> decorate(Supplier<T> task) {
        Map<String, String> tags = MDC.getCopyOfContextMap();
        return () -> {
            Map<String, String> previous = MDC.getCopyOfContextMap();
            set(tags);
            try {
                return task.get();
            } finally {
                set(previous);
            }
        };
    }

    /** An executor whose tasks carry the tags of the thread that submits them. */
    public static Executor propagating(Executor executor) {
        return task -> executor.execute(decorate(task));
    }

    /** Runs {@code action} with {@code tags} (a copy taken earlier, may be null), then restores this thread's own. */
    public static void with(Map<String, String> tags, Runnable action) {
        Map<String, String> previous = MDC.getCopyOfContextMap();
        set(tags);
        try {
            action.run();
        } finally {
            set(previous);
        }
    }

    private static void set(Map<String, String> tags) {
        if (tags == null) {
            MDC.clear();
        } else {
            MDC.setContextMap(tags);
        }
    }

    /** Removes the tags a run opened. */
    public interface Tags extends AutoCloseable {
        @Override
        void close();
    }
}
