package com.pagingetl.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where a remote run's time went, read from its job repository (one run per database): before the
 * partitions are sent (JVM, plan), from the manager step's start to the last partition saved (the split),
 * from there to the first partition a worker starts (the hand-off: send, a worker's idle poll, the take,
 * the worker's step start), the longest partition (a floor no number of
 * workers lowers), the partitions' total time over the slots (the even-spread floor), from the last
 * partition's end to the manager step's end (the manager's poll interval), and the publish after it.
 */
record RemoteRunBreakdown(double beforeSend, double split, double firstHandOff, double longestPartition, double evenSpread,
                          double managerLag, double afterExtract) {

    private static final String MANAGER = "rapidExtract";
    private static final String PARTITION = "rapidExtractPartition:";

    static RemoteRunBreakdown read(Connection c, int slots) throws SQLException {
        LocalDateTime jobStart;
        LocalDateTime jobEnd;
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT START_TIME, END_TIME FROM BATCH_JOB_EXECUTION")) {
            rs.next();
            jobStart = rs.getObject(1, LocalDateTime.class);
            jobEnd = rs.getObject(2, LocalDateTime.class);
        }
        LocalDateTime managerStart = null;
        LocalDateTime managerEnd = null;
        List<LocalDateTime[]> partitions = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT STEP_NAME, START_TIME, END_TIME, CREATE_TIME FROM BATCH_STEP_EXECUTION")) {
            while (rs.next()) {
                String name = rs.getString(1);
                LocalDateTime start = rs.getObject(2, LocalDateTime.class);
                LocalDateTime end = rs.getObject(3, LocalDateTime.class);
                if (name.equals(MANAGER)) {
                    managerStart = start;
                    managerEnd = end;
                } else if (name.startsWith(PARTITION)) {
                    partitions.add(new LocalDateTime[] {start, end, rs.getObject(4, LocalDateTime.class)});
                }
            }
        }
        LocalDateTime lastSaved = partitions.stream().map(p -> p[2]).max(LocalDateTime::compareTo).orElseThrow();
        LocalDateTime firstStart = partitions.stream().map(p -> p[0]).min(LocalDateTime::compareTo).orElseThrow();
        LocalDateTime lastEnd = partitions.stream().map(p -> p[1]).max(LocalDateTime::compareTo).orElseThrow();
        double longest = partitions.stream().mapToDouble(p -> seconds(p[0], p[1])).max().orElseThrow();
        double total = partitions.stream().mapToDouble(p -> seconds(p[0], p[1])).sum();
        return new RemoteRunBreakdown(seconds(jobStart, managerStart), seconds(managerStart, lastSaved),
                seconds(lastSaved, firstStart), longest,
                total / slots, seconds(lastEnd, managerEnd), seconds(managerEnd, jobEnd));
    }

    String line() {
        return String.format(Locale.ROOT, "before send %.1f s, split %.2f s, first hand-off %.2f s, longest partition"
                        + " %.1f s, even spread %.1f s, manager lag %.2f s, publish %.1f s", beforeSend, split, firstHandOff,
                longestPartition, evenSpread, managerLag, afterExtract);
    }

    private static double seconds(LocalDateTime from, LocalDateTime to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }
}
