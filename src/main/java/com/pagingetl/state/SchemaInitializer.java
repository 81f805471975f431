package com.pagingetl.state;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import javax.sql.DataSource;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * Creates Spring Batch's tables (from the script shipped in spring-batch-core for the database in use)
 * and the suite's own tables on first use. Runs once at start-up, before anything touches the job
 * repository; when the tables exist it costs one metadata query.
 */
public final class SchemaInitializer {

    private static final Set<String> ETL_TABLES = Set.of("ETL_WATERMARK", "ETL_RUN_LOCK");

    private SchemaInitializer() {
    }

    public static void initialize(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            String platform = platform(c.getMetaData());
            Set<String> tables = tables(c.getMetaData());
            if (!tables.contains("BATCH_JOB_INSTANCE")) {
                new ResourceDatabasePopulator(new ClassPathResource(
                        "org/springframework/batch/core/schema-" + platform + ".sql")).populate(c);
            }
            // Every start reaches this point, so the scripts run only when a table is missing.
            if (!tables.containsAll(ETL_TABLES)) {
                new ResourceDatabasePopulator(new ClassPathResource("db/etl-schema.sql")).populate(c);
            }
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

    /** The names of all tables the connection sees, upper-cased: one metadata query, whatever the database. */
    private static Set<String> tables(DatabaseMetaData meta) throws SQLException {
        Set<String> names = new HashSet<>();
        try (ResultSet rs = meta.getTables(null, null, null, new String[] {"TABLE"})) {
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME").toUpperCase(Locale.ROOT));
            }
        }
        return names;
    }
}
