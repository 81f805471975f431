package com.pagingetl;

import java.util.List;
import java.util.Optional;

import com.pagingetl.config.EtlProperties;
import com.pagingetl.jobs.demarches.DemarchesDossiersJob;
import com.pagingetl.jobs.demarches.DemarchesDossiersJobConfiguration;
import com.pagingetl.jobs.demarches.DemarchesProperties;
import com.pagingetl.jobs.rapid.RapidContentJob;
import com.pagingetl.jobs.rapid.RapidContentJobConfiguration;
import com.pagingetl.jobs.rapid.RapidProperties;
import com.pagingetl.jobs.systax.SystaxRulesJob;
import com.pagingetl.jobs.systax.SystaxRulesJobConfiguration;
import com.pagingetl.jobs.systax.SystaxRulesProperties;
import com.pagingetl.jobs.tdg.TdgProperties;
import com.pagingetl.jobs.tdg.TdgVersionsJob;
import com.pagingetl.jobs.tdg.TdgVersionsJobConfiguration;
import com.pagingetl.launch.JobDescriptor;
import com.pagingetl.launch.UsageException;
import com.pagingetl.remote.PartitioningProperties;

/**
 * The jobs this jar can run, known without starting Spring so that --help and --list answer at once, and
 * the {@code @Configuration} of each: a command builds its Spring context with the configuration of the one
 * job it needs, never all four.
 */
final class JobCatalog {

    static final List<JobDescriptor> JOBS = List.of(RapidContentJob.DESCRIPTOR, DemarchesDossiersJob.DESCRIPTOR,
            SystaxRulesJob.DESCRIPTOR, TdgVersionsJob.DESCRIPTOR);

    private JobCatalog() {
    }

    static JobDescriptor require(String name) {
        return find(name).orElseThrow(() -> new UsageException("unknown job '" + name + "'; jobs are " + names()));
    }

    static Optional<JobDescriptor> find(String name) {
        return JOBS.stream().filter(j -> j.name().equals(name)).findFirst();
    }

    static List<String> names() {
        return JOBS.stream().map(JobDescriptor::name).toList();
    }

    /**
     * The {@code @ConfigurationProperties} records that declare every {@code etl.*} property, for the check of
     * --etl.* arguments before Spring starts. Listed rather than scanned: a class-path scan costs about half a
     * CPU second of every start; {@code EtlPropertiesCatalogTests} scans instead and finds any record missing here.
     */
    static List<Class<?>> propertyClasses() {
        return List.of(EtlProperties.class, RapidProperties.class, DemarchesProperties.class, SystaxRulesProperties.class,
                TdgProperties.class, PartitioningProperties.class);
    }

    /** The {@code @Configuration} class that defines the named job's beans. */
    static Class<?> configuration(String name) {
        JobDescriptor job = require(name);
        if (job == RapidContentJob.DESCRIPTOR) {
            return RapidContentJobConfiguration.class;
        }
        if (job == DemarchesDossiersJob.DESCRIPTOR) {
            return DemarchesDossiersJobConfiguration.class;
        }
        if (job == SystaxRulesJob.DESCRIPTOR) {
            return SystaxRulesJobConfiguration.class;
        }
        if (job == TdgVersionsJob.DESCRIPTOR) {
            return TdgVersionsJobConfiguration.class;
        }
        throw new IllegalStateException("job " + name + " has no configuration class");
    }
}
