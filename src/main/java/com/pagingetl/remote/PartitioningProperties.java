package com.pagingetl.remote;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where a job's partitions execute ({@code etl.partitioning}, {@code etl.remote.*}).
 *
 * @param partitioning {@code local} (threads of this process, the default) or {@code remote} (workers started
 *                     with {@code --worker}, sharing the job repository's PostgreSQL database)
 * @param remote       settings of remote partitioning
 */
@ConfigurationProperties("etl")
public record PartitioningProperties(@DefaultValue("local") Mode partitioning, @DefaultValue Remote remote) {

    public enum Mode { LOCAL, REMOTE }

    /**
     * {@code etl.remote.*}.
     *
     * @param transport       how partition requests travel: {@code jdbc}, a queue in the job repository's database
     *                        (spring-integration-jdbc's channel message store); the only one implemented
     * @param pollInterval    how often the manager reads the job repository for its partitions' state
     * @param leaseStaleAfter a worker's partition whose heartbeat is older than this is failed by the manager
     *                        (the worker is taken for dead); the worker beats four times per period
     */
    public record Remote(@DefaultValue("jdbc") String transport,
                         @DefaultValue("2s") Duration pollInterval,
                         @DefaultValue("1m") Duration leaseStaleAfter) {
    }

    public boolean isRemote() {
        return partitioning == Mode.REMOTE;
    }
}
