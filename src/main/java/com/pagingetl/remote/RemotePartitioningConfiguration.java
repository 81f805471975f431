package com.pagingetl.remote;

import javax.sql.DataSource;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Imported by the configuration of each job with partitions: where its partitions execute. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PartitioningProperties.class)
public class RemotePartitioningConfiguration {

    @Bean(destroyMethod = "close")
    PartitionedSteps partitionedSteps(PartitioningProperties properties, DataSource dataSource, JobRepository repository) {
        return new PartitionedSteps(properties, dataSource, repository);
    }
}
