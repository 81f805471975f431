package com.pagingetl.state;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;

import javax.sql.DataSource;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * Creates Spring Batch's tables (from the script shipped in spring-batch-core for the database in use)
 * and the suite's own tables on first use. Runs once at start-up, before anything touches the job
 * repository; does nothing when the tables exist.
 */
public final class SchemaInitializer {

    private SchemaInitializer() {
    }

    public static void initialize(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            String platform = platform(c.getMetaData());
            if (!tableExists(c.getMetaData(), "BATCH_JOB_INSTANCE")) {
                new ResourceDatabasePopulator(new ClassPathResource(
                        "org/springframework/batch/core/schema-" + platform + ".sql")).populate(c);
            }
            new ResourceDatabasePopulator(new ClassPathResource("db/etl-schema.sql")).populate(c);
        } catch (SQLException e) {
            throw new IllegalStateException("initializing the job repository schema failed: " + e.getMessage(), e);
        }
    }

    static String platform(DatabaseMetaData meta) throws SQLException {
        String product = meta.getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (product.contains("h2")) {
            return "h2";
        }
        if (product.contains("postgres")) {
            return "postgresql";
        }
        throw new IllegalStateException("unsupported job repository database '" + meta.getDatabaseProductName()
                + "': etl.datasource.url must point to H2 or PostgreSQL");
    }

    private static boolean tableExists(DatabaseMetaData meta, String table) throws SQLException {
        for (String name : new String[] {table, table.toLowerCase(Locale.ROOT)}) {
            try (ResultSet rs = meta.getTables(null, null, name, null)) {
                if (rs.next()) {
                    return true;
                }
            }
        }
        return false;
    }
}
