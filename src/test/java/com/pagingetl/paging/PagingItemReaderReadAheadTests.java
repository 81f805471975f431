package com.pagingetl.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import com.pagingetl.progress.ProgressMonitor;

/**
 * {@link PagingItemReader} with {@link ReadAhead}: the next page is requested before the reader reaches it, and
 * everything else behaves as if it had been fetched then: order, failures, start-overs and restart positions.
 */
class PagingItemReaderReadAheadTests {

    private final ReadAhead readAhead = ReadAhead.enabled();

    @AfterEach
    void close() {
        readAhead.close();
    }

    private PagingItemReader<String> reader(PaginationStrategy<String> strategy) {
        return new PagingItemReader<>("reader", "test partition", strategy, ProgressMonitor.SILENT, 1, readAhead);
    }

    private static List<String> readAll(PagingItemReader<String> reader) {
        List<String> out = new ArrayList<>();
        PagedItem<String> item;
        while ((item = reader.read()) != null) {
            out.add(item.value());
        }
        return out;
    }

    @Test
    void theNextPageIsRequestedWhileTheCurrentOneIsStillBeingRead() throws Exception {
        // given pages of four, and a latch that opens when the second page is requested
        Scripted api = new Scripted(InMemoryPagination.offsets(10, 4));
        PagingItemReader<String> reader = reader(api);
        reader.open(new ExecutionContext());

        // when only the first record has been read
        assertThat(reader.read().value()).isEqualTo("r0");

        // then the second page is on its way, and every record still comes once, in order
        assertThat(api.secondPageRequested.await(60, TimeUnit.SECONDS)).as("page 2 requested ahead").isTrue();
        List<String> rest = readAll(reader);
        assertThat(rest).containsExactly("r1", "r2", "r3", "r4", "r5", "r6", "r7", "r8", "r9");
        assertThat(api.fetches).as("each page once").isEqualTo(3);
        reader.close();
    }

    @Test
    void aFailureOfThePageFetchedAheadSurfacesWhenTheReaderReachesItAndTheCommitKeepsThePageBefore() {
        Scripted api = new Scripted(InMemoryPagination.offsets(10, 4))
                .failOn("o:4", () -> new IllegalStateException("HTTP 503 service_unavailable after 6 attempts"));
        PagingItemReader<String> reader = reader(api);
        ExecutionContext ctx = new ExecutionContext();
        reader.open(ctx);
        List<String> written = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            written.add(reader.read().value());
        }
        reader.update(ctx);
        assertThat(ctx.getString("reader.token")).as("the page after the one read, not yet fetched").isEqualTo("o:4");

        assertThatThrownBy(reader::read)
                .isInstanceOf(PageFetchException.class)
                .hasMessageContaining("page 2")
                .hasMessageContaining("503 service_unavailable");
        reader.close();

