package com.pagingetl.remote;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.batch.integration.partition.StepExecutionRequestHandler;
import org.springframework.messaging.Message;
import org.springframework.messaging.PollableChannel;
import org.springframework.transaction.support.TransactionOperations;

/**
 * A long-running worker ({@code --worker}): {@code concurrency} threads take partition requests from the
 * queues of the given jobs and execute them with Spring Batch's {@link StepExecutionRequestHandler}, each under
 * a lease, written in the transaction that takes the request, whose heartbeat tells the manager that the
 * worker lives. {@link #stop()} (SIGTERM) takes no new request and asks the running partitions to stop after
 * their current chunk, which leaves them STOPPED and resumable from their last commit by the same command on
 * any worker.
 *
 * <p>A request is executed only while its run waits for it: a request left in the queue by a run that has
 * since failed (a worker died, the manager gave up) is dropped, since that run's next command sends its own.
 */
public class PartitionWorker {

    private static final Logger log = LoggerFactory.getLogger(PartitionWorker.class);

    /**
     * Called between taking a request and writing its lease, in the take's transaction: a fault point, so
     * that a test can end the worker's JVM exactly there (a test main class sets it before the worker starts).
     */
    static volatile Consumer<StepExecutionRequest> afterTake = request -> {
    };

    private final Map<String, PollableChannel> queues;
    private final JobRepository repository;
    private final PartitionLeases leases;
    private final TransactionOperations transactions;
    private final StepExecutionRequestHandler handler = new StepExecutionRequestHandler();
    private final Duration idlePoll;
    private final PrintStream out;
    private final String name = "pid " + ProcessHandle.current().pid() + " on " + host();
    private final Set<StepExecution> running = ConcurrentHashMap.newKeySet();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean stopping;

    /**
     * @param queues   each job's request queue
     * @param steps    each job's worker step, by job
     * @param transactions transactions of the database of the queues and the leases
     * @param idlePoll how long a thread waits before polling the queues again when they were empty
     */
    public PartitionWorker(Map<String, PollableChannel> queues, Map<String, Step> steps, JobRepository repository,
                           PartitionLeases leases, TransactionOperations transactions, Duration idlePoll,
                           PrintStream out) {
        this.queues = Map.copyOf(queues);
        this.repository = repository;
        this.leases = leases;
        this.transactions = transactions;
        this.idlePoll = idlePoll;
        this.out = out;
        Map<String, Step> byName = new ConcurrentHashMap<>();
        steps.values().forEach(s -> byName.put(s.getName(), new StoppableStep(s)));
        handler.setJobRepository(repository);
        handler.setStepLocator(byName::get);
    }

    public String name() {
        return name;
    }

    /** Runs {@code concurrency} threads until {@link #stop()} and returns when all have ended. */
    public void run(int concurrency) throws InterruptedException {
        out.printf("worker %s: taking partitions of %s, %d at a time; stop with SIGTERM%n", name,
                String.join(",", queues.keySet()), concurrency);
        out.flush();
        synchronized (threads) {
            for (int i = 0; i < concurrency && !stopping; i++) {
                Thread t = new Thread(this::takeRequests, "worker-" + (i + 1));
                threads.add(t);
                t.start();
            }
        }
        for (Thread t : List.copyOf(threads)) {
            t.join();
        }
    }

    /** Takes no new request and stops each running partition after its current chunk; waits for them. */
    public void stop() {
        stopping = true;
        running.forEach(StepExecution::setTerminateOnly);
        for (Thread t : List.copyOf(threads)) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void takeRequests() {
        while (!stopping) {
            boolean idle = true;
            for (Map.Entry<String, PollableChannel> queue : queues.entrySet()) {
                if (stopping) {
                    return;
                }
                try {
                    StepExecutionRequest request = take(queue.getValue());
                    if (request != null) {
                        idle = false;
                        execute(queue.getKey(), request);
                    }
                } catch (RuntimeException e) {
                    // The database may be briefly unreachable: the next round tries again.
                    log.error("worker {}: taking a partition request of {} failed", name, queue.getKey(), e);
                }
            }
            if (idle) {
                sleep();
            }
        }
    }

    /**
     * Takes a request and writes its partition's lease in one transaction of the job repository's database:
     * a worker that dies before the commit leaves the request in the queue for another worker, one that dies
     * after it leaves a lease the manager finds stale. Never a taken partition without a lease, which the
     * manager could neither tell from one not taken yet nor see die.
     */
    private StepExecutionRequest take(PollableChannel queue) {
        return transactions.execute(tx -> {
            Message<?> message = queue.receive(0);
            if (message == null) {
                return null;
            }
            StepExecutionRequest request = (StepExecutionRequest) message.getPayload();
            afterTake.accept(request);
            leases.take(request.getStepExecutionId(), name);
            return request;
        });
    }

    private void execute(String job, StepExecutionRequest request) {
        try (PartitionLeases.Lease lease = leases.keep(request.getStepExecutionId())) {
            StepExecution partition = repository.getStepExecution(request.getStepExecutionId());
            if (partition == null || partition.getStatus() != BatchStatus.STARTING
                    || !partition.getJobExecution().getStatus().isRunning()) {
                log.warn("worker {}: dropping {} of {}: the partition is {} and its run {}", name, request, job,
                        partition == null ? "unknown" : partition.getStatus(),
                        partition == null ? "unknown" : partition.getJobExecution().getStatus());
                return;
            }
            out.printf("worker %s: executing %s partition %s (step execution %d, job execution %d)%n", name, job,
                    partition.getStepName(), partition.getId(), partition.getJobExecutionId());
            out.flush();
            StepExecution done = handler.handle(request);
            out.printf("worker %s: %s partition %s %s (%d records written)%n", name, job, done.getStepName(),
                    done.getStatus(), done.getWriteCount());
            out.flush();
        }
    }

    private void sleep() {
        try {
            Thread.sleep(idlePoll.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
        }
    }

    private static String host() {
        String jvm = ManagementFactory.getRuntimeMXBean().getName();
        return jvm.contains("@") ? jvm.substring(jvm.indexOf('@') + 1) : jvm;
    }

    /** The job's worker step, reachable by {@link #stop()} while it executes. */
    private final class StoppableStep implements Step {
        private final Step step;

        StoppableStep(Step step) {
            this.step = step;
        }

        @Override
        public String getName() {
            return step.getName();
        }

        @Override
        public boolean isAllowStartIfComplete() {
            return step.isAllowStartIfComplete();
        }

        @Override
        public int getStartLimit() {
            return step.getStartLimit();
        }

        @Override
        public void execute(StepExecution execution) throws JobInterruptedException {
            try {
                running.add(execution);
                if (stopping) {
                    execution.setTerminateOnly();
                }
                step.execute(execution);
            } finally {
                running.remove(execution);
            }
        }
    }
}
