package com.pagingetl.jobs.tdg;

import static com.pagingetl.testing.Utf8.bytes;
import static com.pagingetl.testing.Utf8.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import com.pagingetl.paging.Page;
import com.pagingetl.paging.PageToken;
import com.pagingetl.paging.PaginationStrategy;
import com.pagingetl.paging.PagingItemReader;
import com.pagingetl.progress.ProgressMonitor;

class TdgObjectReaderTests {

    @Test
    void updateValuesCompareExactlyAsNumbersOrAsStrings() {
        assertThat(TdgObjectReader.compare("1639990000123456790", "1639990000123456789")).isPositive();
        assertThat(TdgObjectReader.compare("10", "9")).isPositive();
        assertThat(TdgObjectReader.compare("9", "10")).isNegative();
        assertThat(TdgObjectReader.compare("0", "0")).isZero();
        assertThat(TdgObjectReader.compare("010", "9")).isPositive();
        assertThat(TdgObjectReader.compare("-10", "9")).isNegative();
        assertThat(TdgObjectReader.compare("9.5", "10")).isNegative();
        assertThat(TdgObjectReader.compare("2024-03-01T00:00:00Z", "2024-02-29T23:59:59Z")).isPositive();
        assertThat(TdgObjectReader.valueOf(bytes("{\"u\":1639990000123456789}"), "u")).isEqualTo("1639990000123456789");
        assertThat(TdgObjectReader.valueOf(bytes("{\"u\":\"2024-03-01\"}"), "u")).isEqualTo("2024-03-01");
        assertThat(TdgObjectReader.valueOf(bytes("{\"u\":null}"), "u")).isNull();
    }

    @Test
    void theHighestUpdateValueHandedOutIsSavedWithTheCommitAndRestored() {
        // given one page of three objects
        PaginationStrategy<byte[]> strategy = new PaginationStrategy<>() {
            @Override
            public PageToken firstPage() {
                return PageToken.of("p");
            }

            @Override
            public Page<byte[]> fetch(PageToken token) {
                return Page.of(List.of(bytes("{\"u\":1639990000123456790}"), bytes("{\"u\":1639990000123456799}"),
                        bytes("{\"u\":1639990000123456791}")), null).withKeys(Integer::toString);
            }
        };
        TdgObjectReader reader = new TdgObjectReader(new PagingItemReader<>("reader", "test", strategy,
                ProgressMonitor.SILENT, 0), "u");
        ExecutionContext context = new ExecutionContext();
        reader.open(context);

        // when two are read and committed
        reader.read();
        reader.read();
        reader.update(context);

        // then
        assertThat(context.getString(TdgObjectReader.MAX_KEY)).isEqualTo("1639990000123456799");
        reader.close();
        TdgObjectReader reopened = new TdgObjectReader(new PagingItemReader<>("reader", "test", strategy,
                ProgressMonitor.SILENT, 0), "u");
        reopened.open(context);
        reopened.read();
        reopened.update(context);
        assertThat(context.getString(TdgObjectReader.MAX_KEY)).isEqualTo("1639990000123456799");
    }
}
