package com.pagingetl.jobs.tdg;

import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.batch.core.job.parameters.JobParameters;

import com.pagingetl.launch.ParameterValues;
import com.pagingetl.launch.UsageException;

/**
 * The tdgVersions job parameters as the job reads them; {@link TdgVersionsJob#DESCRIPTOR} declares and checks
 * them (with {@link #checkVersion}), so a bad value is a usage error naming the parameter before anything starts.
 *
 * @param version the as-of version of {@code mode=asOf} (canonical decimal text), else null
 */
record TdgParameters(String type, TdgMode mode, String version, boolean fullRefresh) {

    /** A GraphQL name, which is what a TDG model type name is. */
    static final Pattern TYPE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    static TdgParameters of(Map<String, String> parameters) {
        return of(TdgVersionsJob.DESCRIPTOR.validate(parameters));
    }

    static TdgParameters of(JobParameters jobParameters) {
        return of(TdgVersionsJob.DESCRIPTOR.values(jobParameters));
    }

    private static TdgParameters of(ParameterValues v) {
        TdgMode mode = TdgMode.of(v.string("mode"));
        return new TdgParameters(v.string("type"), mode, mode == TdgMode.AS_OF ? TdgVersion.parse(v.string("version")) : null,
                v.bool("fullRefresh"));
    }

    /** version= goes with mode=asOf and only with it: the other modes fix their version when the run starts. */
    static void checkVersion(ParameterValues v) {
        boolean asOf = v.string("mode").equals(TdgMode.AS_OF.parameter());
        if (asOf && !v.isSet("version")) {
            throw new UsageException("tdgVersions: mode=asOf needs version=<v>, the version to export the objects as of");
        }
        if (!asOf && v.isSet("version")) {
            throw new UsageException("tdgVersions: version=" + v.string("version") + " applies only to mode=asOf; mode="
                    + v.string("mode") + " fixes its own version when the run starts");
        }
    }
}
