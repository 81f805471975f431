package com.pagingetl;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.messaging.PollableChannel;

import com.pagingetl.launch.ExitCodes;
import com.pagingetl.launch.UsageException;
import com.pagingetl.remote.PartitionWorker;
import com.pagingetl.remote.PartitionedSteps;

/**
 * {@code java -jar etl.jar --worker [--jobs=rapidContent,...] [--concurrency=N] [--<property>=value ...]}: a
 * long-running worker of remote partitioning (see {@link PartitionedSteps}). It runs until SIGTERM, after
 * which it stops its partitions after their current chunk (they stay resumable) and exits. A wrong
 * configuration (a job repository that is not PostgreSQL, an unknown job or one without partitions, a bad
 * concurrency) ends it at start with one line and exit 2.
 */
final class WorkerCommand {

    static final String FLAG = "--worker";
    private static final int MAX_CONCURRENCY = 32;

    private WorkerCommand() {
    }

    static int run(PrintStream out, PrintStream err, String... args) {
        List<String> jobs = null;
        int concurrency = 4;
        List<String> spring = new ArrayList<>();
        try {
            for (String a : args) {
                if (a.equals(FLAG)) {
                    continue;
                }
                if (a.startsWith("--jobs=")) {
                    jobs = List.of(a.substring(7).split(","));
                    jobs.forEach(JobCatalog::require);
                } else if (a.startsWith("--concurrency=")) {
                    concurrency = concurrency(a.substring(14));
                } else if (a.startsWith("--") && a.contains("=")) {
                    spring.add(a);
                } else {
                    throw new UsageException("unknown argument '" + a + "' for --worker; usage: --worker"
                            + " [--jobs=<job>,...] [--concurrency=N] [--<property>=value ...]");
                }
            }
        } catch (UsageException e) {
            err.println("usage error: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        List<String> served = jobs == null ? JobCatalog.names() : jobs;
        AtomicReference<String> repositoryUrl = new AtomicReference<>();
        ConfigurableApplicationContext context;
        PartitionWorker worker;
        try {
            context = EtlApplication.context(spring, Map.of("etl.partitioning", "remote"), false, repositoryUrl,
                    served.stream().map(JobCatalog::configuration).distinct().toArray(Class<?>[]::new));
            try {
                worker = worker(context, served, jobs != null, out);
            } catch (RuntimeException e) {
                context.close();
                throw e;
            }
        } catch (RuntimeException e) {
            return EtlApplication.startupFailure(e, err, repositoryUrl.get());
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            worker.stop();
            context.close();
        }, "worker-shutdown"));
        try {
            worker.run(concurrency);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return ExitCodes.COMPLETED;
    }

    /** The worker of the jobs with partitions among {@code served}; every named job must have some. */
    private static PartitionWorker worker(ConfigurableApplicationContext context, List<String> served, boolean named,
                                          PrintStream out) {
        PartitionedSteps partitioned = context.getBeanProvider(PartitionedSteps.class).getIfAvailable();
        Map<String, PollableChannel> queues = new LinkedHashMap<>();
        Map<String, Step> steps = new LinkedHashMap<>();
        for (String job : served) {
            Step step = partitioned == null ? null : partitioned.workerStep(job);
            if (step == null && named) {
                throw new UsageException("--jobs: job " + job + " has no partitions to execute on workers");
            }
            if (step != null) {
                queues.put(job, partitioned.requests(job));
                steps.put(job, step);
            }
        }
        if (steps.isEmpty()) {
            throw new UsageException("--worker: none of the jobs " + served + " has partitions to execute on workers");
        }
        return new PartitionWorker(queues, steps, context.getBean(JobRepository.class), partitioned.leases(),
                partitioned.transactions(), partitioned.properties().remote().pollInterval(), out);
    }

    private static int concurrency(String value) {
        try {
            int n = Integer.parseInt(value);
            if (n >= 1 && n <= MAX_CONCURRENCY) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--concurrency must be a number from 1 to " + MAX_CONCURRENCY + ", was '" + value + "'");
    }
}
