package com.pagingetl;

import java.util.List;
import java.util.Optional;

import com.pagingetl.jobs.demarches.DemarchesDossiersJob;
import com.pagingetl.jobs.rapid.RapidContentJob;
import com.pagingetl.jobs.systax.SystaxRulesJob;
import com.pagingetl.jobs.tdg.TdgVersionsJob;
import com.pagingetl.launch.JobDescriptor;
import com.pagingetl.launch.UsageException;

/** The jobs this jar can run, known without starting Spring so that --help and --list answer at once. */
final class JobCatalog {

    static final List<JobDescriptor> JOBS = List.of(RapidContentJob.DESCRIPTOR, DemarchesDossiersJob.DESCRIPTOR,
            SystaxRulesJob.DESCRIPTOR, TdgVersionsJob.DESCRIPTOR);

    private JobCatalog() {
    }

    static JobDescriptor require(String name) {
        return find(name).orElseThrow(() -> new UsageException("unknown job '" + name + "'; jobs are "
                + JOBS.stream().map(JobDescriptor::name).toList()));
    }

    static Optional<JobDescriptor> find(String name) {
        return JOBS.stream().filter(j -> j.name().equals(name)).findFirst();
    }
}
