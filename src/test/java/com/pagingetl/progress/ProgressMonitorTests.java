package com.pagingetl.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.StepExecution;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

class ProgressMonitorTests {

    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    // The interval only paces the periodic lines, which these tests do not read.
    private final ProgressMonitor monitor = new ProgressMonitor(Duration.ofHours(1));

    @BeforeEach
    void capture() {
        lines.start();
        ((Logger) LoggerFactory.getLogger("progress")).addAppender(lines);
    }

    @AfterEach
    void release() {
        ((Logger) LoggerFactory.getLogger("progress")).detachAppender(lines);
        monitor.close();
    }

    @ParameterizedTest
    @CsvSource({"COMPLETED, done", "FAILED, failed", "STOPPED, stopped"})
    void aTrackerClosedByItsStepSaysHowTheStepEnded(BatchStatus status, String word) {
        StepExecution step = step(status);
        StepSynchronizationManager.register(step);
        try {
            ProgressMonitor.Tracker tracker = monitor.register("systaxRules rules");
            tracker.record();
            tracker.page();
            tracker.close();
        } finally {
            StepSynchronizationManager.close();
        }

        assertThat(messages()).singleElement().asString().startsWith("systaxRules rules: " + word + ", 1 records, 1 pages");
    }

    @Test
    void theOverallLineCountsLiveClosedAndEarlierPartitionsAgainstThePlan() {
        ProgressMonitor.Overall overall = monitor.overall("rapidContent all partitions", "rapidContent partition ", 100, 30);
        ProgressMonitor.Tracker done = monitor.register("rapidContent partition US-1");
        ProgressMonitor.Tracker running = monitor.register("rapidContent partition FR");
        ProgressMonitor.Tracker other = monitor.register("rapidContent inactive properties");
        for (int i = 0; i < 20; i++) {
            done.record();
        }
        done.close();
        running.resume(15, 3);
        other.resume(99, 1);

        assertThat(overall.records()).isEqualTo(30 + 20 + 15);
        overall.close(BatchStatus.FAILED);
        assertThat(messages()).last().asString().startsWith("rapidContent all partitions: failed, 65 records, ")
                .contains("65.0% of 100");
    }

    private List<String> messages() {
        return lines.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    private static StepExecution step(BatchStatus status) {
        JobExecution job = new JobExecution(1L, new JobInstance(1L, "systaxRules"), new JobParameters());
        StepExecution step = new StepExecution(1L, "systaxRulesExtract", job);
        step.setStatus(status);
        return step;
    }
}
