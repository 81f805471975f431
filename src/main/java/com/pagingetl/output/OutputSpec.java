package com.pagingetl.output;

import java.util.List;

import org.springframework.batch.core.job.JobExecution;

/**
 * One file a job publishes per run: its suffix after the run's base name ("" for the main file,
 * "-inactive", "-deleted") and, given the running job execution, the parts it is assembled from, in order.
 */
public record OutputSpec(String suffix, PartsResolver parts) {

    @FunctionalInterface
    public interface PartsResolver {
        List<PartRef> parts(JobExecution jobExecution);
    }

    public static OutputSpec single(String suffix, String stepName, String partName) {
        return new OutputSpec(suffix, execution -> List.of(new PartRef(stepName, partName)));
    }
}
