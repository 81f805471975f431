package com.pagingetl.jobs.demarches;

import java.util.Map;

import org.springframework.batch.core.job.parameters.JobParameters;

import com.pagingetl.launch.ParameterValues;

/**
 * The job parameters as the job reads them; {@link DemarchesDossiersJob#DESCRIPTOR} declares and checks them
 * before anything starts.
 *
 * @param demarche     the démarche number (scope: each démarche has its own runs and watermarks)
 * @param updatedSince the fixed lower bound asked for, or null to use the stored one (or the default on a first run)
 * @param first        page size, 1..100
 * @param fullResync   ignore the stored cursors and read everything again from {@code updatedSince}
 */
record DemarchesParameters(int demarche, String updatedSince, int first, boolean fullResync) {

    /** The lower bound of a first run when none is given: before the service opened, so every dossier counts. */
    static final String DEFAULT_UPDATED_SINCE = "2015-01-01T00:00:00+01:00";
    /** The API's page size limit; it silently returns 100 for anything above. */
    static final int MAX_FIRST = 100;

    static DemarchesParameters of(Map<String, String> parameters) {
        return of(DemarchesDossiersJob.DESCRIPTOR.validate(parameters));
    }

    static DemarchesParameters of(JobParameters jobParameters) {
        return of(DemarchesDossiersJob.DESCRIPTOR.values(jobParameters));
    }

    private static DemarchesParameters of(ParameterValues v) {
        return new DemarchesParameters(v.integer("demarche"), v.isSet("updatedSince") ? v.string("updatedSince") : null,
                v.integer("first"), v.bool("fullResync"));
    }
}
