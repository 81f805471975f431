package com.pagingetl.output;

import java.nio.file.Path;
import java.util.Optional;

import org.springframework.batch.core.job.JobExecution;

/** The manifest a completed run published, found through the paths publish recorded ({@value PublishTasklet#PUBLISHED_KEY}). */
public final class PublishedManifest {

    private PublishedManifest() {
    }

    public static Optional<Path> path(JobExecution execution) {
        if (!execution.getExecutionContext().containsKey(PublishTasklet.PUBLISHED_KEY)) {
            return Optional.empty();
        }
        return execution.getExecutionContext().getString(PublishTasklet.PUBLISHED_KEY).lines()
                .filter(p -> p.endsWith(".manifest.json")).findFirst().map(Path::of);
    }

    public static Optional<Manifest> of(JobExecution execution) {
        return path(execution).map(Manifest::read);
    }
}
