package com.pagingetl.state;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.springframework.batch.core.repository.ExecutionContextSerializer;
import org.springframework.jdbc.core.JdbcTemplate;

import com.pagingetl.output.RunLayout;

/**
 * The base names ({@value RunLayout#BASE_NAME_KEY}) that recent runs of a job took, read from the job executions'
 * own contexts in one query. Spring Batch's {@code getLastJobExecution(JobInstance)} also loads every step
 * execution of the run and each step's context: for the 50 runs a new one looks at, that was 50 job contexts plus,
 * for rapidContent, some two thousand partition contexts, deserialised before the first request of every run.
 * Thread-safe (stateless over JDBC).
 */
public final class RecentRunNames {

    private final JdbcTemplate jdbc;
    private final String query;
    private final ExecutionContextSerializer serializer;
    private final Charset charset;

    /**
     * @param tablePrefix the job repository's table prefix ({@code BATCH_})
     * @param serializer  the job repository's execution context serializer
     * @param charset     the charset the repository stores serialised contexts in
     */
    public RecentRunNames(JdbcTemplate jdbc, String tablePrefix, ExecutionContextSerializer serializer,
                          Charset charset) {
        this.jdbc = jdbc;
        this.query = """
                SELECT c.SHORT_CONTEXT, c.SERIALIZED_CONTEXT FROM %1$sJOB_EXECUTION e
                JOIN %1$sJOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID
                JOIN %1$sJOB_EXECUTION_CONTEXT c ON c.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID
                WHERE i.JOB_NAME = ? AND e.JOB_INSTANCE_ID <> ? AND e.CREATE_TIME >= ?
                ORDER BY e.JOB_EXECUTION_ID DESC""".formatted(tablePrefix);
        this.serializer = serializer;
        this.charset = charset;
    }

    /**
     * The base names of the newest {@code limit} executions of {@code job} created at or after {@code since}, other
     * than those of job instance {@code excludeInstance}; executions whose context has no base name are skipped.
     */
    public Set<String> since(String job, long excludeInstance, LocalDateTime since, int limit) {
        Set<String> names = new HashSet<>();
        jdbc.query(connection -> {
            var statement = connection.prepareStatement(query);
            statement.setString(1, job);
            statement.setLong(2, excludeInstance);
            statement.setTimestamp(3, Timestamp.valueOf(since));
            statement.setMaxRows(limit);
            return statement;
        }, rs -> {
            String serialized = rs.getString("SERIALIZED_CONTEXT");
            if (serialized == null) {
                serialized = rs.getString("SHORT_CONTEXT");
            }
            Object name = deserialize(serialized).get(RunLayout.BASE_NAME_KEY);
            if (name instanceof String s) {
                names.add(s);
            }
        });
        return names;
    }

    private Map<String, Object> deserialize(String serialized) {
        try {
            return serializer.deserialize(new ByteArrayInputStream(serialized.getBytes(charset)));
        } catch (IOException e) {
            throw new IllegalStateException("reading the base names of recent runs from the job repository: a job"
                    + " execution's context does not deserialize: " + e.getMessage(), e);
        }
    }
}
