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
 *
 * <p>On PostgreSQL the check and the scripts run under a session advisory lock: a manager and its workers
 * started at once on an empty database would otherwise all find the tables missing and all create them.
 */
public final class SchemaInitializer {

    private static final Set<String> ETL_TABLES = Set.of("ETL_WATERMARK", "ETL_RUN_LOCK");
    /** The advisory lock key of schema creation on PostgreSQL (any constant the suite uses for nothing else). */
    private static final long SCHEMA_LOCK = 0x70616769_6e67L;

    private SchemaInitializer() {
    }

    public static void initialize(DataSource dataSource) {
        ensure(dataSource, Set.of("BATCH_JOB_INSTANCE"), "org/springframework/batch/core/schema-%s.sql");
        ensure(dataSource, ETL_TABLES, "db/etl-schema.sql");
    }

    /**
     * Runs the classpath script {@code script} ({@code %s} stands for the platform, {@code h2} or
     * {@code postgresql}) when one of {@code tables} is missing.
     */
    public static void ensure(DataSource dataSource, Set<String> tables, String script) {
        try (Connection c = dataSource.getConnection()) {
            String platform = platform(c.getMetaData());
            // Every start reaches this point, so the script runs only when a table is missing.
            if (tables(c.getMetaData()).containsAll(tables)) {
                return;
            }
            boolean locked = platform.equals("postgresql");
            if (locked) {
                c.createStatement().execute("SELECT pg_advisory_lock(" + SCHEMA_LOCK + ")");
            }
            try {
                if (!tables(c.getMetaData()).containsAll(tables)) {
                    new ResourceDatabasePopulator(new ClassPathResource(script.formatted(platform))).populate(c);
                }
            } finally {
                if (locked) {
                    c.createStatement().execute("SELECT pg_advisory_unlock(" + SCHEMA_LOCK + ")");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("initializing the job repository schema (" + script.formatted("<db>")
                    + ") failed: " + e.getMessage(), e);
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
