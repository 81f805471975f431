package com.pagingetl.bench;

/**
 * One measured run of one variant ({@code job} or {@code reference}).
 *
 * @param firstRequestSeconds from the process start to the first API request the simulator received
 * @param requests            API requests the simulator received during the run
 * @param simulatorCpuSeconds CPU seconds (user + sys) the simulator's process used during the run (NaN when
 *                            not measured)
 * @param timeline            where the job's run spent its time, from its job repository; null for the
 *                            reference client or when the repository could not be read
 */
record Sample(String variant, int concurrency, int iteration, double wallSeconds, long records, double cpuSeconds,
              long peakRssBytes, double firstRequestSeconds, long requests, double simulatorCpuSeconds,
              RunTimeline timeline) {

    double recordsPerSecond() {
        return records / wallSeconds;
    }
}
