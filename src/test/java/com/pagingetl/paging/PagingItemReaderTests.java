package com.pagingetl.paging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Runs the {@link PagingItemReaderContract} over offset pages (restart re-fetches the page and skips the
 * records written, by identity)
 * and keyset pages (restart resumes right after the last record), plus what only one style can show:
 * exact fetch counts and pages that changed between two runs.
 */
class PagingItemReaderTests {

    @Nested
    class OffsetPages extends PagingItemReaderContract {

        @Override
        PaginationStrategy<String> strategy(int records, int pageSize) {
            return InMemoryPagination.offsets(records, pageSize);
        }

        @ParameterizedTest(name = "{0} records, pages of {1}, restart after {2}: {3} fetches")
        @CsvSource({"10, 4, 0, 3", "10, 4, 3, 3", "10, 4, 4, 2", "10, 4, 5, 2", "10, 4, 8, 1", "10, 4, 10, 1",
                "8, 4, 8, 1", "8, 4, 4, 1"})
        void restartRefetchesOnlyThePageInProgressAndTheRest(int n, int pageSize, int k, int expectedFetches) {
            ExecutionContext ctx = committedAfter(strategy(n, pageSize), k);
            Counting api = new Counting(strategy(n, pageSize));
            PagingItemReader<String> resumed = reader(api, 3);
            resumed.open(ctx);

            assertThat(values(readToEnd(resumed))).containsExactlyElementsOf(records(n).subList(k, n));
            assertThat(api.fetches).isEqualTo(expectedFetches);
        }

        @Test
        void pageThatShrankSinceTheCommitCountsAsFullyWritten() {
            InMemoryPagination api = InMemoryPagination.offsets(10, 4);
            ExecutionContext ctx = committedAfter(api, 6);
            api.removeRecords(5, 10);

            PagingItemReader<String> resumed = reader(api, 3);
            resumed.open(ctx);

            assertThat(resumed.read()).as("r4 was written before the restart; r5.. are gone").isNull();
        }

        @Test
        void aWrittenRecordDeletedBeforeTheResumeShiftsNothingOut() {
            // given r4 and r5 of the page r4..r7 written and committed
            InMemoryPagination api = InMemoryPagination.offsets(10, 4);
            ExecutionContext ctx = committedAfter(api, 6);
            assertThat(ctx.getString("reader.written")).isEqualTo("r4\nr5");
            // when r4 is deleted: the page at the same position now starts with r5 and ends with r8
            api.removeRecords(4, 5);
            PagingItemReader<String> resumed = reader(api, 3);
            resumed.open(ctx);

            // then r6 is not skipped (a count of two would have skipped r5 and r6)
            assertThat(values(readToEnd(resumed))).containsExactly("r6", "r7", "r8", "r9");
        }

        @Test
        void aRecordInsertedBeforeTheResumeIsRead() {
            InMemoryPagination api = InMemoryPagination.offsets(10, 4);
            ExecutionContext ctx = committedAfter(api, 6);
            api.insertBefore(5, 100);
            PagingItemReader<String> resumed = reader(api, 3);
            resumed.open(ctx);

            assertThat(values(readToEnd(resumed))).containsExactly("r100", "r6", "r7", "r8", "r9");
        }

        @Test
        void aResumedPageCommittedAgainKeepsTheIdentitiesWrittenBeforeTheResume() {
            InMemoryPagination api = InMemoryPagination.offsets(10, 4);
            ExecutionContext ctx = committedAfter(api, 5);
            PagingItemReader<String> resumed = reader(api, 3);
            resumed.open(ctx);
            resumed.read();
            resumed.update(ctx);
            resumed.close();
            api.removeRecords(4, 5);

            PagingItemReader<String> again = reader(api, 3);
            again.open(ctx);

            assertThat(ctx.getString("reader.written")).isEqualTo("r4\nr5");
            assertThat(values(readToEnd(again))).containsExactly("r6", "r7", "r8", "r9");
        }
    }

    @Nested
    class KeysetPages extends PagingItemReaderContract {

        @Override
        PaginationStrategy<String> strategy(int records, int pageSize) {
            return InMemoryPagination.keyset(records, pageSize);
        }

        @ParameterizedTest(name = "{0} records, pages of {1}, restart after {2}: {3} fetches")
        @CsvSource({"10, 4, 0, 3", "10, 4, 3, 2", "10, 4, 4, 2", "10, 4, 5, 2", "10, 4, 9, 1", "10, 4, 10, 1",
                "8, 4, 8, 1"})
        void restartResumesRightAfterTheLastRecord(int n, int pageSize, int k, int expectedFetches) {
            ExecutionContext ctx = committedAfter(strategy(n, pageSize), k);
            Counting api = new Counting(strategy(n, pageSize));
            PagingItemReader<String> resumed = reader(api, 3);
            resumed.open(ctx);

            assertThat(values(readToEnd(resumed))).containsExactlyElementsOf(records(n).subList(k, n));
            assertThat(api.fetches).isEqualTo(expectedFetches);
        }

        @Test
        void savesTheResumeTokenAndNoIdentities() {
            ExecutionContext ctx = committedAfter(strategy(10, 4), 6);

            assertThat(ctx.getString("reader.token")).isEqualTo("k:5");
            assertThat(ctx.getString("reader.written")).isEmpty();
        }

        @Test
        void recordsRemovedBeforeThePositionDoNotShiftTheResume() {
            InMemoryPagination api = InMemoryPagination.keyset(10, 4);
            ExecutionContext ctx = committedAfter(api, 6);
            api.removeRecords(0, 5);

            PagingItemReader<String> resumed = reader(api, 3);
            resumed.open(ctx);

            assertThat(values(readToEnd(resumed))).containsExactly("r6", "r7", "r8", "r9");
        }
    }

    /** The context a step commits after its reader handed out {@code k} records. */
    static ExecutionContext committedAfter(PaginationStrategy<String> strategy, int k) {
        PagingItemReader<String> reader = PagingItemReaderContract.reader(strategy, 3);
        ExecutionContext ctx = new ExecutionContext();
        reader.open(ctx);
        for (int i = 0; i < k; i++) {
            reader.read();
        }
        reader.update(ctx);
        reader.close();
        return ctx;
    }
}
