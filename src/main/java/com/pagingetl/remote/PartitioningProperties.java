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
     *                        (spring-integration-jdbc's channel message store, the default), or {@code jms}, a queue
     *                        of an ActiveMQ Artemis broker ({@code etl.remote.jms.*})
     * @param pollInterval    how often the manager reads the job repository for its partitions' state
     * @param leaseStaleAfter a worker's partition whose heartbeat is older than this is failed by the manager
     *                        (the worker is taken for dead); the worker beats four times per period
     * @param jms             the broker of {@code transport=jms}
     */
    public record Remote(@DefaultValue("jdbc") String transport,
                         @DefaultValue("2s") Duration pollInterval,
                         @DefaultValue("1m") Duration leaseStaleAfter,
                         @DefaultValue Jms jms) {
    }

    /**
     * {@code etl.remote.jms.*}: the ActiveMQ Artemis broker of {@code etl.remote.transport=jms}.
     *
     * @param brokerUrl   the broker's URL ({@code etl.remote.jms.broker-url})
     * @param user        the broker's user ({@code etl.remote.jms.user}, from ETL_REMOTE_JMS_USER), none by default
     * @param password    its password ({@code etl.remote.jms.password}, from ETL_REMOTE_JMS_PASSWORD); never printed
     * @param queuePrefix each job's queue is this prefix followed by the job's name ({@code etl.remote.jms.queue-prefix})
     */
    public record Jms(@DefaultValue("tcp://127.0.0.1:61616") String brokerUrl, String user, String password,
                      @DefaultValue("etl.partitions.") String queuePrefix) {

        @Override
        public String toString() {
            return "Jms[brokerUrl=" + brokerUrl + ", user=" + user + ", password=" + (password == null ? "none" : "***")
                    + ", queuePrefix=" + queuePrefix + "]";
        }
    }

    public boolean isRemote() {
        return partitioning == Mode.REMOTE;
    }
}
