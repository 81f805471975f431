package com.pagingetl.paging;

import java.util.ArrayList;
import java.util.List;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Hands out the records of a record reader ({@link PagingItemReader} or one wrapping it) as batches of up to
 * {@code size} records, so that a step of chunk size 1 commits every {@code size} records. Spring Batch's work
 * per item (a step-scoped proxy call, an observation, a JFR event and listener calls for the read and again for
 * the process) is then paid once per commit instead of once per record: a third of the chunk loop's time for
 * records of a few hundred bytes.
 *
 * <h2>Restart contract</h2>
 * The delegate keeps its own keys and position; {@link #update} is the delegate's, called after each batch,
 * so every commit saves the position right after the last record of the batch written, as a chunk of
 * {@code size} single records would. A batch holds records of one generation: when the delegate starts its
 * query over, the older pass's records gathered so far are dropped (the writer would drop them from a chunk
 * too) and the batch goes on with the new pass.
 *
 * <p>Not thread-safe: one instance per step execution. Spring Batch's read and write counts are in batches;
 * {@link com.pagingetl.batch.RecordBatchStep} puts them back in records.
 */
public class RecordBatchReader<T> implements ItemStreamReader<PagedItem<List<T>>> {

    private final ItemStreamReader<PagedItem<T>> delegate;
    private final int size;

    /** @param size records per batch (the step's commit interval in records), at least 1 */
    public RecordBatchReader(ItemStreamReader<PagedItem<T>> delegate, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a batch holds at least one record, not " + size);
        }
        this.delegate = delegate;
        this.size = size;
    }

    @Override
    public void open(ExecutionContext context) throws ItemStreamException {
        delegate.open(context);
    }

    @Override
    public PagedItem<List<T>> read() throws Exception {
        List<T> batch = new ArrayList<>(Math.min(size, 4096));
        int generation = -1;
        while (batch.size() < size) {
            PagedItem<T> item = delegate.read();
            if (item == null) {
                break;
            }
            if (item.generation() != generation) {
                batch.clear();
                generation = item.generation();
            }
            batch.add(item.value());
        }
        return batch.isEmpty() ? null : new PagedItem<>(batch, generation);
    }

    @Override
    public void update(ExecutionContext context) throws ItemStreamException {
        delegate.update(context);
    }

    @Override
    public void close() throws ItemStreamException {
        delegate.close();
    }
}
