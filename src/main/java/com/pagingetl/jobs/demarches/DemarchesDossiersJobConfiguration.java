package com.pagingetl.jobs.demarches;

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
import com.pagingetl.output.PartRef;
import com.pagingetl.output.PublishTasklet;
import com.pagingetl.output.RecordBatchWriter;
import com.pagingetl.output.RunView;
import com.pagingetl.paging.PagingItemReader;
import com.pagingetl.paging.ReadAhead;
import com.pagingetl.paging.RecordBatchReader;
import com.pagingetl.progress.ProgressMonitor;
import com.pagingetl.state.WatermarkStore;

/**
 * demarchesDossiers: dossiers → pendingDeletedDossiers → deletedDossiers (one chunk step per connection,
 * each reading after its own cursor) → publish ({@code <base>.jsonl.gz} with the dossiers,
 * {@code <base>-deleted.jsonl.gz} with the pending then purged deletions, manifest, and then the
 * watermarks: {@code updatedSince} and each connection's last cursor).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DemarchesProperties.class)
public class DemarchesDossiersJobConfiguration {

    private static final String READER = "reader";

    @Bean
    DemarchesDocuments demarchesDocuments(DemarchesProperties properties) {
        return new DemarchesDocuments(properties);
    }

    @Bean
    DemarchesApi demarchesApi(DemarchesProperties properties, EtlProperties etl) {
        return new DemarchesApi(new ApiHttpClient(etl.http().settings(), properties.baseUrl()), properties.baseUrl(),
                properties.token());
    }

    @Bean
    DemarchesDossiersJob demarchesDossiersEtlJob(Job demarchesDossiersJob, DemarchesProperties properties,
                                                 DemarchesDocuments demarchesDocuments, EtlProperties etl) {
        return new DemarchesDossiersJob(demarchesDossiersJob, properties, demarchesDocuments,
                BatchConfiguration.layout(etl, DemarchesDossiersJob.NAME));
    }

    @Bean
    Job demarchesDossiersJob(JobRepository repository, RunStartListener runStart, Step demarchesDossiersStep,
                             Step demarchesPendingDeletedStep, Step demarchesDeletedStep, Step demarchesPublishStep) {
        return new JobBuilder(DemarchesDossiersJob.NAME, repository)
                .listener(runStart)
                .listener(new DemarchesRunSetup(repository))
                .start(demarchesDossiersStep)
                .next(demarchesPendingDeletedStep)
                .next(demarchesDeletedStep)
                .next(demarchesPublishStep)
                .build();
    }

    @Bean
    Step demarchesDossiersStep(JobRepository repository, PlatformTransactionManager tm,
                               RecordBatchReader<byte[]> demarchesDossiersReader, RecordBatchWriter demarchesDossiersWriter) {
        return RecordBatchStep.of(Connection.DOSSIERS.field, repository, tm, demarchesDossiersReader, demarchesDossiersWriter);
    }

    @Bean
    @StepScope
    RecordBatchReader<byte[]> demarchesDossiersReader(@Value("#{stepExecution}") StepExecution step, DemarchesApi api,
            DemarchesDocuments documents, DemarchesProperties properties, ProgressMonitor monitor, ReadAhead readAhead) {
        return reader(Connection.DOSSIERS, step, api, documents, properties, monitor, readAhead);
    }

    @Bean
    @StepScope
    RecordBatchWriter demarchesDossiersWriter(@Value("#{stepExecution}") StepExecution step, EtlProperties etl) {
        return new RecordBatchWriter(new GzipJsonLinesItemWriter(BatchConfiguration.workDir(etl, step),
                Connection.DOSSIERS.field));
    }

    @Bean
    Step demarchesPendingDeletedStep(JobRepository repository, PlatformTransactionManager tm,
                                     RecordBatchReader<byte[]> demarchesPendingDeletedReader,
                                     RecordBatchWriter demarchesPendingDeletedWriter) {
        return RecordBatchStep.of(Connection.PENDING_DELETED.field, repository, tm, demarchesPendingDeletedReader,
                demarchesPendingDeletedWriter);
    }

    @Bean
    @StepScope
    RecordBatchReader<byte[]> demarchesPendingDeletedReader(@Value("#{stepExecution}") StepExecution step, DemarchesApi api,
            DemarchesDocuments documents, DemarchesProperties properties, ProgressMonitor monitor, ReadAhead readAhead) {
        return reader(Connection.PENDING_DELETED, step, api, documents, properties, monitor, readAhead);
    }

    @Bean
    @StepScope
    RecordBatchWriter demarchesPendingDeletedWriter(@Value("#{stepExecution}") StepExecution step, EtlProperties etl) {
        return new RecordBatchWriter(new GzipJsonLinesItemWriter(BatchConfiguration.workDir(etl, step),
                Connection.PENDING_DELETED.field));
    }

    @Bean
    Step demarchesDeletedStep(JobRepository repository, PlatformTransactionManager tm,
                              RecordBatchReader<byte[]> demarchesDeletedReader, RecordBatchWriter demarchesDeletedWriter) {
        return RecordBatchStep.of(Connection.DELETED.field, repository, tm, demarchesDeletedReader, demarchesDeletedWriter);
    }

    @Bean
    @StepScope
    RecordBatchReader<byte[]> demarchesDeletedReader(@Value("#{stepExecution}") StepExecution step, DemarchesApi api,
            DemarchesDocuments documents, DemarchesProperties properties, ProgressMonitor monitor, ReadAhead readAhead) {
        return reader(Connection.DELETED, step, api, documents, properties, monitor, readAhead);
    }

    @Bean
    @StepScope
    RecordBatchWriter demarchesDeletedWriter(@Value("#{stepExecution}") StepExecution step, EtlProperties etl) {
        return new RecordBatchWriter(new GzipJsonLinesItemWriter(BatchConfiguration.workDir(etl, step),
                Connection.DELETED.field));
    }

    @Bean
    Step demarchesPublishStep(JobRepository repository, PlatformTransactionManager tm, EtlProperties etl,
                              WatermarkStore watermarks) {
        OutputSpec dossiers = OutputSpec.single("", Connection.DOSSIERS.field, Connection.DOSSIERS.field);
        OutputSpec deleted = new OutputSpec("-deleted", execution -> List.of(
                new PartRef(Connection.PENDING_DELETED.field, Connection.PENDING_DELETED.field),
                new PartRef(Connection.DELETED.field, Connection.DELETED.field)));
        PublishTasklet publish = new PublishTasklet(BatchConfiguration.layout(etl, DemarchesDossiersJob.NAME),
                List.of(dossiers, deleted), repository, watermarks, DemarchesDossiersJobConfiguration::watermarksAfter);
        return new StepBuilder("publish", repository).tasklet(publish, tm).build();
    }

    /**
     * {@code updatedSince} as used, and for each connection the cursor right after its last record read
     * (the reader's final position), or the cursor it started after when it read nothing; empty when
     * there is no cursor yet. A null endCursor of an empty page therefore never replaces a stored cursor.
     */
    static Map<String, String> watermarksAfter(RunView run) {
        Map<String, String> after = new LinkedHashMap<>();
        after.put(DemarchesRunSetup.WATERMARK_UPDATED_SINCE, run.jobContext().getString(DemarchesRunSetup.UPDATED_SINCE));
        for (Connection c : Connection.values()) {
            ExecutionContext step = run.stepContext(c.field);
            String token = step.containsKey(READER + ".token") ? step.getString(READER + ".token") : null;
            String cursor = token == null ? null : Cursors.cursor(token);
            if (cursor == null) {
                cursor = DemarchesRunSetup.startCursor(run.jobContext(), c);
            }
            after.put(c.watermark(), cursor == null ? "" : cursor);
        }
        return after;
    }

    private static RecordBatchReader<byte[]> reader(Connection connection, StepExecution step, DemarchesApi api,
                                                    DemarchesDocuments documents, DemarchesProperties properties,
                                                    ProgressMonitor monitor, ReadAhead readAhead) {
        DemarchesParameters params = DemarchesParameters.of(step.getJobParameters());
        ExecutionContext job = step.getJobExecution().getExecutionContext();
        String since = job.getString(DemarchesRunSetup.UPDATED_SINCE);
        ConnectionPagination strategy = new ConnectionPagination(api, documents.forConnection(connection), connection,
                params.demarche(), since, DemarchesRunSetup.startCursor(job, connection), params.first());
        String description = DemarchesDossiersJob.NAME + " démarche " + params.demarche() + " " + connection.field;
        return new RecordBatchReader<>(new PagingItemReader<>(READER, description, strategy, monitor, 0, readAhead.serial()),
                properties.chunkSize());
    }

}
