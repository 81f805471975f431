package com.pagingetl.lineage;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

import com.pagingetl.http.ApiHttpClient;
import com.pagingetl.http.ApiResponse;
import com.pagingetl.http.Secrets;
import com.pagingetl.output.Manifest;
import com.pagingetl.output.PublishedManifest;

/**
 * Posts an OpenLineage START when an execution begins and COMPLETE, FAIL or ABORT (stopped) when it ends. The run id
 * is drawn once per run and kept in the job's ExecutionContext ({@value #RUN_ID_KEY}), which every restart of the run
 * inherits, so that a restart reports the same run. Lineage describes a run and never changes its outcome: an
 * endpoint that refuses or cannot be reached costs a warning.
 */
final class LineageListener implements JobExecutionListener {

    static final String RUN_ID_KEY = "lineage.runId";
    private static final Logger log = LoggerFactory.getLogger(LineageListener.class);

    private final ApiHttpClient client;
    private final URI endpoint;
    private final RunEvents events;
    private final JobRepository repository;
    private final Function<String, RunEvents.Input> inputOf;

    /** @param inputOf the API a job reads, by job name (null when unknown) */
    LineageListener(ApiHttpClient client, URI endpoint, RunEvents events, JobRepository repository,
                    Function<String, RunEvents.Input> inputOf) {
        this.client = client;
        this.endpoint = endpoint;
        this.events = events;
        this.repository = repository;
        this.inputOf = inputOf;
    }

    @Override
    public void beforeJob(JobExecution execution) {
        post(execution, RunEvents.Type.START, List.of(), null, null);
    }

    @Override
    public void afterJob(JobExecution execution) {
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            Path manifestPath = PublishedManifest.path(execution).orElse(null);
            List<Manifest.FileEntry> files = manifestPath == null ? List.of() : Manifest.read(manifestPath).files();
            post(execution, RunEvents.Type.COMPLETE, files, manifestPath == null ? null : manifestPath.getParent(), null);
        } else if (execution.getStatus() == BatchStatus.STOPPED) {
            post(execution, RunEvents.Type.ABORT, List.of(), null, null);
        } else {
            post(execution, RunEvents.Type.FAIL, List.of(), null, failure(execution));
        }
    }

    private UUID runId(JobExecution execution) {
        var context = execution.getExecutionContext();
        if (!context.containsKey(RUN_ID_KEY)) {
            context.putString(RUN_ID_KEY, UUID.randomUUID().toString());
            repository.updateExecutionContext(execution);
        }
        return UUID.fromString(context.getString(RUN_ID_KEY));
    }

    private void post(JobExecution execution, RunEvents.Type type, List<Manifest.FileEntry> outputs, Path outputDir,
                      String error) {
        String job = execution.getJobInstance().getJobName();
        String operation = "OpenLineage " + type + " event of " + job + " (execution " + execution.getId() + ")";
        try {
            String body = events.event(type, Instant.now(), runId(execution), job, inputOf.apply(job), outputDir, outputs, error);
            ApiResponse response = client.send(operation, () -> HttpRequest.newBuilder(endpoint)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
            if (response.status() / 100 != 2) {
                log.warn("{} refused by {}: HTTP {}", operation, endpoint, response.status());
            }
        } catch (RuntimeException e) {
            log.warn("{} not sent to {}: {}", operation, endpoint, Secrets.redact(String.valueOf(e.getMessage())));
        }
    }

    /** The first failure's message, without credentials: worker steps first, they name the position. */
    private static String failure(JobExecution execution) {
        for (StepExecution step : execution.getStepExecutions()) {
            if (step.getStepName().contains(":") && !step.getFailureExceptions().isEmpty()) {
                return Secrets.redact(String.valueOf(step.getFailureExceptions().get(0).getMessage()));
            }
        }
        for (StepExecution step : execution.getStepExecutions()) {
            if (!step.getFailureExceptions().isEmpty()) {
                return Secrets.redact(String.valueOf(step.getFailureExceptions().get(0).getMessage()));
            }
        }
        return execution.getFailureExceptions().isEmpty() ? execution.getStatus().toString()
                : Secrets.redact(String.valueOf(execution.getFailureExceptions().get(0).getMessage()));
    }
}
