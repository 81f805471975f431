package com.pagingetl.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import com.pagingetl.progress.ProgressMonitor;

/** A server whose paging runs away: the reader stops with one message instead of reading for ever. */
class PagingItemReaderRunawayTests {

    /** Pages by name; each page's next token is given, so any cycle can be served. */
    private static final class Scripted implements PaginationStrategy<String> {
        final Map<String, String> next;
        final long total;
        final List<String> fetched = new ArrayList<>();
        /** When true, tokens are "<position>#<n>", a hint that differs at every fetch of the same position. */
        final boolean hinted;

        Scripted(Map<String, String> next, long total, boolean hinted) {
            this.next = next;
            this.total = total;
            this.hinted = hinted;
        }

        @Override
        public PageToken firstPage() {
            return PageToken.of(hinted ? "A#0" : "A");
        }

        @Override
        public Page<String> fetch(PageToken token) {
            String at = position(token);
            fetched.add(at);
            String following = next.get(at);
            PageToken nextToken = following == null ? null : PageToken.of(hinted ? following + "#" + fetched.size() : following);
            List<String> items = List.of(at + "1", at + "2", at + "3");
            return new Page<>(items, nextToken, total < 0 ? OptionalLong.empty() : OptionalLong.of(total), null, items::get);
        }

        @Override
        public String position(PageToken token) {
            return hinted ? token.value().substring(0, token.value().indexOf('#')) : token.value();
        }

        @Override
        public String describe(PageToken token) {
            return "page " + position(token);
        }
    }

    private static PagingItemReader<String> reader(PaginationStrategy<String> strategy) {
        PagingItemReader<String> reader = new PagingItemReader<>("reader", "test partition XX", strategy, ProgressMonitor.SILENT, 3);
        reader.open(new ExecutionContext());
        return reader;
    }

    private static List<String> readUntilFailure(PagingItemReader<String> reader, List<String> into) {
        for (PagedItem<String> item = reader.read(); item != null; item = reader.read()) {
            into.add(item.value());
        }
        return into;
    }

    @Test
    void aTokenThatLeadsBackToAnEarlierPageEndsTheReadNamingBothPages() {
        // given A -> B -> A
        Scripted api = new Scripted(Map.of("A", "B", "B", "A"), -1, false);
        PagingItemReader<String> reader = reader(api);
        List<String> read = new ArrayList<>();

        // when / then
        assertThatThrownBy(() -> readUntilFailure(reader, read))
                .isInstanceOf(PageFetchException.class)
                .hasMessage("the next page token of test partition XX (page A) repeats page 1's: the API's paging"
                        + " cycles; stopping rather than looping at page 2 (page B), before writing its records, after 3 records");
        assertThat(read).as("the page that leads back is not handed out").containsExactly("A1", "A2", "A3");
        assertThat(api.fetched).as("the repeated page is not fetched again").containsExactly("A", "B");
    }

    @Test
    void aCycleFurtherOnIsFoundByThePositionNotByTheHintsInTheToken() {
        // given A -> B -> C -> D -> B, with tokens that carry a different hint at every fetch
        Scripted api = new Scripted(Map.of("A", "B", "B", "C", "C", "D", "D", "B"), -1, true);
        PagingItemReader<String> reader = reader(api);

        assertThatThrownBy(() -> readUntilFailure(reader, new ArrayList<>()))
                .isInstanceOf(PageFetchException.class)
                .hasMessageContaining("(page B) repeats page 2's")
                .hasMessageContaining("at page 4 (page D)");
        assertThat(api.fetched).containsExactly("A", "B", "C", "D");
    }

    @Test
    void aResumedPassDetectsACycleWithinTheNewProcess() {
        // given a pass committed on page B of A -> B -> C -> B
        Scripted api = new Scripted(Map.of("A", "B", "B", "C", "C", "B"), -1, false);
        PagingItemReader<String> first = reader(api);
        for (int i = 0; i < 4; i++) {
            first.read();
        }
        ExecutionContext ctx = new ExecutionContext();
        first.update(ctx);
        first.close();

        // when the pass resumes in a new reader
        PagingItemReader<String> resumed = new PagingItemReader<>("reader", "test partition XX", api, ProgressMonitor.SILENT, 3);
        resumed.open(ctx);
        List<String> read = new ArrayList<>();

        // then it reads B's rest, then stops at C, whose next token leads back to B
        assertThatThrownBy(() -> readUntilFailure(resumed, read)).hasMessageContaining("(page B) repeats page");
        assertThat(read).containsExactly("B2", "B3");
    }

    @Test
    void aLongChainOfDistinctPagesIsNotACycle() {
        Map<String, String> next = new java.util.HashMap<>();
        next.put("A", "p1");
        for (int i = 1; i < 5000; i++) {
            next.put("p" + i, "p" + (i + 1));
        }

        List<String> read = readUntilFailure(reader(new Scripted(next, -1, false)), new ArrayList<>());

        assertThat(read).hasSize(3 * 5001).doesNotHaveDuplicates();
    }

    @Test
    void recordsFarBeyondTheAnnouncedTotalEndTheRead() {
        // given tokens that never repeat, and a total of 3
        Map<String, String> next = new java.util.HashMap<>();
        next.put("A", "p1");
        for (int i = 1; i < 2000; i++) {
            next.put("p" + i, "p" + (i + 1));
        }
        PagingItemReader<String> reader = reader(new Scripted(next, 3, false));
        List<String> read = new ArrayList<>();

        assertThatThrownBy(() -> readUntilFailure(reader, read))
                .isInstanceOf(PageFetchException.class)
                .hasMessageContaining("test partition XX")
                .hasMessageContaining("far beyond the 3 the API announced")
                .hasMessageContaining("page 336 ");
        assertThat(read).hasSize(2 * 3 + (int) PagingItemReader.TOTAL_SLACK - 1);
    }

    @Test
    void aStartOverBeginsAnEmptyHistory() {
        // given A -> B -> end, where B's first fetch says the position expired
        Scripted inner = new Scripted(Map.of("A", "B"), -1, false);
        PaginationStrategy<String> expiringOnce = new PaginationStrategy<>() {
            boolean expired;

            @Override
            public PageToken firstPage() {
                return inner.firstPage();
            }

            @Override
            public Page<String> fetch(PageToken token) {
                if (token.value().equals("B") && !expired) {
                    expired = true;
                    throw new RestartFromFirstPageException("link expired");
                }
                return inner.fetch(token);
            }
        };

        List<String> read = readUntilFailure(reader(expiringOnce), new ArrayList<>());

        assertThat(read).containsExactly("A1", "A2", "A3", "A1", "A2", "A3", "B1", "B2", "B3");
    }
}
