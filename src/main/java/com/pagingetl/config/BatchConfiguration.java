package com.pagingetl.config;

import java.nio.file.Path;

import javax.sql.DataSource;

import org.springframework.batch.core.configuration.support.JdbcDefaultBatchConfiguration;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.pagingetl.batch.RunStartListener;
import com.pagingetl.lineage.LineageConfiguration;
import com.pagingetl.metrics.MetricsConfiguration;
import com.pagingetl.output.RunLayout;
import com.pagingetl.paging.ReadAhead;
import com.pagingetl.progress.ProgressMonitor;
import com.pagingetl.state.AutoServerHandover;
import com.pagingetl.state.OutageAwareJobRepository;
import com.pagingetl.state.RecentRunNames;
import com.pagingetl.state.RunLock;
import com.pagingetl.state.SchemaInitializer;
import com.pagingetl.state.WatermarkStore;

/**
 * The job repository on JDBC (H2 file under {@code data/} by default, any JDBC URL by
 * {@code spring.datasource.url}), created on first use, plus the shared infrastructure beans. The root of
 * every command's Spring context, next to the configuration of the one job the command needs.
 *
 * <p>Of Spring Boot's auto-configurations only the two the repository needs are imported (the pooled
 * {@code spring.datasource.*} DataSource and its transaction manager): the full set costs start-up time on
 * every run for beans (Jackson, task executors, AOP, JdbcClient...) that nothing here uses.
 */
@Configuration(proxyBeanMethods = false)
@ImportAutoConfiguration({DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class})
@EnableConfigurationProperties(EtlProperties.class)
// Each only when its property is set: a run without metrics or lineage creates and loads none of their classes.
@Import({MetricsConfiguration.class, LineageConfiguration.class})
public class BatchConfiguration extends JdbcDefaultBatchConfiguration {

    @Bean
    @Override
    public JobRepository jobRepository() {
        SchemaInitializer.initialize(getDataSource());
        return OutageAwareJobRepository.wrap(super.jobRepository(),
                applicationContext.getEnvironment().getProperty("spring.datasource.url"));
    }

    /** Destroyed before the connection pool: a process serving an H2 AUTO_SERVER repository stays for its clients. */
    @Bean
    AutoServerHandover autoServerHandover(DataSource dataSource) {
        return new AutoServerHandover(dataSource, applicationContext.getEnvironment().getProperty("spring.datasource.url"));
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

    @Bean(destroyMethod = "close")
    ReadAhead readAhead(EtlProperties properties) {
        return properties.readAhead() ? ReadAhead.enabled() : ReadAhead.OFF;
    }

    @Bean
    RunStartListener runStartListener(WatermarkStore watermarks, JobRepository jobRepository, DataSource dataSource) {
        return new RunStartListener(watermarks, jobRepository, new RecentRunNames(new JdbcTemplate(dataSource),
                getTablePrefix(), getExecutionContextSerializer(), getCharset()));
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
