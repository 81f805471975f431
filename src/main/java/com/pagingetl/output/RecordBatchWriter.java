package com.pagingetl.output;

import java.io.IOException;
import java.util.List;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;

import com.pagingetl.paging.PagedItem;

/**
 * A {@link GzipJsonLinesItemWriter} for steps whose items are batches of records
 * ({@link com.pagingetl.paging.RecordBatchReader}): the same part file, the same member per chunk and the same
 * ExecutionContext keys ({@code <name>.bytes}, {@code .crc}, {@code .records}, {@code .generation}), so a part
 * reads back and resumes exactly as one written record by record. Not thread-safe: one per step execution.
 */
public class RecordBatchWriter implements ItemStreamWriter<PagedItem<List<byte[]>>> {

    private final GzipJsonLinesItemWriter part;

    public RecordBatchWriter(GzipJsonLinesItemWriter part) {
        this.part = part;
    }

    @Override
    public void open(ExecutionContext context) throws ItemStreamException {
        part.open(context);
    }

    @Override
    public void write(Chunk<? extends PagedItem<List<byte[]>>> chunk) throws IOException {
        part.writeBatches(chunk);
    }

    @Override
    public void update(ExecutionContext context) throws ItemStreamException {
        part.update(context);
    }

    @Override
    public void close() throws ItemStreamException {
        part.close();
    }
}
