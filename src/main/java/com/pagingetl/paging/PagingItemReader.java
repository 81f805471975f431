package com.pagingetl.paging;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import com.pagingetl.metrics.EtlMeters;
import com.pagingetl.progress.ProgressMonitor;

/**
 * Reads every record of a paginated query, one page in memory at a time, and keeps its position so
 * that a restart costs one page fetch, never a replay from page one.
 *
 * <h2>Restart contract</h2>
 * At every commit the position after the last record handed out is saved as:
 * <ul>
 *   <li>{@code <name>.token}: the token of the page being read, or, for keyset pages that offer
 *   {@link Page#resumeAfter}, the token that continues right after the last record handed out;</li>
 *   <li>{@code <name>.written}: for pages that offer {@link Page#keys}, the identities of that page's
 *   records already handed out, one per line (absent with a resume token or at a page boundary);</li>
 *   <li>{@code <name>.generation}: how many times the query restarted from its first page;</li>
 *   <li>{@code <name>.records}, {@code <name>.pages}: counts for progress and messages.</li>
 * </ul>
 * On open, a saved position is fetched again and the records whose identity was written are skipped,
 * whatever moved in the page meanwhile: a record deleted before the restart shifts nothing, a record
 * inserted is read. A strategy must offer one of the two (a count into a page that may have changed
 * would skip or repeat records). A {@link RestartFromFirstPageException} from the strategy, during a run
 * or on reopen, starts the query over with the next generation; items carry it so the writer can drop
 * what the old pass wrote. The limit on start-overs counts those of this process only: it stops a loop
 * (pages expiring faster than they are read), while a resume that has to start over is always allowed.
 *
 * <h2>Runaway paging</h2>
 * A server whose links or cursors cycle (A, B, A) would keep a pass going for ever. The reader remembers the
 * {@link PaginationStrategy#position} of every page fetched in the current pass (in memory, as 64-bit hashes;
 * a start-over or a new process begins an empty history) and ends the read when a page's next token asks for a
 * position already read, before that page's records are handed out: a server that answers with a page already
 * read gets nothing written twice, and the last commit still points at that page. It also ends a pass that hands out far more records than the API
 * announced ({@link Page#total}: more than twice the total plus {@value #TOTAL_SLACK}), which catches cycles
 * whose tokens never repeat. Both are {@link PageFetchException}s naming the page and the position.
 *
 * <h2>Read-ahead</h2>
 * With a {@link ReadAhead} that is enabled, the next page is requested as soon as a page arrives, and
 * handed over when the reader reaches it; with {@link ReadAhead#pages(int) several pages} ahead, each page
 * fetched ahead is followed by a request for the one after it, up to that many pages beyond the one being
 * read. Everything else (the position, the history, counts, failures and start-overs) happens when a page is
 * handed over, exactly as if it had been fetched then: a failure of a page fetched ahead surfaces when the
 * reader reaches that page, and the pages after it are not requested. A page fetched ahead is never part of a
 * commit before it is read, so a restart is unaffected; abandoned ones are dropped. The strategy's {@code fetch}
 * then runs on another thread, one call at a time per reader, in page order.
 *
 * <p>Not thread-safe: one instance per step execution (partitions each get their own).
 */
public class PagingItemReader<T> implements ItemStreamReader<PagedItem<T>> {

    private static final Logger log = LoggerFactory.getLogger(PagingItemReader.class);
    /** Records a pass may read beyond twice the announced total before it counts as runaway: data does change as it is read. */
    static final long TOTAL_SLACK = 1000;

    private final String name;
    private final String description;
    private final PaginationStrategy<T> strategy;
    private final ProgressMonitor monitor;
    private final int maxRestarts;

    private PageToken token;
    /** Records of {@link #page} handed out. */
    private int offset;
    /** Identities of the page at {@link #token} written before this process opened it; skipped when it is fetched. */
    private Set<String> writtenBefore = Set.of();
    private int generation;
    private int startOvers;
    private long records;
    private long pages;
    private Page<T> page;
    private final PositionHistory history = new PositionHistory();
    private final ReadAhead readAhead;
    /** The pages being fetched ahead, in page order: the first is the page after {@link #page}. */
    private final Deque<CompletableFuture<Ahead<T>>> ahead = new ArrayDeque<>();
    /** The positions the pages of {@link #ahead} were asked for, from the page before the first. */
    private Set<String> aheadPositions = Set.of();
    private ProgressMonitor.Tracker tracker;

