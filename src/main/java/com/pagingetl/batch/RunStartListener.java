package com.pagingetl.batch;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
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

    private static final int RECENT_RUNS = 10;

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
        String baseName = RunLayout.baseName(job, label, Instant.now());
        Set<String> recent = recentBaseNames(execution);
        while (recent.contains(baseName)) {
            // Names stamp the start to the second: a run that started in the same second as an earlier one
            // would publish over that run's files (kept as "already published"), so wait for the next second.
            sleepToNextSecond();
            baseName = RunLayout.baseName(job, label, Instant.now());
        }
        context.putString(RunLayout.BASE_NAME_KEY, baseName);
        Map<String, String> before = watermarks.load(job, parameter(execution, "scope"));
        before.forEach((name, value) -> context.putString(PublishTasklet.WATERMARK_BEFORE + name, value));
        repository.updateExecutionContext(execution);
    }

    /** Base names of the job's latest other runs (any scope); a new run's name must differ from all of them. */
    private Set<String> recentBaseNames(JobExecution execution) {
        Set<String> names = new HashSet<>();
        for (JobInstance instance : repository.getJobInstances(execution.getJobInstance().getJobName(), 0, RECENT_RUNS)) {
            if (instance.getInstanceId() == execution.getJobInstance().getInstanceId()) {
                continue;
            }
            JobExecution last = repository.getLastJobExecution(instance);
            if (last != null && last.getExecutionContext().containsKey(RunLayout.BASE_NAME_KEY)) {
                names.add(last.getExecutionContext().getString(RunLayout.BASE_NAME_KEY));
            }
        }
        return names;
    }

    private static void sleepToNextSecond() {
        try {
            Thread.sleep(1000 - Instant.now().toEpochMilli() % 1000 + 1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while choosing the run's file names", e);
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
