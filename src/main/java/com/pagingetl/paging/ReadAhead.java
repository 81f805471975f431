package com.pagingetl.paging;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import com.pagingetl.logging.RunMdc;

/**
 * Where readers fetch their next page while the records of the current one are being written: a page of
 * Rapid content takes a network round trip to arrive and about as long again to inflate, cut and deflate,
 * so a reader that waits for one before starting the other spends half its time idle. With read-ahead each
 * reader has at most one request more in flight, so a job of {@code concurrency} partitions sends up to twice
 * that many requests at once (the shared rate limit still applies). {@link #OFF} fetches nothing ahead.
 *
 * <p>Thread-safe; one per application context, closed with it.
 */
public final class ReadAhead implements AutoCloseable {

    /** No read-ahead: every page is fetched when the reader needs it. */
    public static final ReadAhead OFF = new ReadAhead(null);

    private final ExecutorService executor;

    private ReadAhead(ExecutorService executor) {
        this.executor = executor;
    }

    /** Read-ahead on daemon threads, created as readers need them and dropped when idle. */
    public static ReadAhead enabled() {
        AtomicInteger n = new AtomicInteger();
        return new ReadAhead(Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "read-ahead-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }));
    }

    public boolean isEnabled() {
        return executor != null;
    }

    <T> CompletableFuture<T> fetch(Supplier<T> fetch) {
        return CompletableFuture.supplyAsync(RunMdc.decorate(fetch), executor);
    }

    @Override
    public void close() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
