package com.pagingetl.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneId;

import com.pagingetl.testing.EtlRun;

/**
 * Where one local job run spent its wall time, read from the step and job times its H2 job repository
 * ({@code <run dir>/data/etl}) holds, in seconds after the benchmark started the process: when the first
 * step ended (rapidContent's {@code rapidPlan}: the last size probe answered and the plan saved), when the
 * last partition ended (about when the last data page was served; NaN for a job without partitions), the
 * longest partition (a floor no concurrency lowers) and when the job execution ended (publish included;
 * the rest of the wall time is tear-down). Times are the job's local clock, on the same machine.
 */
record RunTimeline(String firstStep, double firstStepDoneSeconds, double partitionsDoneSeconds,
                   double longestPartitionSeconds, double jobDoneSeconds) {

    static RunTimeline read(Path runDir, long processStartEpochMs) throws IOException, SQLException {
        try (Connection c = EtlRun.openH2(runDir); Statement s = c.createStatement()) {
            double jobDone;
            try (ResultSet rs = s.executeQuery("SELECT MAX(END_TIME) FROM BATCH_JOB_EXECUTION")) {
                rs.next();
                jobDone = seconds(rs.getObject(1, LocalDateTime.class), processStartEpochMs);
            }
            String firstStep = null;
            double firstStepDone = Double.NaN;
            double partitionsDone = Double.NaN;
            double longest = Double.NaN;
            try (ResultSet rs = s.executeQuery("SELECT STEP_NAME, START_TIME, END_TIME FROM BATCH_STEP_EXECUTION"
                    + " ORDER BY START_TIME, STEP_EXECUTION_ID")) {
                while (rs.next()) {
                    String name = rs.getString(1);
                    double start = seconds(rs.getObject(2, LocalDateTime.class), processStartEpochMs);
                    double end = seconds(rs.getObject(3, LocalDateTime.class), processStartEpochMs);
                    if (firstStep == null) {
                        firstStep = name;
                        firstStepDone = end;
                    }
                    // Partition steps are named <worker step>:<partition>.
                    if (name.contains(":")) {
                        partitionsDone = Double.isNaN(partitionsDone) ? end : Math.max(partitionsDone, end);
                        longest = Double.isNaN(longest) ? end - start : Math.max(longest, end - start);
                    }
                }
            }
            return new RunTimeline(firstStep, firstStepDone, partitionsDone, longest, jobDone);
        }
    }

    private static double seconds(LocalDateTime time, long processStartEpochMs) {
        return time == null ? Double.NaN
                : (time.atZone(ZoneId.systemDefault()).toInstant().toEpochMilli() - processStartEpochMs) / 1000.0;
    }
}
