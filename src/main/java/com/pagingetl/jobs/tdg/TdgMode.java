package com.pagingetl.jobs.tdg;

import java.util.Arrays;

import com.pagingetl.launch.UsageException;

/** What a tdgVersions run exports. */
enum TdgMode {

    /** The objects as of one version fixed when the run starts (the newest committed one). */
    SNAPSHOT("snapshot"),
    /** The objects as they were at a version given by the user. */
    AS_OF("asOf"),
    /** Every stored version of every object, up to the version fixed when the run starts. */
    HISTORY("history");

    private final String parameter;

    TdgMode(String parameter) {
        this.parameter = parameter;
    }

    String parameter() {
        return parameter;
    }

    /** The parameter values, in declaration order. */
    static java.util.List<String> parameters() {
        return Arrays.stream(values()).map(TdgMode::parameter).toList();
    }

    static TdgMode of(String value) {
        return Arrays.stream(values()).filter(m -> m.parameter.equals(value)).findFirst()
                .orElseThrow(() -> new UsageException("mode=" + value + " must be snapshot, asOf or history"));
    }
}
