package com.pagingetl.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import com.pagingetl.progress.ProgressMonitor;

/**
 * {@link RecordBatchReader}: batches of the chunk size across page boundaries, a commit after each batch that
 * saves exactly what a chunk of single records would, and a start-over that drops the older pass's records.
 */
class RecordBatchReaderTests {

    private static PagingItemReader<String> records(PaginationStrategy<String> api) {
        return new PagingItemReader<>("reader", "test", api, ProgressMonitor.SILENT, 1);
    }

    @Test
    void batchesHoldTheChunkSizeAcrossPagesAndTheLastHoldsTheRest() throws Exception {
        RecordBatchReader<String> reader = new RecordBatchReader<>(records(InMemoryPagination.keyset(10, 4)), 3);
        reader.open(new ExecutionContext());

        List<List<String>> batches = new ArrayList<>();
        PagedItem<List<String>> batch;
        while ((batch = reader.read()) != null) {
            batches.add(batch.value());
        }

        assertThat(batches).containsExactly(List.of("r0", "r1", "r2"), List.of("r3", "r4", "r5"),
                List.of("r6", "r7", "r8"), List.of("r9"));
    }

    @Test
    void eachBatchCommitsThePositionThatAChunkOfSingleRecordsWouldCommit() throws Exception {
        for (PaginationStrategy<String> api : List.of(InMemoryPagination.keyset(10, 4), InMemoryPagination.offsets(10, 4))) {
            // given one reader handing out batches of 3 and one handing out single records, 3 per commit
            RecordBatchReader<String> batches = new RecordBatchReader<>(records(api), 3);
            PagingItemReader<String> singles = records(api);
            ExecutionContext batchContext = new ExecutionContext();
            ExecutionContext singleContext = new ExecutionContext();
            batches.open(batchContext);
            singles.open(singleContext);

            // when each commits after 3, 6 and 9 records
            for (int commit = 0; commit < 3; commit++) {
                batches.read();
                for (int i = 0; i < 3; i++) {
                    singles.read();
                }
                batches.update(batchContext);
                singles.update(singleContext);

                // then both saved the same position
                assertThat(batchContext.toMap()).as("commit %d", commit + 1).isEqualTo(singleContext.toMap());
            }

            // and a reader reopened there hands out the rest once
            RecordBatchReader<String> resumed = new RecordBatchReader<>(records(api), 3);
            resumed.open(batchContext);
            assertThat(resumed.read().value()).containsExactly("r9");
            assertThat(resumed.read()).isNull();
        }
    }

    @Test
    void aStartOverInsideABatchDropsTheOlderPassAndTheBatchGoesOnWithTheNewOne() throws Exception {
        // given a query that must start over when its third page is asked for, once
        PaginationStrategy<String> pages = InMemoryPagination.offsets(10, 4);
        boolean[] expired = {false};
        PaginationStrategy<String> api = new PaginationStrategy<>() {
            @Override
            public PageToken firstPage() {
                return pages.firstPage();
            }

            @Override
            public Page<String> fetch(PageToken token) {
                if (token.value().equals("o:8") && !expired[0]) {
                    expired[0] = true;
                    throw new RestartFromFirstPageException("the next link expired");
                }
                return pages.fetch(token);
            }
        };
        RecordBatchReader<String> reader = new RecordBatchReader<>(records(api), 12);
        reader.open(new ExecutionContext());

        // when a batch larger than the whole query is read
        PagedItem<List<String>> batch = reader.read();

        // then it holds the new pass alone, under its generation
        assertThat(batch.generation()).isEqualTo(1);
        assertThat(batch.value()).containsExactlyElementsOf(PagingItemReaderContract.records(10));
        assertThat(reader.read()).isNull();
    }

    @Test
    void aBatchHoldsAtLeastOneRecord() {
        assertThatThrownBy(() -> new RecordBatchReader<>(records(InMemoryPagination.keyset(1, 1)), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
