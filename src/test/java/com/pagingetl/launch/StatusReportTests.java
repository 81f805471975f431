package com.pagingetl.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.TimeZone;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.pagingetl.paging.PageFetchException;
import com.pagingetl.state.RunLock;
import com.pagingetl.state.TestDatabase;

/** {@code --status}: UTC times, dead runs, live counts of partitioned steps, and the JSON form's fields. */
class StatusReportTests {

    private static final List<String> JOBS = List.of("rapidContent", "systaxRules");
    /** Local times as Spring Batch stores them, in a zone three hours behind UTC for the test. */
    private static final LocalDateTime T0 = LocalDateTime.of(2026, 1, 2, 3, 4, 5);

    private final TestDatabase db = TestDatabase.fresh();
    private final JobRepository repository = db.jobRepository();
    private final RunLock lock = new RunLock(db.jdbc(), Duration.ofMinutes(2));
    private TimeZone zone;

    @BeforeEach
    void zone() {
        zone = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("America/Sao_Paulo"));
    }

    @AfterEach
    void restore() {
        TimeZone.setDefault(zone);
        db.shutdown();
    }

    @Test
    void aRunningPartitionedRunWhoseProcessIsGoneIsDeadAndCountsItsPartitions() {
        JobExecution e = execution("rapidContent", "countries=FR", BatchStatus.STARTED, T0, null);
        step(e, "rapidPlan", T0, T0.plusSeconds(1), 0, 0, null, null);
        step(e, "rapidExtract", T0.plusSeconds(1), null, 0, 0, null, null);
        step(e, "rapidExtractPartition:FR-1", T0.plusSeconds(2), null, 30, 29, 3L, "token-1");
        step(e, "rapidExtractPartition:FR-2", T0.plusSeconds(2), T0.plusSeconds(9), 20, 20, 2L, "token-2");

        JsonNode json = json();

        assertThat(json.size()).isEqualTo(1);
        JsonNode row = json.get(0);
        assertThat(row.get("job").asString()).isEqualTo("rapidContent");
        assertThat(row.get("scope").asString()).isEqualTo("countries=FR");
        assertThat(row.get("run").asLong()).isEqualTo(1);
        assertThat(row.get("executionId").asLong()).isEqualTo(e.getId());
        assertThat(row.get("status").asString()).isEqualTo("DEAD");
        assertThat(row.get("start").asString()).isEqualTo("2026-01-02T06:04:05Z");
        assertThat(row.get("end").isNull()).isTrue();
        assertThat(row.get("records").get("read").asLong()).isEqualTo(50);
        assertThat(row.get("records").get("written").asLong()).isEqualTo(49);
        assertThat(row.get("pages").asLong()).isEqualTo(5);
        assertThat(row.get("position").get("rapidExtractPartition:FR-1").asString()).isEqualTo("token-1");
        assertThat(row.get("position").get("rapidExtractPartition:FR-2").asString()).isEqualTo("token-2");
        assertThat(row.get("lastError").isNull()).isTrue();
        assertThat(row.get("pid").isNull()).isTrue();
        assertThat(row.get("host").isNull()).isTrue();

        String table = text(false);
        assertThat(table).contains("START (UTC)")
                .containsPattern("(?m)^" + e.getId() + "\\s+rapidContent\\s+1\\s+DEAD\\s+\\S+\\s+50\\s+49\\s+2026-01-02 06:04:05Z")
                .contains("DEAD: marked running, but no live process holds its run lock");
    }

    @Test
    void aRunningRunWhoseProcessHoldsItsLockShowsThatProcess() {
        JobExecution e = execution("systaxRules", "default", BatchStatus.STARTED, T0, null);
        step(e, "systaxRulesExtract", T0, null, 100, 100, 1L, "after:1:100");

        try (RunLock.Lease lease = lock.tryAcquire("systaxRules", "default").lease()) {
            JsonNode row = json().get(0);

            assertThat(row.get("status").asString()).isEqualTo("STARTED");
            assertThat(row.get("pid").asLong()).isEqualTo(ProcessHandle.current().pid());
            assertThat(row.get("host").asString()).isNotBlank();
            assertThat(row.get("records").get("read").asLong()).isEqualTo(100);
        }
    }

    @Test
    void aFailedRunCarriesItsErrorAndEndTimeAndTopLevelCountsWithoutPartitions() {
        JobExecution e = execution("systaxRules", "default", BatchStatus.FAILED, T0, T0.plusMinutes(1));
        failed(step(e, "systaxRulesExtract", T0, T0.plusMinutes(1), 200, 200, 2L, "after:1:200"),
                new PageFetchException("fetch of page 3 of systaxRules failed: HTTP 500", new IOException("reset")));

        JsonNode row = json().get(0);

        assertThat(row.get("status").asString()).isEqualTo("FAILED");
        assertThat(row.get("end").asString()).isEqualTo("2026-01-02T06:05:05Z");
        assertThat(row.get("records").get("written").asLong()).isEqualTo(200);
        assertThat(row.get("lastError").asString())
                .isEqualTo("systaxRulesExtract: fetch of page 3 of systaxRules failed: HTTP 500");
    }

    @Test
    void aFailureWithoutAMessageOfOursNamesItsRootCause() {
        JobExecution e = execution("systaxRules", "default", BatchStatus.FAILED, T0, T0.plusMinutes(1));
        IllegalStateException failure = new IllegalStateException("reading failed", new IOException("connection reset"));
        // The repository keeps 2,500 characters of the trace: without frames the root cause fits.
        failure.setStackTrace(new StackTraceElement[0]);
        failure.getCause().setStackTrace(new StackTraceElement[0]);
        failed(step(e, "systaxRulesExtract", T0, T0.plusMinutes(1), 0, 0, null, null), failure);

        assertThat(json().get(0).get("lastError").asString()).isEqualTo("systaxRulesExtract: IOException: connection reset");
    }

    @Test
    void noExecutionsIsAnEmptyArray() {
        assertThat(json().isArray()).isTrue();
        assertThat(json().size()).isZero();
    }

    private JobExecution execution(String job, String scope, BatchStatus status, LocalDateTime start, LocalDateTime end) {
        JobInstance instance = repository.createJobInstance(job, RunIdentity.identifying(scope, 1));
        JobExecution e = repository.createJobExecution(instance, RunIdentity.identifying(scope, 1), new ExecutionContext());
        e.setStatus(status);
        e.setStartTime(start);
        e.setEndTime(end);
        repository.update(e);
        return e;
    }

    private StepExecution step(JobExecution e, String name, LocalDateTime start, LocalDateTime end, long read,
                               long written, Long pages, String token) {
        StepExecution s = repository.createStepExecution(name, e);
        s.setStartTime(start);
        s.setEndTime(end);
        s.setStatus(end == null ? BatchStatus.STARTED : BatchStatus.COMPLETED);
        s.setReadCount(read);
        s.setWriteCount(written);
        repository.update(s);
        if (pages != null) {
            s.getExecutionContext().putLong("reader.pages", pages);
            s.getExecutionContext().putString("reader.token", token);
            repository.updateExecutionContext(s);
        }
        return s;
    }

    private void failed(StepExecution s, Throwable failure) {
        s.setStatus(BatchStatus.FAILED);
        s.setExitStatus(ExitStatus.FAILED.addExitDescription(failure));
        repository.update(s);
    }

    private JsonNode json() {
        return JsonMapper.builder().build().readTree(text(true));
    }

    private String text(boolean json) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            assertThat(new StatusReport(repository, lock, JOBS, out).print(null, json)).isZero();
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
