package com.pagingetl.metrics;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

import com.pagingetl.launch.JobParameterValues;
import com.pagingetl.output.Manifest;
import com.pagingetl.output.PublishedManifest;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Per run: remembers which job and scope ran (the Pushgateway's grouping key) and, when it ends, records what
 * its manifest says was published (bytes, records), the age of each watermark that is a time
 * ({@code etl_watermark_age_seconds}) and the run's end ({@code etl_run_end_timestamp_seconds{status}}).
 */
final class RunMetricsListener implements JobExecutionListener {

    private final MeterRegistry registry;
    private volatile String job;
    private volatile String scope;

    RunMetricsListener(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void beforeJob(JobExecution execution) {
        job = execution.getJobInstance().getJobName();
        scope = JobParameterValues.string(execution.getJobParameters(), "scope");
    }

    @Override
    public void afterJob(JobExecution execution) {
        Instant end = Instant.now();
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            PublishedManifest.of(execution).ifPresent(m -> {
                EtlMeters.published(m.files().stream().mapToLong(Manifest.FileEntry::bytes).sum(), m.records());
                m.watermarkAfter().forEach((name, value) -> time(value).ifPresent(t -> Gauge.builder("etl.watermark.age",
                        () -> Duration.between(t, end).toMillis() / 1000.0).baseUnit("seconds").tag("watermark", name)
                        .register(registry)));
            });
        }
        String status = execution.getStatus().toString();
        Gauge.builder("etl.run.end.timestamp", () -> end.toEpochMilli() / 1000.0).baseUnit("seconds")
                .tag("status", status).register(registry);
    }

    String job() {
        return job;
    }

    String scope() {
        return scope;
    }

    /** A watermark that is a time (ISO instant, offset date-time, local date-time or date, taken as UTC). */
    static Optional<Instant> time(String value) {
        List<java.util.function.Function<String, Instant>> parsers = List.of(Instant::parse,
                v -> OffsetDateTime.parse(v).toInstant(), v -> LocalDateTime.parse(v).toInstant(ZoneOffset.UTC),
                v -> LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant());
        for (var parser : parsers) {
            try {
                return Optional.of(parser.apply(value));
            } catch (DateTimeParseException e) {
                // not this shape
            }
        }
        return Optional.empty();
    }

    static Map<String, String> groupingKey(String job, String scope) {
        return Map.of("job", job, "scope", scope == null ? "" : scope);
    }
}
