package com.pagingetl.jobs.demarches;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.springframework.batch.core.job.Job;

import com.pagingetl.launch.AbstractEtlJob;
import com.pagingetl.launch.JobDescriptor;
import com.pagingetl.launch.ParameterSpec;
import com.pagingetl.launch.ParameterType;
import com.pagingetl.output.RunLayout;

/** demarchesDossiers as the launcher sees it: descriptor, start-up checks, secrets to redact. */
public final class DemarchesDossiersJob extends AbstractEtlJob {

    public static final String NAME = "demarchesDossiers";

    public static final JobDescriptor DESCRIPTOR = new JobDescriptor(NAME,
            "démarches-simplifiées dossiers of one démarche as a change log (updated_at order), plus its deletions",
            "demarches",
            List.of(
                    ParameterSpec.scope("demarche", ParameterType.integer(1, Integer.MAX_VALUE), null,
                            "démarche number (required); each démarche has its own runs and watermarks"),
                    ParameterSpec.option("updatedSince", ParameterType.dateOrDateTime(), "", "fixed lower bound, ISO 8601"
                            + " date or date-time, not in the future; used by the first run (default " + DemarchesParameters.DEFAULT_UPDATED_SINCE
                            + ") and kept for the démarche afterwards"),
                    ParameterSpec.option("first", ParameterType.integer(1, DemarchesParameters.MAX_FIRST), "100",
                            "page size, 1-100 (the API silently caps at 100, so more is refused)"),
                    ParameterSpec.option("fullResync", ParameterType.bool(), "false",
                            "true: ignore the stored cursors and read everything again from updatedSince")),
            List.of("DEMARCHES_BASE_URL / etl.jobs.demarches-dossiers.base-url   API origin [https://www.demarches-simplifiees.fr]",
                    "DEMARCHES_API_TOKEN / etl.jobs.demarches-dossiers.token      API token (secret)",
                    "etl.jobs.demarches-dossiers.dossiers-query   file with your own dossiers.graphql (fields to export)",
                    "etl.jobs.demarches-dossiers.deleted-query    file with your own deleted-dossiers.graphql",
                    "etl.jobs.demarches-dossiers.chunk-size [100]"));

    private final DemarchesProperties properties;
    private final DemarchesDocuments documents;

    DemarchesDossiersJob(Job job, DemarchesProperties properties, DemarchesDocuments documents, RunLayout layout) {
        super(DESCRIPTOR, job, layout);
        this.properties = properties;
        this.documents = documents;
    }

    @Override
    public void validate(Map<String, String> parameters) {
        DemarchesParameters.of(parameters);
        properties.validate();
        documents.dossiers();
        documents.deleted();
    }

    @Override
    public List<String> secrets() {
        return Arrays.asList(properties.token());
    }
}
