package com.pagingetl.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.ItemStreamException;

import com.pagingetl.paging.PageFetchException;

class FailureReportTests {

    @Test
    void outermostMessageOfOursWinsOverFrameworkWrappers() {
        Throwable t = new ItemStreamException("wrapper", new PageFetchException(
                "fetch of page 7 of rapidContent partition US-cat-3 failed:\n 503 after 5 attempts", new IOException("reset")));

        assertThat(FailureReport.describe(t)).isEqualTo("fetch of page 7 of rapidContent partition US-cat-3 failed: 503 after 5 attempts");
    }

    @Test
    void foreignChainsReportTheirRootCause() {
        Throwable t = new IllegalStateException("outer", new RuntimeException("middle", new IOException("disk full")));

        assertThat(FailureReport.describe(t)).isEqualTo("IOException: disk full");
        assertThat(FailureReport.describe(new NullPointerException())).isEqualTo("NullPointerException");
    }
}
