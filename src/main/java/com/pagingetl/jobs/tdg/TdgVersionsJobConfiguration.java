package com.pagingetl.jobs.tdg;

import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import com.pagingetl.batch.RecordBatchStep;
import com.pagingetl.batch.RunStartListener;
import com.pagingetl.config.BatchConfiguration;
import com.pagingetl.config.EtlProperties;
import com.pagingetl.http.ApiHttpClient;
import com.pagingetl.output.GzipJsonLinesItemWriter;
import com.pagingetl.output.OutputSpec;
import com.pagingetl.output.PublishTasklet;
import com.pagingetl.output.RecordBatchWriter;
import com.pagingetl.output.RunView;
import com.pagingetl.paging.PagingItemReader;
import com.pagingetl.paging.ReadAhead;
import com.pagingetl.paging.RecordBatchReader;
import com.pagingetl.progress.ProgressMonitor;
import com.pagingetl.state.WatermarkStore;

/**
 * tdgVersions: plan (pin the version, page size, selection and watermark) → extract (page through the
 * type as of the pinned version) → publish (file, manifest, then the update-field watermark).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TdgProperties.class)
public class TdgVersionsJobConfiguration {

    static final String PLAN = "tdgPlan";
    static final String EXTRACT = "tdgExtract";
    static final String PART = "objects";
    private static final Clock CLOCK = Clock.systemUTC();

    @Bean
    TdgApi tdgApi(TdgProperties properties, EtlProperties etl) {
        // Built even without a usable base URL so that the other jobs of the jar still start; validate() refuses
        // to run tdgVersions then, naming the property.
        URI graphql = properties.hasBaseUrl() ? properties.graphqlUri() : URI.create("http://base-url.not-configured.invalid/graphql");
        return new TdgApi(new ApiHttpClient(etl.http().settings(), graphql), graphql, properties.token());
    }

    @Bean
    TdgVersionsJob tdgVersionsEtlJob(Job tdgVersionsJob, TdgProperties properties, EtlProperties etl) {
        return new TdgVersionsJob(tdgVersionsJob, properties, BatchConfiguration.layout(etl, TdgVersionsJob.NAME));
    }

    @Bean
    Job tdgVersionsJob(JobRepository repository, RunStartListener runStart, Step tdgPlan, Step tdgExtract,
                       Step tdgPublish) {
        return new JobBuilder(TdgVersionsJob.NAME, repository)
                .listener(runStart)
                .start(tdgPlan)
                .next(tdgExtract)
                .next(tdgPublish)
                .build();
    }

    @Bean
    Step tdgPlan(JobRepository repository, PlatformTransactionManager tm, TdgApi api, TdgProperties properties) {
        return new StepBuilder(PLAN, repository).tasklet(new TdgRunPlanner(api, properties, CLOCK, repository), tm).build();
    }

    @Bean
    Step tdgExtract(JobRepository repository, PlatformTransactionManager tm, RecordBatchReader<byte[]> tdgReader,
                    RecordBatchWriter tdgWriter) {
        return RecordBatchStep.of(EXTRACT, repository, tm, tdgReader, tdgWriter);
    }

    @Bean
    @StepScope
    RecordBatchReader<byte[]> tdgReader(@Value("#{stepExecution}") StepExecution step, TdgApi api,
                                        TdgProperties properties, ProgressMonitor monitor, ReadAhead readAhead) {
        ExecutionContext job = step.getJobExecution().getExecutionContext();
        TdgParameters params = TdgParameters.of(step.getJobParameters());
        String updateField = emptyToNull(job.getString(TdgRunPlanner.UPDATE_FIELD));
        TdgQuery query = new TdgQuery(params.type(), job.getString(TdgRunPlanner.SELECTION), params.mode(),
                job.getString(TdgRunPlanner.VERSION), updateField, emptyToNull(job.getString(TdgRunPlanner.SINCE)));
        String what = params.type() + " " + params.mode().parameter() + " at version " + query.version();
        TdgPagination pagination = new TdgPagination(api, query,
                Integer.parseInt(job.getString(TdgRunPlanner.PAGE_SIZE)), what);
        return new RecordBatchReader<>(new TdgObjectReader(new PagingItemReader<>("reader", TdgVersionsJob.NAME + " "
                + params.type() + " " + params.mode().parameter(), pagination, monitor, 0, readAhead.serial()), updateField),
                properties.chunkSize());
    }

    @Bean
    @StepScope
    RecordBatchWriter tdgWriter(@Value("#{stepExecution}") StepExecution step, EtlProperties etl) {
        return new RecordBatchWriter(new GzipJsonLinesItemWriter(BatchConfiguration.workDir(etl, step), PART));
    }

    @Bean
    Step tdgPublish(JobRepository repository, PlatformTransactionManager tm, EtlProperties etl, WatermarkStore watermarks) {
        PublishTasklet publish = new PublishTasklet(BatchConfiguration.layout(etl, TdgVersionsJob.NAME),
                List.of(OutputSpec.single("", EXTRACT, PART)), repository, watermarks,
                TdgVersionsJobConfiguration::watermarksAfter);
        return new StepBuilder("tdgPublish", repository).tasklet(publish, tm).build();
    }

    /**
     * The update-field watermark moves to the highest value written by this run; a run that wrote nothing
     * keeps the one it started from. Runs without an update field keep no watermark.
     */
    static Map<String, String> watermarksAfter(RunView run) {
        ExecutionContext job = run.jobContext();
        String field = job.getString(TdgRunPlanner.UPDATE_FIELD, "");
        Map<String, String> after = new LinkedHashMap<>();
        if (field.isEmpty()) {
            return after;
        }
        ExecutionContext extract = run.stepContext(EXTRACT);
        String written = extract.containsKey(TdgObjectReader.MAX_KEY) ? extract.getString(TdgObjectReader.MAX_KEY) : null;
        String before = RunStartListener.before(job, TdgVersionsJob.watermarkName(field));
        String value = written == null ? before
                : before == null || TdgObjectReader.compare(written, before) > 0 ? written : before;
        if (value != null) {
            after.put(TdgVersionsJob.watermarkName(field), value);
        }
        return after;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

}
