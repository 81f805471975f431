package com.pagingetl.launch;

import org.springframework.batch.core.job.Job;

/** The part of an {@link EtlJob} that is the same for every job: its descriptor and its Spring Batch job. */
public abstract class AbstractEtlJob implements EtlJob {

    private final JobDescriptor descriptor;
    private final Job job;

    protected AbstractEtlJob(JobDescriptor descriptor, Job job) {
        this.descriptor = descriptor;
        this.job = job;
    }

    @Override
    public final JobDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public final Job job() {
        return job;
    }
}
