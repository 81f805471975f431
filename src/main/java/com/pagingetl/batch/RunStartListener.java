package com.pagingetl.batch;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameter;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import com.pagingetl.output.PublishTasklet;
import com.pagingetl.output.RunLayout;
import com.pagingetl.state.WatermarkStore;

/**
 * Fixes what a run is about when it first starts, in the job's ExecutionContext, which every restart
 * of the run inherits: the base name of its files ({@value RunLayout#BASE_NAME_KEY}) and the watermarks
 * it starts from ({@code watermark.before.<name>}). A restart hours later therefore reads from the same
 * position and publishes under the same name, whatever other runs did meanwhile.
 */
public class RunStartListener implements JobExecutionListener {

    /** Runs checked for a file name in use: only the latest runs can share this second's stamp. */
    private static final int RECENT_RUNS = 5;

    private final WatermarkStore watermarks;
    private final JobRepository repository;

    public RunStartListener(WatermarkStore watermarks, JobRepository repository) {
        this.watermarks = watermarks;
        this.repository = repository;
    }

    @Override
    public void beforeJob(JobExecution execution) {
        ExecutionContext context = execution.getExecutionContext();
        if (context.containsKey(RunLayout.BASE_NAME_KEY)) {
            return;
        }
        String job = execution.getJobInstance().getJobName();
        String label = parameter(execution, "label");
        Instant start = Instant.now();
        String baseName = RunLayout.baseName(job, label, start);
        // Names have a one-second stamp: a run starting in the same second as the previous run of its label
        // would publish under that run's names, where the publish step keeps the file already there.
        while (takenByAnotherRun(execution, baseName)) {
            start = start.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
            sleepUntil(start);
            baseName = RunLayout.baseName(job, label, start);
        }
        context.putString(RunLayout.BASE_NAME_KEY, baseName);
        Map<String, String> before = watermarks.load(job, parameter(execution, "scope"));
        before.forEach((name, value) -> context.putString(PublishTasklet.WATERMARK_BEFORE + name, value));
        repository.updateExecutionContext(execution);
    }

    private boolean takenByAnotherRun(JobExecution execution, String baseName) {
        for (JobInstance instance : repository.getJobInstances(execution.getJobInstance().getJobName(), 0, RECENT_RUNS)) {
            if (instance.getInstanceId() == execution.getJobInstance().getInstanceId()) {
                continue;
            }
            JobExecution last = repository.getLastJobExecution(instance);
            if (last != null && baseName.equals(last.getExecutionContext().get(RunLayout.BASE_NAME_KEY))) {
                return true;
            }
        }
        return false;
    }

    private static void sleepUntil(Instant instant) {
        long millis = Duration.between(Instant.now(), instant).toMillis();
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while choosing the run's file names", e);
            }
        }
    }

    /** The watermark the run started from, or null on a first run. */
    public static String before(ExecutionContext jobContext, String name) {
        String key = PublishTasklet.WATERMARK_BEFORE + name;
        return jobContext.containsKey(key) ? jobContext.getString(key) : null;
    }

    private static String parameter(JobExecution execution, String name) {
        JobParameter<?> p = execution.getJobParameters().getParameter(name);
        return p == null ? null : String.valueOf(p.value());
    }
}
