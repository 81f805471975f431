package com.pagingetl.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs one client process to its end and measures it: wall time from just before the process is started,
 * CPU seconds (user + sys) of the whole process, and peak resident memory.
 *
 * <p>CPU comes from bash's {@code times} after the child has exited, which counts every thread to the last
 * instruction (polling {@code /proc/<pid>/stat} would miss the tail after the last poll). Peak RSS is the
 * child's {@code VmHWM}, a high-water mark the kernel keeps, polled every 50 ms. Linux only.
 */
final class MeasuredProcess {

    private static final Pattern TIME = Pattern.compile("(\\d+)m([\\d.]+)s\\s+(\\d+)m([\\d.]+)s");
    private static final Pattern HWM = Pattern.compile("VmHWM:\\s+(\\d+) kB");

    /** What one run cost. {@code startEpochMs} is when it was started, to compare with the simulator's clock. */
    record Result(int exitCode, long startEpochMs, double wallSeconds, double cpuSeconds, long peakRssBytes, Path log) {

        /** The last lines of the process's output, for an error message. */
        String logTail(int lines) {
            return tail(log, lines);
        }
    }

    /** The last {@code lines} lines of a log, for an error message. */
    static String tail(Path log, int lines) {
        try {
            List<String> all = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    private MeasuredProcess() {
    }

    /**
     * Runs {@code command} in {@code dir} with {@code env} added to (and {@code unset} removed from) this
     * process's environment; stdout and stderr go to {@code log}.
     */
    static Result run(List<String> command, Path dir, Map<String, String> env, List<String> unset, Path log,
                      Duration timeout) throws IOException, InterruptedException {
        Path timesFile = dir.resolve(".times");
        List<String> wrapped = new ArrayList<>(List.of("bash", "-c",
                "\"$@\"; rc=$?; times > \"$BENCH_TIMES_FILE\"; exit $rc", "bench"));
        wrapped.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(wrapped).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        unset.forEach(builder.environment()::remove);
        builder.environment().putAll(env);
        builder.environment().put("BENCH_TIMES_FILE", timesFile.toString());
        builder.environment().put("LC_ALL", "C");

        long startEpochMs = System.currentTimeMillis();
        long start = System.nanoTime();
        Process process = builder.start();
        long peak = 0;
        long deadline = start + timeout.toNanos();
        while (!process.waitFor(50, TimeUnit.MILLISECONDS)) {
            peak = Math.max(peak, peakRss(process));
            if (System.nanoTime() > deadline) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new IOException("timed out after " + timeout.toSeconds() + " s: " + String.join(" ", command)
                        + " (output in " + log + ")");
            }
        }
        double wall = (System.nanoTime() - start) / 1e9;
        return new Result(process.exitValue(), startEpochMs, wall, cpu(timesFile), peak * 1024, log);
    }

    /** The largest VmHWM (kB) among the bash wrapper's descendants (the JVM). */
    private static long peakRss(Process process) {
        long max = 0;
        for (ProcessHandle child : process.descendants().toList()) {
            try {
                Matcher m = HWM.matcher(Files.readString(Path.of("/proc", Long.toString(child.pid()), "status")));
                if (m.find()) {
                    max = Math.max(max, Long.parseLong(m.group(1)));
                }
            } catch (IOException | RuntimeException gone) {
                // The process ended between listing and reading; its earlier polls count.
            }
        }
        return max;
    }

    /** The children's user + sys seconds: the second line of bash's {@code times}. */
    private static double cpu(Path timesFile) throws IOException {
        List<String> lines = Files.exists(timesFile) ? Files.readAllLines(timesFile) : List.of();
        if (lines.size() < 2) {
            return Double.NaN;
        }
        Matcher m = TIME.matcher(lines.get(1));
        if (!m.find()) {
            return Double.NaN;
        }
        return Integer.parseInt(m.group(1)) * 60 + Double.parseDouble(m.group(2))
                + Integer.parseInt(m.group(3)) * 60 + Double.parseDouble(m.group(4));
    }
}
