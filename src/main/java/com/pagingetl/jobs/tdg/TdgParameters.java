package com.pagingetl.jobs.tdg;

import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.batch.core.job.parameters.JobParameters;

import com.pagingetl.launch.JobParameterValues;
import com.pagingetl.launch.UsageException;

/**
 * The tdgVersions job parameters, parsed and validated; a bad value is a usage error naming the parameter.
 *
 * @param version the as-of version of {@code mode=asOf} (canonical decimal text), else null
 */
record TdgParameters(String type, TdgMode mode, String version, boolean fullRefresh) {

    /** A GraphQL name, which is what a TDG model type name is. */
    static final Pattern TYPE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    static TdgParameters of(Map<String, String> p) {
        String type = p.getOrDefault("type", "");
        if (type.isBlank()) {
            throw new UsageException("type= is required: the TDG model type to export, e.g. type=Country");
        }
        if (!TYPE.matcher(type).matches()) {
            throw new UsageException("type=" + type + " is not a TDG type name (letters, digits and _)");
        }
        TdgMode mode = TdgMode.of(p.getOrDefault("mode", "snapshot"));
        String versionText = p.getOrDefault("version", "");
        String version = null;
        if (mode == TdgMode.AS_OF) {
            if (versionText.isBlank()) {
                throw new UsageException("mode=asOf needs version=<v>, the version to export the objects as of");
            }
            try {
                version = TdgVersion.parse(versionText);
            } catch (IllegalArgumentException e) {
                throw new UsageException("version=" + versionText + ": " + e.getMessage());
            }
        } else if (!versionText.isBlank()) {
            throw new UsageException("version=" + versionText + " applies only to mode=asOf; mode=" + mode.parameter()
                    + " fixes its own version when the run starts");
        }
        String full = p.getOrDefault("fullRefresh", "false");
        if (!full.equals("true") && !full.equals("false")) {
            throw new UsageException("fullRefresh=" + full + " must be true or false");
        }
        return new TdgParameters(type, mode, version, Boolean.parseBoolean(full));
    }

    static TdgParameters of(JobParameters jobParameters) {
        return of(JobParameterValues.asMap(jobParameters));
    }
}
