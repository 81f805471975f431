package com.pagingetl.jobs.tdg;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import tools.jackson.databind.JsonNode;

import com.pagingetl.batch.RunStartListener;
import com.pagingetl.http.ApiCallException;

/**
 * First step of a tdgVersions run: fixes what the run reads and saves it in the job's ExecutionContext,
 * so that every page, and every restart of the run however much later, reads the same consistent picture.
 * <ul>
 *   <li>the version: {@code version=} for asOf; otherwise the grid's newest committed version when its
 *   admin schema tells it ({@code cluster { current_version }}), else the local clock in nanoseconds less
 *   {@code clock-margin};</li>
 *   <li>the page size: {@code page-size} or the grid's returned hard limit ({@code config { hard_limits }}),
 *   never above that limit (100 when the grid does not say);</li>
 *   <li>the selection, and for an incremental read the update field and the previous run's watermark.</li>
 * </ul>
 *
 * <h2>Restart contract</h2>
 * Once the keys are saved the step is complete; a restart reuses them as they are. Keys:
 * {@value #VERSION}, {@value #PAGE_SIZE}, {@value #SELECTION}, {@value #UPDATE_FIELD}, {@value #SINCE}, and the
 * {@code manifest.*} details (snapshotVersion, versionSource, mode, type, pageSize, updateField, since).
 */
final class TdgRunPlanner implements Tasklet {

    static final String VERSION = "tdg.version";
    static final String PAGE_SIZE = "tdg.pageSize";
    static final String SELECTION = "tdg.selection";
    static final String UPDATE_FIELD = "tdg.updateField";
    static final String SINCE = "tdg.since";
    static final int DEFAULT_RETURNED_LIMIT = 100;

    private static final Logger log = LoggerFactory.getLogger(TdgRunPlanner.class);

    private final TdgApi api;
    private final TdgProperties properties;
    private final Clock clock;
    private final JobRepository repository;

    TdgRunPlanner(TdgApi api, TdgProperties properties, Clock clock, JobRepository repository) {
        this.api = api;
        this.properties = properties;
        this.clock = clock;
        this.repository = repository;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        JobExecution execution = contribution.getStepExecution().getJobExecution();
        ExecutionContext job = execution.getExecutionContext();
        if (job.containsKey(VERSION)) {
            return RepeatStatus.FINISHED;
        }
        TdgParameters params = TdgParameters.of(contribution.getStepExecution().getJobParameters());
        String updateField = params.mode() == TdgMode.AS_OF ? null : properties.updateFieldOf(params.type());
        FieldSelection selection = FieldSelection.load(params.type(), properties.fieldsFile(), updateField);
        String since = updateField == null || params.fullRefresh() ? null
                : RunStartListener.before(job, TdgVersionsJob.watermarkName(updateField));

        String version;
        String source;
        if (params.mode() == TdgMode.AS_OF) {
            version = params.version();
            source = "parameter";
        } else {
            String newest = newestVersion();
            if (newest != null) {
                version = newest;
                source = "grid";
            } else {
                Instant pinned = clock.instant().minus(properties.clockMargin());
                version = TdgVersion.ofEpochNanos(pinned.getEpochSecond(), pinned.getNano());
                source = "clock";
            }
        }
        int pageSize = pageSize();

        job.putString(VERSION, version);
        job.putString(PAGE_SIZE, Integer.toString(pageSize));
        job.putString(SELECTION, selection.text());
        job.putString(UPDATE_FIELD, updateField == null ? "" : updateField);
        job.putString(SINCE, since == null ? "" : since);
        job.putString("manifest.type", params.type());
        job.putString("manifest.mode", params.mode().parameter());
        job.putString("manifest.snapshotVersion", version);
        job.putString("manifest.versionSource", source);
        job.putString("manifest.pageSize", Integer.toString(pageSize));
        job.putString("manifest.updateField", updateField == null ? "" : updateField);
        job.putString("manifest.since", since == null ? "" : since);
        // Spring Batch saves the job's context only after it has marked this step COMPLETED; a kill -9 in
        // between would leave a completed plan and no pinned version. Saving it here, before the step's
        // commit, leaves either both or a plan step that runs again and finds its keys.
        repository.updateExecutionContext(execution);
        log.info("tdgVersions {} {}: reading as of version {} (from the {}), {} objects per page, {}", params.type(),
                params.mode().parameter(), version, source, pageSize,
                since != null ? "objects with " + updateField + " > " + since
                        : updateField != null ? "full read (no watermark yet or fullRefresh)" : "full read");
        return RepeatStatus.FINISHED;
    }

    /**
     * The grid's newest committed version, or null when its admin schema does not offer it. Any failure
     * falls back to the clock: a token without admin rights may still read data, and a bad token is
     * reported by the first data read.
     */
    private String newestVersion() {
        try {
            JsonNode value = api.admin("{ cluster { current_version } }", "query of the grid's newest version")
                    .data().path("cluster").path("current_version");
            return TdgVersion.of(value);
        } catch (ApiCallException | IllegalArgumentException e) {
            log.info("the grid does not tell its newest version ({}); pinning the local clock less {}", e.getMessage(),
                    properties.clockMargin());
            return null;
        }
    }

    /** {@code first} of every page: the configured size, never above the grid's returned hard limit. */
    private int pageSize() {
        int limit = DEFAULT_RETURNED_LIMIT;
        try {
            JsonNode returned = api.admin("{ config { hard_limits { scanned returned } } }", "query of the grid's hard limits")
                    .data().path("config").path("hard_limits").path("returned");
            if (returned.isIntegralNumber() && returned.asLong() > 0) {
                limit = (int) Math.min(Integer.MAX_VALUE, returned.asLong());
            }
        } catch (ApiCallException e) {
            log.info("the grid does not tell its hard limits ({}); assuming returned = {}", e.getMessage(), limit);
        }
        int configured = properties.pageSize();
        if (configured == 0) {
            return limit;
        }
        if (configured > limit) {
            log.warn("etl.jobs.tdg-versions.page-size={} is above the grid's returned hard limit {}; using {}",
                    configured, limit, limit);
            return limit;
        }
        return configured;
    }
}
