package com.pagingetl.bench;

/**
 * One measured run of one variant ({@code job} or {@code reference}).
 *
 * @param firstRequestSeconds from the process start to the first API request the simulator received
 * @param requests            API requests the simulator received during the run
 */
record Sample(String variant, int concurrency, int iteration, double wallSeconds, long records, double cpuSeconds,
              long peakRssBytes, double firstRequestSeconds, long requests) {

    double recordsPerSecond() {
        return records / wallSeconds;
    }
}