        PagingItemReader<String> resumed = reader(new Scripted(InMemoryPagination.offsets(10, 4)));
        resumed.open(ctx);
        written.addAll(readAll(resumed));
        assertThat(written).containsExactlyElementsOf(PagingItemReaderContract.records(10));
    }

    @Test
    void aStartOverThrownByThePageFetchedAheadStartsTheQueryOver() {
        Scripted api = new Scripted(InMemoryPagination.offsets(10, 4))
                .failOnceOn("o:8", () -> new RestartFromFirstPageException("the next link expired"));
        PagingItemReader<String> reader = reader(api);
        reader.open(new ExecutionContext());
        List<PagedItem<String>> items = new ArrayList<>();
        PagedItem<String> item;
        while ((item = reader.read()) != null) {
            items.add(item);
        }

        assertThat(items.stream().filter(i -> i.generation() == 1).map(PagedItem::value))
                .containsExactlyElementsOf(PagingItemReaderContract.records(10));
        assertThat(items.stream().filter(i -> i.generation() == 0)).hasSize(8);
        reader.close();
    }

    @Test
    void aRestartInTheMiddleOfAPageResumesThereWhateverWasFetchedAhead() {
        PagingItemReader<String> reader = reader(new Scripted(InMemoryPagination.offsets(10, 4)));
        ExecutionContext ctx = new ExecutionContext();
        reader.open(ctx);
        for (int i = 0; i < 6; i++) {
            reader.read();
        }
        reader.update(ctx);
        reader.close();

        PagingItemReader<String> resumed = reader(new Scripted(InMemoryPagination.offsets(10, 4)));
        resumed.open(ctx);

        assertThat(readAll(resumed)).containsExactly("r6", "r7", "r8", "r9");
    }

    @Test
    void severalPagesAheadAreRequestedInOrderWhileTheFirstIsStillBeingRead() throws Exception {
        // given pages of four, read three pages ahead, and a latch that opens when the fourth page is requested
        Scripted api = new Scripted(InMemoryPagination.offsets(30, 4)).latchOn("o:12");
        PagingItemReader<String> reader = new PagingItemReader<>("reader", "test", api, ProgressMonitor.SILENT, 1,
                readAhead.pages(3));
        reader.open(new ExecutionContext());

        // when only the first record has been read
        assertThat(reader.read().value()).isEqualTo("r0");

        // then pages 2, 3 and 4 are on their way, and every record still comes once, in order, each page asked once
        assertThat(api.latch.await(60, TimeUnit.SECONDS)).as("page 4 requested ahead").isTrue();
        assertThat(readAll(reader)).containsExactlyElementsOf(PagingItemReaderContract.records(30).subList(1, 30));
        assertThat(api.asked).containsExactly("o:0", "o:4", "o:8", "o:12", "o:16", "o:20", "o:24", "o:28");
        reader.close();
    }

    @Test
    void aFailureOfAPageFetchedSeveralAheadSurfacesAtThatPageAndNothingAfterItIsRequested() {
        Scripted api = new Scripted(InMemoryPagination.offsets(30, 4))
                .failOn("o:8", () -> new IllegalStateException("HTTP 503 service_unavailable after 6 attempts"));
        PagingItemReader<String> reader = new PagingItemReader<>("reader", "test", api, ProgressMonitor.SILENT, 1,
                readAhead.pages(3));
        ExecutionContext ctx = new ExecutionContext();
        reader.open(ctx);
        for (int i = 0; i < 8; i++) {
            assertThat(reader.read().value()).isEqualTo("r" + i);
        }
        reader.update(ctx);

        assertThatThrownBy(reader::read).isInstanceOf(PageFetchException.class).hasMessageContaining("page 3")
                .hasMessageContaining("503 service_unavailable");
        assertThat(ctx.getString("reader.token")).as("the commit keeps the page before").isEqualTo("o:8");
        assertThat(api.asked).as("no page after the failed one").containsExactly("o:0", "o:4", "o:8");
        reader.close();
    }

    /** Delegates to an in-memory API; can fail chosen tokens and tells when the second page is asked for. */
    private static final class Scripted implements PaginationStrategy<String> {
        final PaginationStrategy<String> delegate;
        final Map<String, Supplier<RuntimeException>> failures = new ConcurrentHashMap<>();
        final Map<String, Boolean> once = new ConcurrentHashMap<>();
        final CountDownLatch secondPageRequested = new CountDownLatch(1);
        final CountDownLatch latch = new CountDownLatch(1);
        final List<String> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
        volatile String latchToken = "";
        volatile int fetches;

        Scripted(PaginationStrategy<String> delegate) {
            this.delegate = delegate;
        }

        Scripted failOn(String token, Supplier<RuntimeException> failure) {
            failures.put(token, failure);
            return this;
        }

        Scripted latchOn(String token) {
            latchToken = token;
            return this;
        }

        Scripted failOnceOn(String token, Supplier<RuntimeException> failure) {
            once.put(token, true);
            return failOn(token, failure);
        }

        @Override
        public PageToken firstPage() {
            return delegate.firstPage();
        }

        @Override
        public synchronized Page<String> fetch(PageToken token) {
            fetches++;
            asked.add(token.value());
            if (token.value().equals("o:4")) {
                secondPageRequested.countDown();
            }
            if (token.value().equals(latchToken)) {
                latch.countDown();
            }
            Supplier<RuntimeException> failure = failures.get(token.value());
            if (failure != null) {
                if (once.remove(token.value()) != null) {
                    failures.remove(token.value());
                }
                throw failure.get();
            }
            return delegate.fetch(token);
        }
    }
}
