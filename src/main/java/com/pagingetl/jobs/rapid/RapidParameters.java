package com.pagingetl.jobs.rapid;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.batch.core.job.parameters.JobParameters;

import com.pagingetl.launch.ParameterValues;

/**
 * The rapidContent job parameters as the job reads them; {@link RapidContentJob#DESCRIPTOR} declares and checks
 * them, so a bad value is a usage error naming the parameter before anything starts.
 */
record RapidParameters(String language, String supplySource, List<String> countries, List<String> include,
                       int maxPartitionSize, int concurrency, boolean fullRefresh, LocalDate since) {

    static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}-[A-Z]{2}");
    static final Pattern FIELD = Pattern.compile("[a-z_]+");

    static RapidParameters of(Map<String, String> parameters) {
        return of(RapidContentJob.DESCRIPTOR.validate(parameters));
    }

    static RapidParameters of(JobParameters jobParameters) {
        return of(RapidContentJob.DESCRIPTOR.values(jobParameters));
    }

    private static RapidParameters of(ParameterValues v) {
        return new RapidParameters(v.string("language"), v.string("supplySource"), v.list("countries"),
                v.list("include"), v.integer("maxPartitionSize"), v.integer("concurrency"), v.bool("fullRefresh"),
                v.isSet("since") ? LocalDate.parse(v.string("since")) : null);
    }
}
