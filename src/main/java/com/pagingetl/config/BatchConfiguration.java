package com.pagingetl.config;

import java.util.List;

import java.nio.file.Path;

import javax.sql.DataSource;

import org.springframework.batch.core.configuration.support.JdbcDefaultBatchConfiguration;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.pagingetl.batch.RunStartListener;
import com.pagingetl.launch.EtlJob;
import com.pagingetl.launch.Launcher;
import com.pagingetl.output.RunLayout;
import com.pagingetl.progress.ProgressMonitor;
import com.pagingetl.state.RunLock;
import com.pagingetl.state.SchemaInitializer;
import com.pagingetl.state.WatermarkStore;

/**
 * The job repository on JDBC (H2 file under {@code data/} by default, any JDBC URL by
 * {@code spring.datasource.url}), created on first use, plus the shared infrastructure beans. Spring
 * Boot's batch auto-configuration steps aside because this class extends
 * {@link JdbcDefaultBatchConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EtlProperties.class)
public class BatchConfiguration extends JdbcDefaultBatchConfiguration {

    @Bean
    @Override
    public JobRepository jobRepository() {
        SchemaInitializer.initialize(getDataSource());
        return super.jobRepository();
    }

    @Bean
    WatermarkStore watermarkStore(DataSource dataSource, PlatformTransactionManager transactionManager) {
        return new WatermarkStore(new JdbcTemplate(dataSource), new TransactionTemplate(transactionManager));
    }

    @Bean
    RunLock runLock(DataSource dataSource, EtlProperties properties) {
        return new RunLock(new JdbcTemplate(dataSource), properties.lockStaleAfter());
    }

    @Bean(destroyMethod = "close")
    ProgressMonitor progressMonitor(EtlProperties properties) {
        return new ProgressMonitor(properties.progressInterval());
    }

    @Bean
    RunStartListener runStartListener(WatermarkStore watermarks, JobRepository jobRepository) {
        return new RunStartListener(watermarks, jobRepository);
    }

    @Bean
    Launcher launcher(List<EtlJob> jobs, JobRepository jobRepository, JobOperator jobOperator, RunLock runLock) {
        return new Launcher(jobs, jobRepository, jobOperator, runLock, System.out, System.err);
    }

    /** Where a job's files go: {@code <etl.output-dir>/<job>/}. */
    public static RunLayout layout(EtlProperties properties, String job) {
        return new RunLayout(properties.outputDir(), job);
    }

    /** The work directory of the run a step belongs to: {@code <etl.output-dir>/<job>/.work/<run base name>/}. */
    public static Path workDir(EtlProperties properties, StepExecution step) {
        JobExecution job = step.getJobExecution();
        return layout(properties, job.getJobInstance().getJobName())
                .workDir(job.getExecutionContext().getString(RunLayout.BASE_NAME_KEY));
    }

}
