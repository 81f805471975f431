package com.pagingetl.progress;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.scope.context.StepContext;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;

import com.pagingetl.logging.RunMdc;

/**
 * Logs one progress line per running reader at a fixed interval (10 s by default), even while a
 * reader is blocked in a retry wait: records, pages, rate, and percent and ETA when the API gave a
 * total. Readers register a {@link Tracker} when they open and close it when they close; its last line
 * says how its step ended ({@code done}, {@code failed}, {@code stopped}). A partitioned step opens an
 * {@link Overall} that adds one line for all its partitions against the total its plan expects.
 * Every line carries the run's MDC tags of the thread that registered it.
 *
 * <p>Thread-safe: trackers are updated by reader threads and read by the monitor's own daemon thread.
 */
public final class ProgressMonitor implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger("progress");

    /** A monitor that tracks but never logs, for tests and tools. */
    public static final ProgressMonitor SILENT = new ProgressMonitor();

    private final Set<Tracker> trackers = ConcurrentHashMap.newKeySet();
    private final Set<Overall> overalls = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService scheduler;

    private ProgressMonitor() {
        this.scheduler = null;
    }

    public ProgressMonitor(Duration interval) {
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "progress");
            t.setDaemon(true);
            return t;
        });
        long millis = interval.toMillis();
        scheduler.scheduleAtFixedRate(this::logAll, millis, millis, TimeUnit.MILLISECONDS);
    }

    public Tracker register(String name) {
        Tracker tracker = new Tracker(name);
        trackers.add(tracker);
        return tracker;
    }

    /**
     * Opens a line for every tracker whose name starts with {@code prefix}, closed or not.
     *
     * @param total   the records the plan expects (0 when unknown: no percent)
     * @param earlier records of partitions that completed in earlier executions of the run (they open no tracker)
     */
    public Overall overall(String name, String prefix, long total, long earlier) {
        Overall overall = new Overall(name, prefix, total, earlier);
        overalls.add(overall);
        return overall;
    }

    void logAll() {
        for (Tracker t : trackers) {
            RunMdc.with(t.tags, () -> log.info(t.line()));
        }
        for (Overall o : overalls) {
            RunMdc.with(o.tags, () -> log.info(o.line()));
        }
    }

    @Override
    public void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    /**
     * How the step running on this thread ended, for a last line: the step's status is final when it closes its
     * readers. Without a step (tests, tools) a reader's close says {@code closed}.
     */
    static String outcome() {
        StepContext context = StepSynchronizationManager.getContext();
        BatchStatus status = context == null ? null : context.getStepExecution().getStatus();
        return word(status);
    }

    static String word(BatchStatus status) {
        if (status == null) {
            return "closed";
        }
        return switch (status) {
            case COMPLETED -> "done";
            case STOPPED, STOPPING -> "stopped";
            case FAILED, ABANDONED, UNKNOWN -> "failed";
            default -> "closed";
        };
    }

    private static String counts(String name, long records, long pages, double rate, long total) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%s: %,d records", name, records));
        if (pages >= 0) {
            sb.append(String.format(Locale.ROOT, ", %,d pages", pages));
        }
        sb.append(String.format(Locale.ROOT, ", %,.0f rec/s", rate));
        if (total > 0) {
            sb.append(String.format(Locale.ROOT, ", %.1f%% of %,d", Math.min(100.0, 100.0 * records / total), total));
            if (rate > 0 && records < total) {
                long eta = (long) ((total - records) / rate);
                sb.append(String.format(Locale.ROOT, ", ETA %d:%02d:%02d", eta / 3600, eta / 60 % 60, eta % 60));
            }
        }
        return sb.toString();
    }

    private static double rate(long records, long recordsAtStart, long startNanos) {
        double seconds = Math.max(1e-3, (System.nanoTime() - startNanos) / 1e9);
        return (records - recordsAtStart) / seconds;
    }

    /** Counters of one reader. */
    public final class Tracker implements AutoCloseable {
        private final String name;
        private final Map<String, String> tags = MDC.getCopyOfContextMap();
        private final AtomicLong records = new AtomicLong();
        private final AtomicLong pages = new AtomicLong();
        private volatile long total = -1;
        private volatile long startNanos = System.nanoTime();
        private volatile long recordsAtStart;

        Tracker(String name) {
            this.name = name;
        }

        public void record() {
            records.incrementAndGet();
        }

        public void page() {
            pages.incrementAndGet();
        }

        /** Restores counts saved before a restart; the rate is measured from now on. */
        public void resume(long recordsSoFar, long pagesSoFar) {
            records.set(recordsSoFar);
            pages.set(pagesSoFar);
            recordsAtStart = recordsSoFar;
            startNanos = System.nanoTime();
        }

        public void total(long total) {
            this.total = total;
        }

        public long records() {
            return records.get();
        }

        String line() {
            long r = records.get();
            return counts(name, r, pages.get(), rate(r, recordsAtStart, startNanos), total);
        }

        /** Its last line says how its step ended: {@code done}, {@code failed} or {@code stopped}. */
        @Override
        public void close() {
            trackers.remove(this);
            for (Overall o : overalls) {
                o.closed(this);
            }
            if (scheduler != null) {
                log.info(line().replaceFirst(":", ": " + outcome() + ","));
            }
        }
    }

    /** The records of all partitions of a step, against the total its plan expects. */
    public final class Overall implements AutoCloseable {
        private final String name;
        private final String prefix;
        private final long total;
        private final Map<String, String> tags = MDC.getCopyOfContextMap();
        private final AtomicLong finished;
        private final long recordsAtStart;
        private final long startNanos = System.nanoTime();

        Overall(String name, String prefix, long total, long earlier) {
            this.name = name;
            this.prefix = prefix;
            this.total = total;
            this.finished = new AtomicLong(earlier);
            this.recordsAtStart = earlier;
        }

        void closed(Tracker tracker) {
            if (tracker.name.startsWith(prefix)) {
                finished.addAndGet(tracker.records());
            }
        }

        public long records() {
            long sum = finished.get();
            for (Tracker t : trackers) {
                if (t.name.startsWith(prefix)) {
                    sum += t.records();
                }
            }
            return sum;
        }

        String line() {
            long r = records();
            return counts(name, r, -1, rate(r, recordsAtStart, startNanos), total);
        }

        /** Logs the last line with the word for {@code status} (null: the word of the step on this thread). */
        public void close(BatchStatus status) {
            if (overalls.remove(this) && scheduler != null) {
                log.info(line().replaceFirst(":", ": " + (status == null ? outcome() : word(status)) + ","));
            }
        }

        @Override
        public void close() {
            close(null);
        }
    }
}
