package com.pagingetl.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import com.pagingetl.progress.ProgressMonitor;

/**
 * The restart contract every {@link PaginationStrategy} must keep under {@link PagingItemReader}
 * (design.md §5.2): read all, empty input, restart mid-page and at page boundaries, reopen after
 * completion, one page fetch per restart, start-over generations and failure messages. A subclass
 * supplies a strategy over records {@code r0..r<n-1>} served {@code pageSize} at a time.
 */
abstract class PagingItemReaderContract {

    static final String NAME = "reader";
    static final String DESCRIPTION = "testJob partition US-cat-1";

    /** A strategy over exactly the records {@code r0..r<records-1>}, in that order, {@code pageSize} per page. */
    abstract PaginationStrategy<String> strategy(int records, int pageSize);

    static List<String> records(int n) {
        return IntStream.range(0, n).mapToObj(i -> "r" + i).toList();
    }

    static PagingItemReader<String> reader(PaginationStrategy<String> strategy, int maxRestarts) {
        return new PagingItemReader<>(NAME, DESCRIPTION, strategy, ProgressMonitor.SILENT, maxRestarts);
    }

    static List<PagedItem<String>> readToEnd(PagingItemReader<String> reader) {
        List<PagedItem<String>> items = new ArrayList<>();
        PagedItem<String> item;
        while ((item = reader.read()) != null) {
            items.add(item);
        }
        return items;
    }

    static List<String> values(List<PagedItem<String>> items) {
        return items.stream().map(PagedItem::value).toList();
    }

    @Test
    void readsAllRecordsInOrderAcrossPages() {
        Counting api = new Counting(strategy(10, 4));
        PagingItemReader<String> reader = reader(api, 3);
        reader.open(new ExecutionContext());

        List<PagedItem<String>> items = readToEnd(reader);

        assertThat(values(items)).containsExactlyElementsOf(records(10));
        assertThat(items).allMatch(i -> i.generation() == 0);
        assertThat(reader.recordsRead()).isEqualTo(10);
        assertThat(reader.read()).as("read after the end").isNull();
        reader.close();
    }

    @Test
    void emptyInputReadsNothing() {
        PagingItemReader<String> reader = reader(strategy(0, 4), 3);
        reader.open(new ExecutionContext());

        assertThat(reader.read()).isNull();

        ExecutionContext ctx = new ExecutionContext();
        reader.update(ctx);
        reader.close();
        PagingItemReader<String> again = reader(strategy(0, 4), 3);
        again.open(ctx);
        assertThat(again.read()).isNull();
    }

    @ParameterizedTest(name = "{0} records, pages of {1}, restart after {2}")
    @CsvSource({
            "10, 4, 0", "10, 4, 1", "10, 4, 3", "10, 4, 4", "10, 4, 5", "10, 4, 7", "10, 4, 8", "10, 4, 9", "10, 4, 10",
            "8, 4, 4", "8, 4, 7", "8, 4, 8", "1, 1, 1", "5, 1, 2", "3, 10, 2"})
    void restartContinuesExactlyAfterTheLastCommittedRecord(int n, int pageSize, int k) {
        Counting first = new Counting(strategy(n, pageSize));
        PagingItemReader<String> reader = reader(first, 3);
        ExecutionContext ctx = new ExecutionContext();
        reader.open(ctx);
        List<PagedItem<String>> before = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            before.add(reader.read());
        }
        reader.update(ctx);
        reader.close();

        Counting second = new Counting(strategy(n, pageSize));
        PagingItemReader<String> resumed = reader(second, 3);
        resumed.open(new ExecutionContext(ctx));
        assertThat(second.fetches).as("open itself fetches nothing").isZero();
        PagedItem<String> next = resumed.read();
        assertThat(second.fetches).as("the first read after a restart costs exactly one page fetch").isEqualTo(1);
        List<PagedItem<String>> after = new ArrayList<>();
        if (next != null) {
            after.add(next);
            after.addAll(readToEnd(resumed));
        }

