package com.pagingetl.output;

/**
 * One part of a published file: the step that wrote it and the writer's name inside that step.
 *
 * @param stepName the step execution's name ("extract:US-cat-1", "dossiers")
 * @param partName the {@link GzipJsonLinesItemWriter}'s name, which prefixes its ExecutionContext keys
 */
public record PartRef(String stepName, String partName) {
}
