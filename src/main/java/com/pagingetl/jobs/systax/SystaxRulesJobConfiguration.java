package com.pagingetl.jobs.systax;

import java.util.List;
import java.util.Map;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.StepExecutionListener;
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
import com.pagingetl.paging.ReadAhead;
import com.pagingetl.paging.RecordBatchReader;
import com.pagingetl.progress.ProgressMonitor;
import com.pagingetl.state.WatermarkStore;

/**
 * systaxRules: extract (one process of the pointer walk, into one part) → publish (file, manifest with the
 * pointer sent and the pointer saved, then the {@value #WATERMARK} watermark = the first response's pointer).
 *
 * <p>ExecutionContext keys: job {@code watermark.before.pointer} (set at the run's first start, inherited by
 * restarts; the pointer every request of the process sends), {@code manifest.pointerSent} and
 * {@code manifest.pointerSaved} (set when publishing); extract step {@code reader.*} (position),
 * {@code rules.*} (part file), {@value ProcessPointer#SENT_KEY} and {@value ProcessPointer#FIRST_KEY}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SystaxRulesProperties.class)
public class SystaxRulesJobConfiguration {

    static final String EXTRACT = "systaxRulesExtract";
    static final String PUBLISH = "systaxRulesPublish";
    static final String PART = "rules";
    static final String WATERMARK = "pointer";
    static final String MANIFEST_SENT = PublishTasklet.MANIFEST_EXTRA + "pointerSent";
    static final String MANIFEST_SAVED = PublishTasklet.MANIFEST_EXTRA + "pointerSaved";

    @Bean
    SystaxRulesJob systaxRulesEtlJob(Job systaxRulesJob, SystaxRulesProperties properties, EtlProperties etl) {
        return new SystaxRulesJob(systaxRulesJob, properties, BatchConfiguration.layout(etl, SystaxRulesJob.NAME));
    }

    @Bean
    Job systaxRulesJob(JobRepository repository, RunStartListener runStart, Step systaxRulesExtract,
                       Step systaxRulesPublish) {
        return new JobBuilder(SystaxRulesJob.NAME, repository)
                .listener(runStart)
                .start(systaxRulesExtract)
                .next(systaxRulesPublish)
                .build();
    }

    @Bean
    Step systaxRulesExtract(JobRepository repository, PlatformTransactionManager tm,
                            RecordBatchReader<byte[]> systaxRulesReader, RecordBatchWriter systaxRulesWriter) {
        return RecordBatchStep.of(EXTRACT, repository, tm, systaxRulesReader, systaxRulesWriter);
    }

    @Bean
    @StepScope
    RecordBatchReader<byte[]> systaxRulesReader(@Value("#{stepExecution}") StepExecution step, SystaxRulesProperties properties,
                                        EtlProperties etl, ProgressMonitor monitor, ReadAhead readAhead) {
        SystaxRulesParameters params = SystaxRulesParameters.of(step.getJobParameters());
        String before = RunStartListener.before(step.getJobExecution().getExecutionContext(), WATERMARK);
        ProcessPointer pointer = new ProcessPointer(params.fullLoad() || before == null ? "" : before);
        SystaxApi api = new SystaxApi(new ApiHttpClient(etl.http().settings(), java.net.URI.create(properties.baseUrl().trim())),
                properties.baseUrl().trim(), properties.loginPath(), properties.rulesPath(), properties.username(),
                properties.password());
        SystaxRulesPagination pagination = new SystaxRulesPagination(api,
                new RulePair(properties.firstIdCenario(), properties.firstCodigoProduto()), params.paginacao(), pointer);
        return new RecordBatchReader<>(new SystaxRulesReader(SystaxRulesJob.NAME, pagination, pointer, monitor, readAhead.serial()),
                properties.chunkSize());
    }

    @Bean
    @StepScope
    RecordBatchWriter systaxRulesWriter(@Value("#{stepExecution}") StepExecution step, EtlProperties etl) {
        return new RecordBatchWriter(new GzipJsonLinesItemWriter(BatchConfiguration.workDir(etl, step), PART));
    }

    @Bean
    Step systaxRulesPublish(JobRepository repository, PlatformTransactionManager tm, EtlProperties etl,
                            WatermarkStore watermarks) {
        PublishTasklet publish = new PublishTasklet(BatchConfiguration.layout(etl, SystaxRulesJob.NAME),
                List.of(OutputSpec.single("", EXTRACT, PART)), repository, watermarks,
                run -> Map.of(WATERMARK, ProcessPointer.saved(run.stepContext(EXTRACT))));
        return new StepBuilder(PUBLISH, repository).tasklet(publish, tm)
                .listener(pointersForManifest(repository))
                .build();
    }

    /** Copies the pointers of the completed extract step into the job context, where the manifest reads them. */
    private static StepExecutionListener pointersForManifest(JobRepository repository) {
        return new StepExecutionListener() {
            @Override
            public void beforeStep(StepExecution stepExecution) {
                ExecutionContext extract = new RunView(stepExecution.getJobExecution(), repository).stepContext(EXTRACT);
                ExecutionContext job = stepExecution.getJobExecution().getExecutionContext();
                job.putString(MANIFEST_SENT, ProcessPointer.sent(extract));
                job.putString(MANIFEST_SAVED, ProcessPointer.saved(extract));
            }
        };
    }

}
