package com.pagingetl.jobs.rapid;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import com.pagingetl.batch.RunStartListener;
import com.pagingetl.http.ApiCallException;
import com.pagingetl.http.ApiResponse;
import com.pagingetl.logging.RunMdc;

/**
 * First step of a rapidContent run: decides full or incremental ({@code date_updated_start}), probes
 * sizes with minimal first pages ({@code include=property_id}, reading only
 * {@code Pagination-Total-Results}) on {@link #probeThreads twice {@code concurrency}} threads, cuts the run into slices as
 * {@link RapidSlicer} describes (groups of countries, country, then category, then star rating), and saves the
 * {@link RapidPlan} in the job's ExecutionContext.
 *
 * <h2>Restart contract</h2>
 * Once the plan is saved the step is complete and a restart reuses the plan as it is, so partitions
 * keep their names and their committed positions. Keys: {@value RapidPlan#KEY}, {@value #SINCE_KEY}
 * (empty for a full extract), {@value #RUN_START_KEY}.
 */
final class RapidPlanner implements Tasklet {

    static final String SINCE_KEY = "rapid.dateUpdatedStart";
    static final String RUN_START_KEY = "rapid.runStartDate";
    static final String WATERMARK = "lastRunStartDate";

    private static final Logger log = LoggerFactory.getLogger(RapidPlanner.class);

    private final RapidApi api;
    private final RapidProperties properties;
    private final Clock clock;
    private final JobRepository repository;

    RapidPlanner(RapidApi api, RapidProperties properties, Clock clock, JobRepository repository) {
        this.api = api;
        this.properties = properties;
        this.clock = clock;
        this.repository = repository;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        ExecutionContext jobContext = contribution.getStepExecution().getJobExecution().getExecutionContext();
        if (jobContext.containsKey(RapidPlan.KEY)) {
            return RepeatStatus.FINISHED;
        }
        RapidParameters params = RapidParameters.of(contribution.getStepExecution().getJobParameters());
        LocalDate since = since(params, jobContext);
        RapidQuery base = new RapidQuery(params.language(), params.supplySource(), List.of(), List.of(), List.of(),
                since, params.include());

        AtomicInteger threads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(probeThreads(params.concurrency()), r -> {
            Thread t = new Thread(r, "rapid-probe-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<RapidPlan.Slice> slices = new RapidSlicer(this::probe, RunMdc.propagating(pool), params.maxPartitionSize(),
                    params.concurrency()).slices(base, params.countries());
            RapidPlan plan = new RapidPlan(slices);
            jobContext.putString(RapidPlan.KEY, plan.toJson());
            jobContext.putString(SINCE_KEY, since == null ? "" : since.toString());
            jobContext.putString(RUN_START_KEY, LocalDate.now(clock.withZone(ZoneOffset.UTC)).toString());
            jobContext.putString("manifest.mode", since == null ? "full" : "incremental");
            jobContext.putString("manifest.dateUpdatedStart", since == null ? "" : since.toString());
            jobContext.putString("manifest.partitions", Integer.toString(slices.size()));
            // Spring Batch saves the job's context only after it has marked this step COMPLETED; a kill -9 in
            // between would leave a completed plan step and no plan. Saved here, before the step's commit,
            // a restart finds either the plan or a plan step that runs again.
            repository.updateExecutionContext(contribution.getStepExecution().getJobExecution());
            log.info("rapidContent plan: {} partitions ({} of them packing small countries or categories), {}"
                            + " properties expected ({}); largest: {}",
                    slices.size(), slices.stream().filter(s -> s.countries() != null || s.categories() != null).count(),
                    plan.expectedTotal(), since == null ? "full extract" : "updated since " + since,
                    plan.runOrder().stream().limit(3).map(s -> s.name() + "=" + s.expected()).toList());
            return RepeatStatus.FINISHED;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Probes sent at once: twice the partitions read at once, as many requests as the extract has in flight
     * with read-ahead. A probe is one small page ({@code include=property_id}) and half the requests of a
     * run at the guide's plan are probes (305 of 637 on the simulator's default data set), so with 100 ms per
     * request the plan took as long as the extract at {@code concurrency} probes at a time.
     */
    static int probeThreads(int concurrency) {
        return 2 * concurrency;
    }

    private LocalDate since(RapidParameters params, ExecutionContext jobContext) {
        if (params.since() != null) {
            return params.since();
        }
        if (params.fullRefresh()) {
            return null;
        }
        String last = RunStartListener.before(jobContext, WATERMARK);
        return last == null ? null : LocalDate.parse(last);
    }

    private long probe(RapidQuery query, String what) {
        ApiResponse response = api.get(query.probe(properties.baseUrl()), "size probe of " + what);
        String total = response.header("Pagination-Total-Results").orElseThrow(() -> new ApiCallException(
                "size probe of " + what + " failed: the answer has no Pagination-Total-Results header"));
        try {
            return Long.parseLong(total.trim());
        } catch (NumberFormatException e) {
            throw new ApiCallException("size probe of " + what + " failed: Pagination-Total-Results is '" + total + "'");
        }
    }

}
