package com.pagingetl.state;

import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/** A fresh in-memory H2 database with the job repository and the suite's tables, one per test. */
record H2(DriverManagerDataSource dataSource, JdbcTemplate jdbc, TransactionTemplate tx) {

    static H2 fresh() {
        DriverManagerDataSource ds = new DriverManagerDataSource(
                "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        SchemaInitializer.initialize(ds);
        return new H2(ds, new JdbcTemplate(ds), new TransactionTemplate(new DataSourceTransactionManager(ds)));
    }

    void shutdown() {
        jdbc.execute("SHUTDOWN");
    }
}
