package com.pagingetl.paging;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

import com.pagingetl.logging.RunMdc;

/**
 * Where readers fetch their next page while the records of the current one are being written: a page of
 * Rapid content takes a network round trip to arrive and about as long again to inflate, cut and deflate,
 * so a reader that waits for one before starting the other spends half its time idle. With read-ahead each
 * reader has at most one request more in flight, so a job of {@code concurrency} partitions sends up to twice
 * that many requests at once (the shared rate limit still applies). {@link #OFF} fetches nothing ahead.
 *
 * <p>A reader that reads one page at a time, where each page costs little to hand over but a commit now and then
 * stops the reader for a disk sync, reads {@link #pages(int) several pages ahead}: the fetches go on, one after
 * the other, while the reader commits. The pages are still fetched one at a time per reader, in order.
 *
 * <p>Thread-safe; one per application context, closed with it.
 */
public final class ReadAhead implements AutoCloseable {

    /** No read-ahead: every page is fetched when the reader needs it. */
    public static final ReadAhead OFF = new ReadAhead(null, 0);

    static final int SERIAL_PAGES = 4;

    private final ExecutorService executor;
    private final int pages;

    private ReadAhead(ExecutorService executor, int pages) {
        this.executor = executor;
        this.pages = pages;
    }

    /** Read-ahead on daemon threads, created as readers need them and dropped when idle. */
    public static ReadAhead enabled() {
        AtomicInteger n = new AtomicInteger();
        return new ReadAhead(Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "read-ahead-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }), 1);
    }

    /**
     * The read-ahead of a job that reads one query at a time (systaxRules, tdgVersions, demarchesDossiers):
     * {@value #SERIAL_PAGES} pages, enough to keep fetching through a commit (a part force and a repository
     * commit, each a disk sync of several milliseconds, while a page takes 2 to 4 ms to fetch here).
     */
    public ReadAhead serial() {
        return pages(SERIAL_PAGES);
    }

    /**
     * The same threads, for readers that keep up to {@code pages} pages fetched or being fetched ahead (each
     * held in memory until it is read); closing either closes both.
     */
    public ReadAhead pages(int pages) {
        if (pages < 1) {
            throw new IllegalArgumentException("read-ahead of " + pages + " pages");
        }
        return executor == null ? OFF : new ReadAhead(executor, pages);
    }

    public boolean isEnabled() {
        return executor != null;
    }

    /** How many pages a reader keeps ahead. */
    int pages() {
        return pages;
    }

    <T> CompletableFuture<T> fetch(Supplier<T> fetch) {
        return CompletableFuture.supplyAsync(RunMdc.decorate(fetch), executor);
    }

    /**
     * Runs {@code next} on the result of {@code previous} once it is there, on these threads, with the caller's
     * log tags; a failed or cancelled {@code previous} fails it without running it.
     */
    <P, T> CompletableFuture<T> then(CompletableFuture<P> previous, Function<P, T> next) {
        Supplier<T> task = RunMdc.decorate(() -> next.apply(previous.join()));
        return previous.thenApplyAsync(done -> task.get(), executor);
    }

    @Override
    public void close() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
