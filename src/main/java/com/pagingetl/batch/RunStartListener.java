package com.pagingetl.batch;

import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import com.pagingetl.launch.JobParameterValues;
import com.pagingetl.logging.RunMdc;
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

    /** Runs of the job whose names a new run must not reuse: far more than can start within one second. */
    private static final int RECENT_RUNS = 50;

    private final WatermarkStore watermarks;
    private final JobRepository repository;

    public RunStartListener(WatermarkStore watermarks, JobRepository repository) {
        this.watermarks = watermarks;
        this.repository = repository;
    }

    @Override
    public void beforeJob(JobExecution execution) {
        // Every job registers this listener, and this is the first moment its execution id is known.
        RunMdc.execution(execution.getId());
        ExecutionContext context = execution.getExecutionContext();
        if (context.containsKey(RunLayout.BASE_NAME_KEY)) {
            return;
        }
        String job = execution.getJobInstance().getJobName();
        context.putString(RunLayout.BASE_NAME_KEY, uniqueBaseName(execution, job, parameter(execution, "label")));
        Map<String, String> before = watermarks.load(job, parameter(execution, "scope"));
        before.forEach((name, value) -> context.putString(PublishTasklet.WATERMARK_BEFORE + name, value));
        repository.updateExecutionContext(execution);
    }

    /**
     * The base name from the start time, moved a second later while a recent run of the job already used it: a run
     * that starts in the same second as the previous one of its scope would otherwise publish under that run's name,
     * and the publish step, which keeps a file already under its final name, would publish the older run's file.
     */
    private String uniqueBaseName(JobExecution execution, String job, String label) {
        Set<String> used = new HashSet<>();
        for (JobInstance instance : repository.getJobInstances(job, 0, RECENT_RUNS)) {
            if (instance.getInstanceId() == execution.getJobInstance().getInstanceId()) {
                continue;
            }
            JobExecution last = repository.getLastJobExecution(instance);
            if (last != null && last.getExecutionContext().containsKey(RunLayout.BASE_NAME_KEY)) {
                used.add(last.getExecutionContext().getString(RunLayout.BASE_NAME_KEY));
            }
        }
        Instant start = Instant.now();
        String name = RunLayout.baseName(job, label, start);
        for (int s = 1; used.contains(name); s++) {
            name = RunLayout.baseName(job, label, start.plusSeconds(s));
        }
        return name;
    }

    /** The watermark the run started from, or null on a first run. */
    public static String before(ExecutionContext jobContext, String name) {
        String key = PublishTasklet.WATERMARK_BEFORE + name;
        return jobContext.containsKey(key) ? jobContext.getString(key) : null;
    }

    private static String parameter(JobExecution execution, String name) {
        return JobParameterValues.string(execution.getJobParameters(), name);
    }
}
