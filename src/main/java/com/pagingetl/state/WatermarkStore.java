package com.pagingetl.state;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The cross-run positions of each job and scope (a date, a cursor, a pointer, a version), kept as exact
 * strings in {@code ETL_WATERMARK} beside the job repository. Values move only through
 * {@link #saveAll}, which the publish step calls after the output that a value covers is under its
 * final name. Thread-safe (stateless over JDBC).
 */
public class WatermarkStore {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    public WatermarkStore(JdbcTemplate jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    /** All watermarks of a job and scope, by name; empty before the first completed run. */
    public Map<String, String> load(String job, String scope) {
        Map<String, String> values = new LinkedHashMap<>();
        jdbc.query("SELECT WM_NAME, WM_VALUE FROM ETL_WATERMARK WHERE JOB_NAME = ? AND SCOPE_KEY = ? ORDER BY WM_NAME",
                rs -> {
                    values.put(rs.getString(1), rs.getString(2));
                }, job, scope);
        return values;
    }

    /** Sets the given watermarks in one transaction; others of the scope are left as they are. */
    public void saveAll(String job, String scope, Map<String, String> values, long jobExecutionId) {
        Timestamp now = Timestamp.from(Instant.now());
        tx.executeWithoutResult(status -> values.forEach((name, value) -> {
            int updated = jdbc.update("UPDATE ETL_WATERMARK SET WM_VALUE = ?, JOB_EXECUTION_ID = ?, UPDATED_AT = ?"
                    + " WHERE JOB_NAME = ? AND SCOPE_KEY = ? AND WM_NAME = ?", value, jobExecutionId, now, job, scope, name);
            if (updated == 0) {
                jdbc.update("INSERT INTO ETL_WATERMARK (JOB_NAME, SCOPE_KEY, WM_NAME, WM_VALUE, JOB_EXECUTION_ID, UPDATED_AT)"
                        + " VALUES (?, ?, ?, ?, ?, ?)", job, scope, name, value, jobExecutionId, now);
            }
        }));
    }
}
