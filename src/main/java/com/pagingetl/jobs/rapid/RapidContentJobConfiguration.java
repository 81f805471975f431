package com.pagingetl.jobs.rapid;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.batch.core.configuration.annotation.JobScope;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.partition.support.SimpleStepExecutionSplitter;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.core.task.TaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

import com.pagingetl.batch.RunStartListener;
import com.pagingetl.config.BatchConfiguration;
import com.pagingetl.config.EtlProperties;
import com.pagingetl.http.ApiHttpClient;
import com.pagingetl.logging.RunMdc;
import com.pagingetl.output.GzipJsonLinesItemWriter;
import com.pagingetl.output.OutputSpec;
import com.pagingetl.output.PartRef;
import com.pagingetl.output.PublishTasklet;
import com.pagingetl.paging.Page;
import com.pagingetl.paging.PageToken;
import com.pagingetl.paging.PagedItem;
import com.pagingetl.paging.PaginationStrategy;
import com.pagingetl.paging.PagingItemReader;
import com.pagingetl.paging.ReadAhead;
import com.pagingetl.progress.PartitionProgress;
import com.pagingetl.progress.ProgressMonitor;
import com.pagingetl.remote.PartitionedSteps;
import com.pagingetl.remote.RemotePartitioningConfiguration;
import com.pagingetl.state.WatermarkStore;

