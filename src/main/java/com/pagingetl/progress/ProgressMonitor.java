package com.pagingetl.progress;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs one progress line per running reader at a fixed interval (10 s by default), even while a
 * reader is blocked in a retry wait: records, pages, rate, and percent and ETA when the API gave a
 * total. Readers register a {@link Tracker} when they open and close it when they close.
 *
 * <p>Thread-safe: trackers are updated by reader threads and read by the monitor's own daemon thread.
 */
public final class ProgressMonitor implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger("progress");

    /** A monitor that tracks but never logs, for tests and tools. */
    public static final ProgressMonitor SILENT = new ProgressMonitor();

    private final Set<Tracker> trackers = ConcurrentHashMap.newKeySet();
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

    void logAll() {
        for (Tracker t : trackers) {
            log.info(t.line());
        }
    }

    @Override
    public void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    /** Counters of one reader. */
    public final class Tracker implements AutoCloseable {
        private final String name;
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
            double seconds = Math.max(1e-3, (System.nanoTime() - startNanos) / 1e9);
            double rate = (r - recordsAtStart) / seconds;
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%s: %,d records, %,d pages, %,.0f rec/s",
                    name, r, pages.get(), rate));
            long t = total;
            if (t > 0) {
                sb.append(String.format(Locale.ROOT, ", %.1f%% of %,d", Math.min(100.0, 100.0 * r / t), t));
                if (rate > 0 && r < t) {
                    long eta = (long) ((t - r) / rate);
                    sb.append(String.format(Locale.ROOT, ", ETA %d:%02d:%02d", eta / 3600, eta / 60 % 60, eta % 60));
                }
            }
            return sb.toString();
        }

        @Override
        public void close() {
            trackers.remove(this);
            if (scheduler != null) {
                log.info(line().replaceFirst(":", ": done,"));
            }
        }
    }
}
