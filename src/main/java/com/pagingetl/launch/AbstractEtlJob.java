package com.pagingetl.launch;

import org.springframework.batch.core.job.Job;

import com.pagingetl.output.RunLayout;

/** The part of an {@link EtlJob} that is the same for every job: its descriptor, its Spring Batch job and where its files go. */
public abstract class AbstractEtlJob implements EtlJob {

    private final JobDescriptor descriptor;
    private final Job job;
    private final RunLayout layout;

    protected AbstractEtlJob(JobDescriptor descriptor, Job job, RunLayout layout) {
        this.descriptor = descriptor;
        this.job = job;
        this.layout = layout;
    }

    @Override
    public final JobDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public final Job job() {
        return job;
    }

    @Override
    public final RunLayout layout() {
        return layout;
    }
}
