package com.pagingetl.batch;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Set;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import com.pagingetl.launch.JobParameterValues;
import com.pagingetl.logging.RunMdc;
import com.pagingetl.output.PublishTasklet;
import com.pagingetl.output.RunLayout;
import com.pagingetl.state.RecentRunNames;
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
    /** How far back those runs are looked for: far more than {@value #RECENT_RUNS} seconds. */
    private static final Duration RECENT = Duration.ofHours(3);

    private final WatermarkStore watermarks;
    private final JobRepository repository;
    private final RecentRunNames recentNames;

    public RunStartListener(WatermarkStore watermarks, JobRepository repository, RecentRunNames recentNames) {
        this.watermarks = watermarks;
        this.repository = repository;
        this.recentNames = recentNames;
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
     * A name is at most {@value #RECENT_RUNS} seconds after its run's start, so only runs created within
     * {@link #RECENT} can hold one this run could take (the margin covers a daylight-saving change: the repository
     * keeps local times).
     */
    private String uniqueBaseName(JobExecution execution, String job, String label) {
        Set<String> used = recentNames.since(job, execution.getJobInstance().getInstanceId(),
                LocalDateTime.now().minus(RECENT), RECENT_RUNS);
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
