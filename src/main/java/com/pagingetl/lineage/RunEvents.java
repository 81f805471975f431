package com.pagingetl.lineage;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.pagingetl.output.Manifest;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * OpenLineage run events (spec 2-0-2, {@code RunEvent}) as JSON: the event type and time, the run's id, the job
 * ({@code namespace}, {@code name}), the API as input dataset (namespace its origin, name its endpoint path) and,
 * when a run completes, the published files as output datasets with the output-statistics facet (row count and
 * size). Only origins, paths, names and counts go in: no credential, query string or job parameter.
 */
final class RunEvents {

    static final String SCHEMA_URL = "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent";
    static final String OUTPUT_STATISTICS_SCHEMA =
            "https://openlineage.io/spec/facets/1-0-2/OutputStatisticsOutputDatasetFacet.json#/$defs/OutputStatisticsOutputDatasetFacet";
    static final String ERROR_MESSAGE_SCHEMA =
            "https://openlineage.io/spec/facets/1-0-1/ErrorMessageRunFacet.json#/$defs/ErrorMessageRunFacet";
    static final String PRODUCER = "urn:com.pagingetl:paging-etl";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** START, COMPLETE, FAIL or ABORT. */
    enum Type { START, COMPLETE, FAIL, ABORT }

    /** The API a job reads: its origin and endpoint path. */
    record Input(URI origin, String path) {
    }

    private final String namespace;

    RunEvents(String namespace) {
        this.namespace = namespace;
    }

    /**
     * @param outputs      the published data files of a completed run (none for the other types)
     * @param errorMessage why a run failed, already free of credentials; null for none
     */
    String event(Type type, Instant time, UUID runId, String job, Input input, Path outputDir, List<Manifest.FileEntry> outputs,
                 String errorMessage) {
        ObjectNode event = JSON.createObjectNode();
        event.put("eventType", type.name());
        event.put("eventTime", time.toString());
        ObjectNode run = event.putObject("run");
        run.put("runId", runId.toString());
        ObjectNode runFacets = run.putObject("facets");
        if (errorMessage != null) {
            ObjectNode error = facet(runFacets.putObject("errorMessage"), ERROR_MESSAGE_SCHEMA);
            error.put("message", errorMessage);
            error.put("programmingLanguage", "Java");
        }
        ObjectNode jobNode = event.putObject("job");
        jobNode.put("namespace", namespace);
        jobNode.put("name", job);
        jobNode.putObject("facets");
        ArrayNode inputs = event.putArray("inputs");
        if (input != null) {
            ObjectNode dataset = inputs.addObject();
            dataset.put("namespace", input.origin().toString());
            dataset.put("name", input.path());
            dataset.putObject("facets");
        }
        ArrayNode outputNodes = event.putArray("outputs");
        for (Manifest.FileEntry file : outputs) {
            ObjectNode dataset = outputNodes.addObject();
            dataset.put("namespace", "file");
            dataset.put("name", outputDir.resolve(file.name()).toAbsolutePath().normalize().toString());
            dataset.putObject("facets");
            ObjectNode statistics = facet(dataset.putObject("outputFacets").putObject("outputStatistics"),
                    OUTPUT_STATISTICS_SCHEMA);
            statistics.put("rowCount", file.records());
            statistics.put("size", file.bytes());
        }
        event.put("producer", PRODUCER);
        event.put("schemaURL", SCHEMA_URL);
        return JSON.writeValueAsString(event);
    }

    private static ObjectNode facet(ObjectNode facet, String schemaUrl) {
        facet.put("_producer", PRODUCER);
        facet.put("_schemaURL", schemaUrl);
        return facet;
    }
}
