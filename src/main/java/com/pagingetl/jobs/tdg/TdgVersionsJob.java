package com.pagingetl.jobs.tdg;

import java.util.List;
import java.util.Map;

import org.springframework.batch.core.job.Job;

import com.pagingetl.launch.AbstractEtlJob;
import com.pagingetl.launch.JobDescriptor;
import com.pagingetl.launch.ParameterSpec;
import com.pagingetl.launch.ParameterType;
import com.pagingetl.output.RunLayout;

/** tdgVersions as the launcher sees it: descriptor, parameter validation, secrets to redact. */
public final class TdgVersionsJob extends AbstractEtlJob {

    public static final String NAME = "tdgVersions";

    public static final JobDescriptor DESCRIPTOR = new JobDescriptor(NAME,
            "Tarantool Data Grid objects of one type as of one version: consistent snapshot, as-of, or full history",
            "tdg",
            List.of(
                    ParameterSpec.scope("type", ParameterType.matching(TdgParameters.TYPE,
                            "a TDG type name (letters, digits and _)"), null, "the TDG model type to export, e.g. Country (required)"),
                    ParameterSpec.scope("mode", ParameterType.oneOf(TdgMode.parameters()), "snapshot",
                            "snapshot (as of the newest version, fixed at start), asOf (as of version=), or history"
                                    + " (every stored version)"),
                    ParameterSpec.scope("version", ParameterType.of(TdgVersion.ALLOWED, TdgVersion::problem), "",
                            "mode=asOf only: the version to export the objects as of"),
                    ParameterSpec.option("fullRefresh", ParameterType.bool(), "false",
                            "true: ignore the update-field watermark and read everything")),
            List.of("TDG_BASE_URL / etl.jobs.tdg-versions.base-url   the grid's HTTP origin; the job posts to <base-url>/graphql",
                    "TDG_TOKEN / etl.jobs.tdg-versions.token         application token, sent as Authorization: Bearer (secret)",
                    "etl.jobs.tdg-versions.update-field.<Type>=<field>  indexed update-time field: later runs read only changes",
                    "etl.jobs.tdg-versions.fields-file=<path>        GraphQL selection to use instead of jobs/tdgVersions/<Type>.graphql",
                    "etl.jobs.tdg-versions.page-size [grid's returned hard limit], .chunk-size [1000], .clock-margin [2s]"),
            TdgParameters::checkVersion);

    private final TdgProperties properties;

    TdgVersionsJob(Job job, TdgProperties properties, RunLayout layout) {
        super(DESCRIPTOR, job, layout);
        this.properties = properties;
    }

    /** The watermark of a type's incremental reads: the highest value of its update field written so far. */
    static String watermarkName(String updateField) {
        return "since." + updateField;
    }

    @Override
    public void validate(Map<String, String> parameters) {
        properties.validate();
        TdgParameters params = TdgParameters.of(parameters);
        FieldSelection.load(params.type(), properties.fieldsFile(),
                params.mode() == TdgMode.AS_OF ? null : properties.updateFieldOf(params.type()));
    }

    @Override
    public List<String> secrets() {
        return java.util.Arrays.asList(properties.token());
    }
}