    /**
     * @param name        key prefix in the ExecutionContext, unique within the step
     * @param description who is reading, for messages and progress: "rapidContent partition US-cat-1"
     * @param maxRestarts how many times the query may start over from its first page within one process
     *                    before the step fails
     */
    public PagingItemReader(String name, String description, PaginationStrategy<T> strategy,
                            ProgressMonitor monitor, int maxRestarts) {
        this(name, description, strategy, monitor, maxRestarts, ReadAhead.OFF);
    }

    /** @param readAhead where the next page is fetched while the current one is written; {@link ReadAhead#OFF} for none */
    public PagingItemReader(String name, String description, PaginationStrategy<T> strategy,
                            ProgressMonitor monitor, int maxRestarts, ReadAhead readAhead) {
        this.name = Objects.requireNonNull(name, "name");
        this.description = Objects.requireNonNull(description, "description");
        this.strategy = Objects.requireNonNull(strategy, "strategy");
        this.monitor = Objects.requireNonNull(monitor, "monitor");
        this.maxRestarts = maxRestarts;
        this.readAhead = Objects.requireNonNull(readAhead, "readAhead");
    }

    @Override
    public void open(ExecutionContext context) throws ItemStreamException {
        if (context.containsKey(key("token"))) {
            token = PageToken.of(context.getString(key("token")));
            String written = context.getString(key("written"), "");
            writtenBefore = written.isEmpty() ? Set.of() : new HashSet<>(List.of(written.split("\n")));
            generation = context.getInt(key("generation"), 0);
            records = context.getLong(key("records"), 0);
            pages = context.getLong(key("pages"), 0);
            log.info("{}: resuming at page {} ({}), {} records of it already written", description, pages + 1,
                    strategy.describe(token), writtenBefore.size());
        } else {
            token = strategy.firstPage();
            writtenBefore = Set.of();
            generation = 0;
            records = 0;
            pages = 0;
        }
        offset = 0;
        startOvers = 0;
        page = null;
        dropAhead();
        history.clear();
        tracker = monitor.register(description);
        tracker.resume(records, pages);
    }

    @Override
    public PagedItem<T> read() {
        while (true) {
            if (page == null) {
                page = fetch();
                if (page == null) {
                    continue;
                }
                if (!writtenBefore.isEmpty()) {
                    page = withoutWritten(page);
                }
            }
            if (offset < page.items().size()) {
                T item = page.items().get(offset++);
                records++;
                tracker.record();
                return new PagedItem<>(item, generation);
            }
            if (page.isLast()) {
                return null;
            }
            token = page.next();
            offset = 0;
            writtenBefore = Set.of();
            page = null;
        }
    }

