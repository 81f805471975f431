package com.pagingetl.batch;

import java.util.List;

import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;
import org.springframework.transaction.PlatformTransactionManager;

import com.pagingetl.paging.PagedItem;

/**
 * The extract step of a job whose reader hands out one batch of records per commit
 * ({@link com.pagingetl.paging.RecordBatchReader}) to a {@link com.pagingetl.output.RecordBatchWriter}: a chunk
 * of one item, so each commit holds one batch. The step's read and write counts (what {@code --status}, the
 * progress sums and the failure line show) are kept in records, not batches.
 */
public final class RecordBatchStep {

    private RecordBatchStep() {
    }

    public static Step of(String name, JobRepository repository, PlatformTransactionManager tm,
                          ItemStreamReader<PagedItem<List<byte[]>>> reader, ItemStreamWriter<PagedItem<List<byte[]>>> writer) {
        return new StepBuilder(name, repository).<PagedItem<List<byte[]>>, PagedItem<List<byte[]>>>chunk(1)
                .transactionManager(tm)
                .reader(reader)
                .writer(writer)
                .listener(new RecordCounts())
                .build();
    }

    /**
     * Adds each batch's records beyond the one item Spring Batch counts to the step's read and write counts,
     * before the step applies its own count and commits them with the chunk.
     */
    private static final class RecordCounts implements ChunkListener<PagedItem<List<byte[]>>, PagedItem<List<byte[]>>> {

        @Override
        public void afterChunk(Chunk<PagedItem<List<byte[]>>> chunk) {
            long records = 0;
            for (PagedItem<List<byte[]>> batch : chunk) {
                records += batch.value().size();
            }
            long beyond = records - chunk.size();
            StepExecution step = StepSynchronizationManager.getContext().getStepExecution();
            step.setReadCount(step.getReadCount() + beyond);
            step.setWriteCount(step.getWriteCount() + beyond);
        }
    }
}
