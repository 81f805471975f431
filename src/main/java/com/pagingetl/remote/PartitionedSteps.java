package com.pagingetl.remote;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.partition.StepExecutionSplitter;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.integration.partition.RemotePartitioningManagerStepBuilder;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.core.task.TaskExecutor;
import org.springframework.integration.channel.QueueChannel;
import org.springframework.integration.jdbc.store.JdbcChannelMessageStore;
import org.springframework.integration.jdbc.store.channel.PostgresChannelMessageStoreQueryProvider;
import org.springframework.integration.store.MessageGroupQueue;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.messaging.PollableChannel;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

import com.pagingetl.launch.UsageException;
import com.pagingetl.state.SchemaInitializer;

/**
 * Builds a job's partitioned step for where {@code etl.partitioning} says its partitions execute, from the one
 * worker step both ways use (same reader, writer, retries, rate limit and checkpoints):
 * <ul>
 * <li>{@code local}: threads of this process ({@code concurrency} of them);</li>
 * <li>{@code remote}: Spring Batch remote partitioning. The manager sends one {@link StepExecutionRequest}
 * per partition to the job's queue and waits by polling the job repository; workers ({@code --worker}) take
 * the requests and execute the worker step. By default ({@code etl.remote.transport=jdbc}) the queue is a
 * Spring Integration {@link QueueChannel} kept in the job repository's PostgreSQL database
 * ({@link JdbcChannelMessageStore}, tables {@code INT_*} created on first use), so the database is the only
 * infrastructure the processes share besides the output directory; {@code jms} puts it on an ActiveMQ Artemis
 * broker ({@link JmsTransport}).</li>
 * </ul>
 * Also the registry the worker reads: which worker step serves which job, and each job's queue.
 */
public class PartitionedSteps implements AutoCloseable {

    /** The message store's region: the suite's queues, apart from anything else using INT_* tables. */
    static final String REGION = "paging-etl";

    private final PartitioningProperties properties;
    private final DataSource dataSource;
    private final JobRepository repository;
    private final Map<String, Step> workerSteps = new ConcurrentHashMap<>();
    private final Map<String, PollableChannel> queues = new ConcurrentHashMap<>();
    private volatile RequestTransport transport;
    private volatile PartitionLeases leases;

    public PartitionedSteps(PartitioningProperties properties, DataSource dataSource, JobRepository repository) {
        this.properties = properties;
        this.dataSource = dataSource;
        this.repository = repository;
    }

    /**
     * The partitioned step {@code name} of {@code job}: {@code partitioner} and {@code splitter} plan the
     * partitions, {@code workerStep} executes each one, locally on {@code executor} or on the workers;
     * {@code listener} follows the manager step (progress across all partitions).
     */
    public Step partitioned(String job, String name, Partitioner partitioner, StepExecutionSplitter splitter,
                            Step workerStep, TaskExecutor executor, StepExecutionListener listener) {
        workerSteps.put(job, workerStep);
        if (!properties.isRemote()) {
            return new StepBuilder(name, repository)
                    .listener(listener)
                    .partitioner(workerStep.getName(), partitioner)
                    .splitter(splitter)
                    .step(workerStep)
                    .taskExecutor(executor)
                    .build();
        }
        requireSharedRepository();
        return new RemotePartitioningManagerStepBuilder(name, repository)
                .partitioner(workerStep.getName(), partitioner)
                .splitter(splitter)
                .outputChannel(requests(job))
                .listener(listener)
                .pollInterval(properties.remote().pollInterval().toMillis())
                .listener(new PartitionLeaseWatcher(leases(), repository, workerStep.getName(),
                        properties.remote().pollInterval()))
                .build();
    }

    /** The worker step of a job with partitions, or null for a job without (or whose configuration is not loaded). */
    public Step workerStep(String job) {
        return workerSteps.get(job);
    }

    /** The queue of a job's partition requests. */
    public PollableChannel requests(String job) {
        return queues.computeIfAbsent(job, j -> transport().queue(j));
    }

    public PartitionLeases leases() {
        if (leases == null) {
            synchronized (this) {
                if (leases == null) {
                    requireSharedRepository();
                    leases = new PartitionLeases(new JdbcTemplate(dataSource), properties.remote().leaseStaleAfter());
                }
            }
        }
        return leases;
    }

    /** Transactions of the database of the queues and the leases, in which a worker takes a request with its lease. */
    public TransactionOperations transactions() {
        return new TransactionTemplate(new JdbcTransactionManager(dataSource));
    }

    public PartitioningProperties properties() {
        return properties;
    }

    private RequestTransport transport() {
        if (transport == null) {
            synchronized (this) {
                if (transport == null) {
                    requireSharedRepository();
                    // Only the chosen transport's class is named here, so a broker's classes load only when chosen.
                    transport = properties.remote().transport().equalsIgnoreCase("jms")
                            ? new JmsTransport(properties.remote().jms()) : jdbcTransport();
                }
            }
        }
        return transport;
    }

    /** The default: each job's queue a message group of the job repository's database, tables INT_*. */
    private RequestTransport jdbcTransport() {
        SchemaInitializer.ensure(dataSource, Set.of("INT_CHANNEL_MESSAGE", "INT_MESSAGE_GROUP"),
                "org/springframework/integration/jdbc/schema-%s.sql");
        JdbcChannelMessageStore store = new JdbcChannelMessageStore(dataSource);
        store.setChannelMessageStoreQueryProvider(new PostgresChannelMessageStoreQueryProvider());
        store.setRegion(REGION);
        // Only what a partition request message holds may be deserialized from the table.
        store.addAllowedPatterns(StepExecutionRequest.class.getName(), "org.springframework.messaging.*",
                "org.springframework.integration.*", "java.util.*", "java.lang.*");
        store.afterPropertiesSet();
        return job -> new QueueChannel(new MessageGroupQueue(store, "partitions of " + job));
    }

    /**
     * Remote partitions need one job repository every process shares: PostgreSQL, whose tables of leases and
     * queues are created here on first use. An H2 file is private to its machine.
     */
    private void requireSharedRepository() {
        if (!Set.of("jdbc", "jms").contains(properties.remote().transport().toLowerCase(Locale.ROOT))) {
            throw new UsageException("etl.remote.transport=" + properties.remote().transport() + " is not supported:"
                    + " choose jdbc (a queue in the job repository's database, the default) or jms (an ActiveMQ Artemis"
                    + " broker, etl.remote.jms.*)");
        }
        String product;
        try (Connection c = dataSource.getConnection()) {
            product = c.getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
            throw new IllegalStateException("reading the job repository's database product failed: " + e.getMessage(), e);
        }
        if (!product.toLowerCase(Locale.ROOT).contains("postgres")) {
            throw new UsageException("etl.partitioning=remote needs a job repository every process shares"
                    + " (PostgreSQL: spring.datasource.url=jdbc:postgresql://host/db), not " + product
                    + "; see README 'Running on several machines'");
        }
        SchemaInitializer.ensure(dataSource, Set.of("ETL_PARTITION_LEASE"), "db/etl-remote-schema-%s.sql");
    }

    @Override
    public void close() {
        if (leases != null) {
            leases.close();
        }
        if (transport != null) {
            transport.close();
        }
    }
}