    /** The re-fetched page at a saved position, less the records written before the restart. */
    private Page<T> withoutWritten(Page<T> fetched) {
        if (fetched.keys() == null) {
            throw new PageFetchException(description + ": the saved position " + strategy.describe(token)
                    + " lists records already written, but the page gives no record identities to skip them by", null);
        }
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < fetched.items().size(); i++) {
            if (!writtenBefore.contains(fetched.keys().apply(i))) {
                kept.add(i);
            }
        }
        List<T> items = kept.stream().map(fetched.items()::get).toList();
        IntFunction<String> keys = i -> fetched.keys().apply(kept.get(i));
        return new Page<>(items, fetched.next(), fetched.total(), null, keys);
    }

    /** Fetches the page at {@code token}; returns null after starting the query over. */
    private Page<T> fetch() {
        String position = strategy.position(token);
        Page<T> fetched;
        try {
            Page<T> fetchedAhead = ahead.isEmpty() ? null : awaitAhead();
            fetched = fetchedAhead != null ? fetchedAhead : strategy.fetch(token);
        } catch (RestartFromFirstPageException e) {
            startOver(e);
            return null;
        } catch (RuntimeException e) {
            throw new PageFetchException("fetch of page " + (pages + 1) + " of " + description + " ("
                    + strategy.describe(token) + ") failed: " + e.getMessage(), e);
        }
        pages++;
        history.add(position, pages);
        if (!fetched.isLast()) {
            // Checked before the page's records are handed out: a server that answers with a page already read
            // (its next token is then one already followed) must not get those records written twice.
            long earlier = history.pageOf(strategy.position(fetched.next()));
            if (earlier > 0) {
                throw new PageFetchException("the next page token of " + description + " (" + strategy.describe(fetched.next())
                        + ") repeats page " + earlier + "'s: the API's paging cycles; stopping rather than looping at page "
                        + pages + " (" + strategy.describe(token) + "), before writing its records, after " + records
                        + " records", null);
            }
        }
        tracker.page();
        EtlMeters.page(fetched.items().size());
        fetched.total().ifPresent(tracker::total);
        if (fetched.total().isPresent() && records + fetched.items().size() > 2 * fetched.total().getAsLong() + TOTAL_SLACK) {
            throw new PageFetchException("page " + pages + " of " + description + " (" + strategy.describe(token)
                    + ") would take this pass to " + (records + fetched.items().size()) + " records, far beyond the "
                    + fetched.total().getAsLong() + " the API announced: its paging runs away (a cycle whose tokens"
                    + " differ, or a wrong total); stopping rather than looping", null);
        }
        fetchAhead(fetched);
        return fetched;
    }

    /** A page fetched ahead, with the token it was fetched for; null past the last page. */
    private record Ahead<T>(PageToken token, Page<T> page) {
    }

    /** Keeps the pages after {@code fetched} (the page just handed over) on their way, as many as the read-ahead keeps. */
    private void fetchAhead(Page<T> fetched) {
        if (!readAhead.isEnabled() || fetched.isLast()) {
            dropAhead();
            return;
        }
        if (ahead.isEmpty()) {
            PageToken next = fetched.next();
            aheadPositions = ConcurrentHashMap.newKeySet();
            aheadPositions.add(strategy.position(token));
            aheadPositions.add(strategy.position(next));
            ahead.add(readAhead.fetch(() -> new Ahead<>(next, strategy.fetch(next))));
        }
        Set<String> positions = aheadPositions;
        while (ahead.size() < readAhead.pages()) {
            ahead.add(readAhead.then(ahead.peekLast(), previous -> {
                // A position this chain already asked for means the paging cycles: the reader stops at the page
                // that leads back there, so nothing after it is requested.
                if (previous == null || previous.page().isLast() || !positions.add(strategy.position(previous.page().next()))) {
                    return null;
                }
                return new Ahead<>(previous.page().next(), strategy.fetch(previous.page().next()));
            }));
        }
    }

    /**
     * The page fetched ahead for {@link #token}, or the exception its fetch threw, as a fetch in this thread would
     * give them; null (and nothing ahead any more) when what was fetched ahead is not that page.
     */
    private Page<T> awaitAhead() {
        CompletableFuture<Ahead<T>> pending = ahead.poll();
        Ahead<T> fetched;
        try {
            fetched = pending.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
        if (fetched == null || !fetched.token().equals(token)) {
            dropAhead();
            return null;
        }
        return fetched.page();
    }

    /** Forgets the pages fetched ahead that will not be read (a start-over, a reopen, a close, the last page). */
    private void dropAhead() {
        for (CompletableFuture<Ahead<T>> pending : ahead) {
            pending.cancel(false);
        }
        ahead.clear();
    }

    private void startOver(RestartFromFirstPageException cause) {
        if (startOvers >= maxRestarts) {
            throw new PageFetchException(description + " had to start over from its first page " + startOvers
                    + " times in this run, the limit; last cause: " + cause.getMessage()
                    + ". Pages expire faster than they are read: lower the load or raise the link lifetime", cause);
        }
        log.warn("{}: {}; starting over from the first page and dropping the {} records written by this pass",
                description, cause.getMessage(), records);
        generation++;
        startOvers++;
        dropAhead();
        history.clear();
        token = strategy.firstPage();
        offset = 0;
        writtenBefore = Set.of();
        records = 0;
        pages = 0;
        tracker.resume(0, 0);
    }

    @Override
    public void update(ExecutionContext context) throws ItemStreamException {
        PageToken savedToken = token;
        Set<String> written = writtenBefore;
        if (page != null && offset >= page.items().size() && !page.isLast()) {
            savedToken = page.next();
            written = Set.of();
        } else if (page != null && offset > 0 && page.resumeAfter() != null) {
            savedToken = page.resumeAfter().apply(offset - 1);
            written = Set.of();
        } else if (page != null && offset > 0) {
            if (page.keys() == null) {
                throw new ItemStreamException(description + ": a commit falls inside the page at "
                        + strategy.describe(token) + ", which offers neither resume tokens nor record identities");
            }
            written = new LinkedHashSet<>(writtenBefore);
            for (int i = 0; i < offset; i++) {
                written.add(page.keys().apply(i));
            }
        }
        context.putString(key("token"), savedToken.value());
        context.putString(key("written"), String.join("\n", written));
        context.putInt(key("generation"), generation);
        context.putLong(key("records"), records);
        // Pages before the saved position, so that a reopen that fetches it again counts it once.
        context.putLong(key("pages"), page != null && savedToken == token ? pages - 1 : pages);
    }

    @Override
    public void close() throws ItemStreamException {
        dropAhead();
        if (tracker != null) {
            tracker.close();
            tracker = null;
        }
        page = null;
    }

    /** Records handed out by the current generation, for manifests and tests. */
    public long recordsRead() {
        return records;
    }

    private String key(String suffix) {
        return name + "." + suffix;
    }
}
