package com.pagingetl.state;

import java.util.UUID;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.repository.support.JdbcJobRepositoryFactoryBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A fresh in-memory H2 database with Spring Batch's tables and the suite's own, one per test, and a
 * real JDBC job repository over it when a test needs one.
 */
public record TestDatabase(DriverManagerDataSource dataSource, JdbcTemplate jdbc, DataSourceTransactionManager transactions,
                           TransactionTemplate tx) {

    public static TestDatabase fresh() {
        DriverManagerDataSource ds = new DriverManagerDataSource(
                "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        SchemaInitializer.initialize(ds);
        DataSourceTransactionManager tm = new DataSourceTransactionManager(ds);
        return new TestDatabase(ds, new JdbcTemplate(ds), tm, new TransactionTemplate(tm));
    }

    public JobRepository jobRepository() {
        try {
            JdbcJobRepositoryFactoryBean factory = new JdbcJobRepositoryFactoryBean();
            factory.setDataSource(dataSource);
            factory.setTransactionManager(transactions);
            factory.afterPropertiesSet();
            return factory.getObject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public WatermarkStore watermarkStore() {
        return new WatermarkStore(jdbc, tx);
    }

    public void shutdown() {
        jdbc.execute("SHUTDOWN");
    }
}
