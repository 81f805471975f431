package com.pagingetl.jobs.rapid;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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

/**
 * First step of a rapidContent run: decides full or incremental ({@code date_updated_start}), probes
 * each country's size with a minimal first page ({@code include=property_id}, reading only
 * {@code Pagination-Total-Results}), splits countries above {@code maxPartitionSize} by category, skips
 * empty slices, and saves the {@link RapidPlan} in the job's ExecutionContext.
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
        RapidQuery base = new RapidQuery(params.language(), params.supplySource(), List.of(), null, List.of(), since,
                params.include());

        ExecutorService pool = Executors.newFixedThreadPool(params.concurrency());
        try {
            Map<String, Long> countryTotals = probeAll(pool, params.countries(), c -> base.withCountry(c));
            List<RapidPlan.Slice> slices = new ArrayList<>();
            for (Map.Entry<String, Long> country : countryTotals.entrySet()) {
                String code = country.getKey();
                long total = country.getValue();
                if (total == 0) {
                    continue;
                }
                if (total <= params.maxPartitionSize()) {
                    slices.add(new RapidPlan.Slice(code, code, null, false, total));
                    continue;
                }
                RapidQuery countryQuery = base.withCountry(code);
                Map<String, Long> categories = probeAll(pool, RapidContentJob.CATEGORIES, countryQuery::withCategory);
                categories.forEach((category, n) -> {
                    if (n > 0) {
                        slices.add(new RapidPlan.Slice(code + "-cat-" + category, code, category, false, n));
                    }
                });
                long rest = probe(countryQuery.excludingCategories(RapidContentJob.CATEGORIES), code + " other categories");
                if (rest > 0) {
                    slices.add(new RapidPlan.Slice(code + "-cat-other", code, null, true, rest));
                }
            }
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
            log.info("rapidContent plan: {} partitions over {} countries, {} properties expected ({})", slices.size(),
                    countryTotals.values().stream().filter(n -> n > 0).count(), plan.expectedTotal(),
                    since == null ? "full extract" : "updated since " + since);
            return RepeatStatus.FINISHED;
        } finally {
            pool.shutdownNow();
        }
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

    private Map<String, Long> probeAll(ExecutorService pool, List<String> keys,
                                       java.util.function.Function<String, RapidQuery> query) throws InterruptedException {
        Map<String, Future<Long>> futures = new LinkedHashMap<>();
        for (String key : keys) {
            futures.put(key, pool.submit(() -> probe(query.apply(key), key)));
        }
        Map<String, Long> totals = new LinkedHashMap<>();
        for (Map.Entry<String, Future<Long>> f : futures.entrySet()) {
            try {
                totals.put(f.getKey(), f.getValue().get());
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException re) {
                    throw re;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
        return totals;
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