/**
 * rapidContent: plan (probe and split) → extract (one partition per slice, in parallel) → inactive
 * (incremental runs only) → publish (concatenate partition parts in plan order, manifest, watermark).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RapidProperties.class)
@Import(RemotePartitioningConfiguration.class)
public class RapidContentJobConfiguration {

    private static final String WORKER = "rapidExtractPartition";
    private static final String INACTIVE = "inactive";
    private static final Clock CLOCK = Clock.systemUTC();

    @Bean
    RapidApi rapidApi(RapidProperties properties, EtlProperties etl) {
        return new RapidApi(new ApiHttpClient(etl.http().settings(), properties.baseUrl()),
                new RapidSigner(properties.apiKey(), properties.sharedSecret(), CLOCK), CLOCK);
    }

    @Bean
    RapidContentJob rapidContentEtlJob(Job rapidContentJob, RapidProperties properties, EtlProperties etl) {
        return new RapidContentJob(rapidContentJob, properties, BatchConfiguration.layout(etl, RapidContentJob.NAME));
    }

    @Bean
    Job rapidContentJob(JobRepository repository, RunStartListener runStart, Step rapidPlan, Step rapidExtract,
                        Step rapidInactive, Step rapidPublish) {
        return new JobBuilder(RapidContentJob.NAME, repository)
                .listener(runStart)
                .start(rapidPlan)
                .next(rapidExtract)
                .next(rapidInactive)
                .next(rapidPublish)
                .build();
    }

    @Bean
    Step rapidPlan(JobRepository repository, PlatformTransactionManager tm, RapidApi api, RapidProperties properties) {
        return new StepBuilder("rapidPlan", repository).tasklet(new RapidPlanner(api, properties, CLOCK, repository), tm).build();
    }

    /** Partitions on this process's threads, or on workers with {@code etl.partitioning=remote}. */
    @Bean
    Step rapidExtract(JobRepository repository, Partitioner rapidPartitioner, Step rapidExtractPartition,
                      TaskExecutor rapidExecutor, ProgressMonitor monitor, PartitionedSteps partitionedSteps) {
        PartitionProgress progress = new PartitionProgress(monitor, repository, RapidContentJob.NAME + " all partitions",
                RapidContentJob.NAME + " partition ", step -> {
                    RapidPlan plan = RapidPlan.fromJson(step.getJobExecution().getExecutionContext().getString(RapidPlan.KEY));
                    return new PartitionProgress.Plan(plan.expectedTotal(),
                            plan.slices().stream().map(s -> WORKER + ":" + s.name()).toList());
                });
        return partitionedSteps.partitioned(RapidContentJob.NAME, "rapidExtract", rapidPartitioner,
                new LargestFirstSplitter(new SimpleStepExecutionSplitter(repository, WORKER, rapidPartitioner)),
                rapidExtractPartition, rapidExecutor, progress);
    }

    /** One partition per slice of the saved plan; names are stable so a restart finds each one's context. */
    @Bean
    @JobScope
    Partitioner rapidPartitioner(@Value("#{jobExecutionContext['" + RapidPlan.KEY + "']}") String plan) {
        return gridSize -> {
            Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
            for (RapidPlan.Slice slice : RapidPlan.fromJson(plan).slices()) {
                ExecutionContext context = new ExecutionContext();
                context.putString("slice", slice.toJson());
                partitions.put(slice.name(), context);
            }
            return partitions;
        };
    }

    @Bean
    @JobScope
    TaskExecutor rapidExecutor(@Value("#{jobParameters['concurrency']}") String concurrency) {
        SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("rapid-");
        executor.setConcurrencyLimit(Integer.parseInt(concurrency));
        executor.setTaskDecorator(RunMdc::decorate);
        return executor;
    }

    @Bean
    Step rapidExtractPartition(JobRepository repository, PlatformTransactionManager tm, RapidProperties properties,
                               PagingItemReader<byte[]> rapidSliceReader, GzipJsonLinesItemWriter rapidSliceWriter) {
        return new StepBuilder(WORKER, repository).<PagedItem<byte[]>, PagedItem<byte[]>>chunk(properties.chunkSize())
                .transactionManager(tm)
                .reader(rapidSliceReader)
                .writer(rapidSliceWriter)
                .build();
    }

    @Bean
    @StepScope
    PagingItemReader<byte[]> rapidSliceReader(@Value("#{stepExecution}") StepExecution step, RapidApi api,
                                              RapidProperties properties, ProgressMonitor monitor, ReadAhead readAhead) {
        RapidPlan.Slice slice = RapidPlan.Slice.fromJson(step.getExecutionContext().getString("slice"));
        RapidQuery query = slice.query(baseQuery(step));
        String description = RapidContentJob.NAME + " partition " + slice.name();
        return new PagingItemReader<>("reader", description, new LinkPagination(api, query.firstPage(properties.baseUrl()),
                LinkPagination.Body.OBJECT_BY_ID, "partition " + slice.name(), CLOCK, properties.linkSafetyMargin()),
                monitor, properties.maxRestarts(), readAhead);
    }

    @Bean
    @StepScope
    GzipJsonLinesItemWriter rapidSliceWriter(@Value("#{stepExecution}") StepExecution step, EtlProperties etl) {
        RapidPlan.Slice slice = RapidPlan.Slice.fromJson(step.getExecutionContext().getString("slice"));
        return new GzipJsonLinesItemWriter(BatchConfiguration.workDir(etl, step), slice.name());
    }

    @Bean
    Step rapidInactive(JobRepository repository, PlatformTransactionManager tm, RapidProperties properties,
                       PagingItemReader<byte[]> rapidInactiveReader, GzipJsonLinesItemWriter rapidInactiveWriter) {
        return new StepBuilder("rapidInactive", repository).<PagedItem<byte[]>, PagedItem<byte[]>>chunk(properties.chunkSize())
                .transactionManager(tm)
                .reader(rapidInactiveReader)
                .writer(rapidInactiveWriter)
                .build();
    }

    /** Reads {@code /v3/properties/inactive?since=} on incremental runs; nothing on a full extract. */
    @Bean
    @StepScope
    PagingItemReader<byte[]> rapidInactiveReader(@Value("#{stepExecution}") StepExecution step, RapidApi api,
                                                 RapidProperties properties, ProgressMonitor monitor, ReadAhead readAhead) {
        String since = step.getJobExecution().getExecutionContext().getString(RapidPlanner.SINCE_KEY);
        PaginationStrategy<byte[]> strategy = since.isEmpty() ? new NoPages()
                : new LinkPagination(api, RapidQuery.inactive(properties.baseUrl(), LocalDate.parse(since)),
                LinkPagination.Body.ARRAY, "inactive properties", CLOCK, properties.linkSafetyMargin());
        return new PagingItemReader<>("reader", RapidContentJob.NAME + " inactive properties", strategy, monitor,
                properties.maxRestarts(), readAhead);
    }

    @Bean
    @StepScope
    GzipJsonLinesItemWriter rapidInactiveWriter(@Value("#{stepExecution}") StepExecution step, EtlProperties etl) {
        return new GzipJsonLinesItemWriter(BatchConfiguration.workDir(etl, step), INACTIVE);
    }

    @Bean
    Step rapidPublish(JobRepository repository, PlatformTransactionManager tm, EtlProperties etl, WatermarkStore watermarks) {
        OutputSpec content = new OutputSpec("", execution -> RapidPlan.fromJson(
                execution.getExecutionContext().getString(RapidPlan.KEY)).slices().stream()
                .map(s -> new PartRef(WORKER + ":" + s.name(), s.name())).toList());
        OutputSpec inactive = new OutputSpec("-inactive", execution ->
                execution.getExecutionContext().getString(RapidPlanner.SINCE_KEY).isEmpty() ? List.of()
                        : List.of(new PartRef("rapidInactive", INACTIVE)));
        PublishTasklet publish = new PublishTasklet(BatchConfiguration.layout(etl, RapidContentJob.NAME),
                List.of(content, inactive), repository, watermarks,
                run -> Map.of(RapidPlanner.WATERMARK, run.jobContext().getString(RapidPlanner.RUN_START_KEY)));
        return new StepBuilder("rapidPublish", repository).tasklet(publish, tm).build();
    }


    private static RapidQuery baseQuery(StepExecution step) {
        RapidParameters params = RapidParameters.of(step.getJobParameters());
        String since = step.getJobExecution().getExecutionContext().getString(RapidPlanner.SINCE_KEY);
        return new RapidQuery(params.language(), params.supplySource(), List.of(), List.of(), List.of(),
                since.isEmpty() ? null : LocalDate.parse(since), params.include());
    }

    /** The inactive step's source on a full extract: one empty last page. */
    private static final class NoPages implements PaginationStrategy<byte[]> {
        @Override
        public PageToken firstPage() {
            return PageToken.of("none");
        }

        @Override
        public Page<byte[]> fetch(PageToken token) {
            return Page.of(List.of(), null);
        }

        @Override
        public String describe(PageToken token) {
            return "no pages (full extract)";
        }
    }
}
