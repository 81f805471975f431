package com.pagingetl.jobs.systax;

import org.springframework.batch.infrastructure.item.ExecutionContext;

import com.pagingetl.paging.PagingItemReader;
import com.pagingetl.paging.ReadAhead;
import com.pagingetl.progress.ProgressMonitor;

/**
 * The platform's restartable reader over {@link SystaxRulesPagination}, which also saves and restores the
 * process's {@link ProcessPointer} with each commit, so the first pointer is committed with the first chunk.
 * Not thread-safe: one instance per step execution.
 */
public class SystaxRulesReader extends PagingItemReader<byte[]> {

    private final ProcessPointer pointer;

    SystaxRulesReader(String description, SystaxRulesPagination pagination, ProcessPointer pointer, ProgressMonitor monitor) {
        this(description, pagination, pointer, monitor, ReadAhead.OFF);
    }

    SystaxRulesReader(String description, SystaxRulesPagination pagination, ProcessPointer pointer, ProgressMonitor monitor,
                      ReadAhead readAhead) {
        super("reader", description, pagination, monitor, 0, readAhead);
        this.pointer = pointer;
    }

    @Override
    public void open(ExecutionContext context) {
        pointer.open(context);
        super.open(context);
    }

    @Override
    public void update(ExecutionContext context) {
        super.update(context);
        pointer.update(context);
    }
}