        List<String> all = new ArrayList<>(values(before));
        all.addAll(values(after));
        assertThat(all).as("nothing lost, nothing duplicated").containsExactlyElementsOf(records(n));
        int unread = n - k;
        assertThat(second.fetches).as("no replay of finished pages")
                .isLessThanOrEqualTo(Math.max(1, (unread + pageSize - 1) / pageSize + 1));
        assertThat(resumed.recordsRead()).isEqualTo(n);
        resumed.close();
    }

    @Test
    void savesItsPositionUnderNamePrefixedKeys() {
        PagingItemReader<String> reader = reader(strategy(10, 4), 3);
        ExecutionContext ctx = new ExecutionContext();
        reader.open(ctx);
        reader.read();
        reader.read();

        reader.update(ctx);

        assertThat(ctx.containsKey("reader.token")).isTrue();
        assertThat(ctx.containsKey("reader.written")).isTrue();
        assertThat(ctx.getInt("reader.generation")).isZero();
        assertThat(ctx.getLong("reader.records")).isEqualTo(2);
        assertThat(ctx.containsKey("reader.pages")).isTrue();
    }

    @Test
    void severalRestartsInARowLoseAndRepeatNothing() {
        ExecutionContext ctx = new ExecutionContext();
        List<String> all = new ArrayList<>();
        for (int chunk : new int[] {3, 1, 4, 0, 2}) {
            PagingItemReader<String> reader = reader(strategy(10, 4), 3);
            reader.open(ctx);
            for (int i = 0; i < chunk; i++) {
                all.add(reader.read().value());
            }
            reader.update(ctx);
            reader.close();
        }
        PagingItemReader<String> last = reader(strategy(10, 4), 3);
        last.open(ctx);
        all.addAll(values(readToEnd(last)));

        assertThat(all).containsExactlyElementsOf(records(10));
    }

    @Test
    void reopenAfterCompletionReadsNothingMoreAndCostsOneFetch() {
        PagingItemReader<String> reader = reader(strategy(10, 4), 3);
        ExecutionContext ctx = new ExecutionContext();
        reader.open(ctx);
        readToEnd(reader);
        reader.update(ctx);
        reader.close();

        Counting again = new Counting(strategy(10, 4));
        PagingItemReader<String> reopened = reader(again, 3);
        reopened.open(ctx);

        assertThat(reopened.read()).isNull();
        assertThat(again.fetches).isEqualTo(1);
        assertThat(reopened.recordsRead()).isEqualTo(10);
    }

    @Test
    void startOverFromTheFirstPageIncrementsTheGeneration() {
        Counting api = new Counting(strategy(10, 4))
                .failOn(3, () -> new RestartFromFirstPageException("link expired"));
        PagingItemReader<String> reader = reader(api, 3);
        ExecutionContext ctx = new ExecutionContext();
        reader.open(ctx);

        List<PagedItem<String>> items = readToEnd(reader);

        List<PagedItem<String>> expected = new ArrayList<>();
        records(8).forEach(r -> expected.add(new PagedItem<>(r, 0)));
        records(10).forEach(r -> expected.add(new PagedItem<>(r, 1)));
        assertThat(items).containsExactlyElementsOf(expected);
        assertThat(reader.recordsRead()).as("counts restart with the pass").isEqualTo(10);
        reader.update(ctx);
        assertThat(ctx.getInt("reader.generation")).isEqualTo(1);
        assertThat(ctx.getLong("reader.records")).isEqualTo(10);
    }

    @Test
    void generationSurvivesARestartOfTheStep() {
        Counting api = new Counting(strategy(10, 4))
                .failOn(2, () -> new RestartFromFirstPageException("link expired"));
        PagingItemReader<String> reader = reader(api, 3);
        ExecutionContext ctx = new ExecutionContext();
        reader.open(ctx);
        for (int i = 0; i < 4 + 5; i++) {
            reader.read();
        }
        reader.update(ctx);
        reader.close();

        PagingItemReader<String> resumed = reader(strategy(10, 4), 3);
        resumed.open(ctx);
        List<PagedItem<String>> rest = readToEnd(resumed);

        assertThat(rest).containsExactly(new PagedItem<>("r5", 1), new PagedItem<>("r6", 1), new PagedItem<>("r7", 1),
                new PagedItem<>("r8", 1), new PagedItem<>("r9", 1));
    }

    @Test
    void positionGoneOnReopenStartsOverWithTheNextGeneration() {
        PagingItemReader<String> reader = reader(strategy(10, 4), 3);
        ExecutionContext ctx = new ExecutionContext();
        reader.open(ctx);
        for (int i = 0; i < 5; i++) {
            reader.read();
        }
        reader.update(ctx);
        reader.close();

        Counting expired = new Counting(strategy(10, 4))
                .failOn(1, () -> new RestartFromFirstPageException("410 link.expired"));
        PagingItemReader<String> resumed = reader(expired, 3);
        resumed.open(ctx);
        List<PagedItem<String>> items = readToEnd(resumed);

        assertThat(values(items)).containsExactlyElementsOf(records(10));
        assertThat(items).allMatch(i -> i.generation() == 1);
    }

    @Test
    void tooManyStartsOverFailWithAMessageNamingTheReader() {
        Counting api = new Counting(strategy(10, 4));
        for (int f = 2; f <= 20; f++) {
            api.failOn(f, () -> new RestartFromFirstPageException("link expired"));
        }
        PagingItemReader<String> reader = reader(api, 2);
        reader.open(new ExecutionContext());

        assertThatThrownBy(() -> readToEnd(reader))
                .isInstanceOf(PageFetchException.class)
                .hasMessageContaining(DESCRIPTION)
                .hasMessageContaining("2 times")
                .hasMessageContaining("link expired");
        assertThat(api.fetches).as("first page, then one attempt per generation 0..2").isEqualTo(4);
    }

    @Test
    void theStartOverLimitCountsThisProcessOnlySoResumesThatEachStartOverStillFinish() {
        // given a reader allowed one start-over per process, and five processes that each meet an expired position
        ExecutionContext ctx = new ExecutionContext();
        List<String> lastPass = new ArrayList<>();
        for (int process = 1; process <= 5; process++) {
            Counting api = new Counting(strategy(10, 4)).failOn(1, () -> new RestartFromFirstPageException("link expired"));
            PagingItemReader<String> reader = reader(api, 1);
            reader.open(ctx);
            lastPass.clear();
            for (int i = 0; i < 3; i++) {
                lastPass.add(reader.read().value());
            }
            reader.update(ctx);
            reader.close();
        }

        // when the sixth process finds its position valid
        PagingItemReader<String> last = reader(strategy(10, 4), 1);
        last.open(ctx);
        List<PagedItem<String>> rest = readToEnd(last);

        // then every start-over was allowed, and the last pass is complete
        assertThat(ctx.getInt("reader.generation")).isEqualTo(5);
        lastPass.addAll(values(rest));
        assertThat(lastPass).containsExactlyElementsOf(records(10));
        assertThat(rest).allMatch(i -> i.generation() == 5);
    }

    @Test
    void fetchFailureNamesThePageAndTheReaderAndKeepsThePosition() {
        Counting api = new Counting(strategy(10, 4))
                .failOn(2, () -> new IllegalStateException("HTTP 503 service_unavailable after 5 attempts"));
        PagingItemReader<String> reader = reader(api, 3);
        ExecutionContext ctx = new ExecutionContext();
        reader.open(ctx);
        List<String> written = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            written.add(reader.read().value());
        }

        assertThatThrownBy(reader::read)
                .isInstanceOf(PageFetchException.class)
                .hasMessageContaining("page 2")
                .hasMessageContaining(DESCRIPTION)
                .hasMessageContaining("503 service_unavailable")
                .hasCauseInstanceOf(IllegalStateException.class);

        reader.update(ctx);
        reader.close();
        PagingItemReader<String> resumed = reader(strategy(10, 4), 3);
        resumed.open(ctx);
        written.addAll(values(readToEnd(resumed)));
        assertThat(written).containsExactlyElementsOf(records(10));
    }

    /** Counts fetches and makes chosen fetches (1-based) fail; otherwise delegates. */
    static final class Counting implements PaginationStrategy<String> {
        final PaginationStrategy<String> delegate;
        final Map<Integer, Supplier<RuntimeException>> failures = new HashMap<>();
        int fetches;

        Counting(PaginationStrategy<String> delegate) {
            this.delegate = delegate;
        }

        Counting failOn(int fetch, Supplier<RuntimeException> failure) {
            failures.put(fetch, failure);
            return this;
        }

        @Override
        public PageToken firstPage() {
            return delegate.firstPage();
        }

        @Override
        public Page<String> fetch(PageToken token) {
            fetches++;
            Supplier<RuntimeException> failure = failures.get(fetches);
            if (failure != null) {
                throw failure.get();
            }
            return delegate.fetch(token);
        }

        @Override
        public String describe(PageToken token) {
            return delegate.describe(token);
        }
    }
}
