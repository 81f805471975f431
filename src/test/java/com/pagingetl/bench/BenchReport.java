package com.pagingetl.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import tools.jackson.databind.json.JsonMapper;

/**
 * The benchmark's result: per concurrency and variant the median and range of each measure, the ratios
 * job/reference and job/latency-bound (requests × latency ÷ concurrency), the CPU bound ((client CPU +
 * simulator CPU) ÷ cores, since both share this machine) and each variant's wall over the larger of the two
 * bounds, and the job's timeline, as a printed table and as JSON.
 */
final class BenchReport {

    static final String JOB = "job";
    static final String REFERENCE = "reference";

    private record Measure(String name, String unit, ToDoubleFunction<Sample> value, String format) {
    }

    private static final List<Measure> MEASURES = List.of(
            new Measure("wallSeconds", "wall s", Sample::wallSeconds, "%.1f"),
            new Measure("recordsPerSecond", "records/s", Sample::recordsPerSecond, "%.0f"),
            new Measure("cpuSeconds", "CPU s (user+sys)", Sample::cpuSeconds, "%.1f"),
            new Measure("peakRssMb", "peak RSS MB", s -> s.peakRssBytes() / 1048576.0, "%.0f"),
            new Measure("firstRequestSeconds", "start to 1st request s", Sample::firstRequestSeconds, "%.2f"),
            new Measure("requests", "requests", s -> s.requests(), "%.0f"),
            new Measure("simulatorCpuSeconds", "simulator CPU s", Sample::simulatorCpuSeconds, "%.1f"));

    /** Cores the clients and the simulator share: the CPU bound divides their CPU seconds by this. */
    private static final int CORES = Runtime.getRuntime().availableProcessors();

    private final BenchOptions options;
    private final String timestamp;
    private final List<Sample> samples;
    private final RecordSet records;

    BenchReport(BenchOptions options, String timestamp, List<Sample> samples, RecordSet records) {
        this.options = options;
        this.timestamp = timestamp;
        this.samples = List.copyOf(samples);
        this.records = records;
    }

    String table() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%s on its simulator: size %s, latency %d ms, %d run(s) of each variant,"
                        + " %d records; every run published the same record set (sha256 %s...)%n",
                options.job().jobName, options.size() == 0 ? "default" : Integer.toString(options.size()),
                options.latencyMs(), options.repeat(), records.records(), records.digest().substring(0, 16)));
        for (int concurrency : options.concurrencies()) {
            out.append(String.format(Locale.ROOT, "%nconcurrency %d%n  %-24s %-26s %-26s%n", concurrency, "",
                    "job  median [min-max]", "reference  median [min-max]"));
            for (Measure m : MEASURES) {
                out.append(String.format(Locale.ROOT, "  %-24s %-26s %-26s%n", m.unit(),
                        cell(m, of(JOB, concurrency)), cell(m, of(REFERENCE, concurrency))));
            }
            Map<String, Object> ratios = ratios(concurrency);
            out.append(String.format(Locale.ROOT, "  job/reference: wall %sx, records/s %sx, CPU %sx%n",
                    fmt(ratios.get("wall")), fmt(ratios.get("recordsPerSecond")), fmt(ratios.get("cpu"))));
            if (options.latencyMs() > 0) {
                out.append(String.format(Locale.ROOT, "  latency bound (requests x %d ms / %d) %.1f s: job %sx, reference %sx%n",
                        options.latencyMs(), concurrency, (Double) ratios.get("latencyBoundSeconds"),
                        fmt(ratios.get("jobOverLatencyBound")), fmt(ratios.get("referenceOverLatencyBound"))));
            }
            out.append(String.format(Locale.ROOT, "  CPU bound ((CPU + simulator CPU) / %d cores): job %.1f s, reference %.1f s;"
                            + " wall over max(latency bound, CPU bound): job %sx, reference %sx%n", CORES,
                    (Double) ratios.get("cpuBoundSeconds"), (Double) ratios.get("referenceCpuBoundSeconds"),
                    fmt(ratios.get("jobOverFloor")), fmt(ratios.get("referenceOverFloor"))));
            List<RunTimeline> timelines = of(JOB, concurrency).stream().map(Sample::timeline)
                    .filter(java.util.Objects::nonNull).toList();
            if (!timelines.isEmpty()) {
                out.append("  job timeline, medians: ").append(timeline(new RunTimeline(timelines.get(0).firstStep(),
                        median(timelines, RunTimeline::firstStepDoneSeconds),
                        median(timelines, RunTimeline::partitionsDoneSeconds),
                        median(timelines, RunTimeline::longestPartitionSeconds),
                        median(timelines, RunTimeline::jobDoneSeconds)))).append(String.format(Locale.ROOT, ", exit %.1f%n",
                        median(values(Sample::wallSeconds, of(JOB, concurrency)))));
            }
        }
        return out.toString();
    }

    Path write(Path dir) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("job", options.job().jobName);
        json.put("timestamp", timestamp);
        json.put("size", options.size() == 0 ? null : options.size());
        json.put("latencyMs", options.latencyMs());
        json.put("repeat", options.repeat());
        json.put("simulatorOptions", options.simulatorOptions());
        json.put("jobParameters", options.jobParameters());
        json.put("jobProperties", options.jobProperties());
        json.put("simHeap", String.join(" ", options.simHeap()));
        json.put("jobHeap", String.join(" ", options.jobHeap()));
        json.put("jobCommand", options.jobJar() != null ? (options.jobJar().endsWith(".sh") ? "" : "java -jar ") + options.jobJar()
                : options.plainJar() ? "java -jar target/etl.jar" : "./run.sh");
        json.put("records", records.records());
        json.put("recordSetSha256", records.digest());
        json.put("recordSetsMatch", true);
        List<Object> results = new ArrayList<>();
        for (int concurrency : options.concurrencies()) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("concurrency", concurrency);
            Map<String, Object> variants = new LinkedHashMap<>();
            for (String variant : List.of(JOB, REFERENCE)) {
                Map<String, Object> v = new LinkedHashMap<>();
                List<Sample> runs = of(variant, concurrency);
                for (Measure m : MEASURES) {
                    double[] values = values(m, runs);
                    Map<String, Object> stats = new LinkedHashMap<>();
                    stats.put("median", median(values));
                    stats.put("min", values[0]);
                    stats.put("max", values[values.length - 1]);
                    v.put(m.name(), stats);
                }
                v.put("runs", runs);
                variants.put(variant, v);
            }
            result.put("variants", variants);
            result.put("ratios", ratios(concurrency));
            results.add(result);
        }
        json.put("results", results);
        Files.createDirectories(dir);
        Path file = dir.resolve(options.job().jobName + "-" + timestamp + ".json");
        Files.writeString(file, JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(json));
        return file;
    }

    private Map<String, Object> ratios(int concurrency) {
        List<Sample> job = of(JOB, concurrency);
        List<Sample> reference = of(REFERENCE, concurrency);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("wall", ratio(job, reference, Sample::wallSeconds));
        r.put("recordsPerSecond", ratio(job, reference, Sample::recordsPerSecond));
        r.put("cpu", ratio(job, reference, Sample::cpuSeconds));
        if (options.latencyMs() > 0) {
            double bound = median(values(s -> s.requests(), job)) * options.latencyMs() / 1000.0 / concurrency;
            r.put("latencyBoundSeconds", bound);
            r.put("jobOverLatencyBound", median(values(Sample::wallSeconds, job)) / bound);
            double referenceBound = median(values(s -> s.requests(), reference)) * options.latencyMs() / 1000.0 / concurrency;
            r.put("referenceOverLatencyBound", median(values(Sample::wallSeconds, reference)) / referenceBound);
        }
        r.put("cores", CORES);
        double jobCpuBound = cpuBound(job);
        r.put("cpuBoundSeconds", jobCpuBound);
        r.put("floorSeconds", floor(job, concurrency, jobCpuBound));
        r.put("jobOverFloor", median(values(Sample::wallSeconds, job)) / floor(job, concurrency, jobCpuBound));
        double referenceCpuBound = cpuBound(reference);
        r.put("referenceCpuBoundSeconds", referenceCpuBound);
        r.put("referenceFloorSeconds", floor(reference, concurrency, referenceCpuBound));
        r.put("referenceOverFloor", median(values(Sample::wallSeconds, reference)) / floor(reference, concurrency,
                referenceCpuBound));
        return r;
    }

    /**
     * The shortest wall time the run's CPU allows on this machine: the client's and the simulator's CPU seconds
     * (medians) over the cores they share.
     */
    private static double cpuBound(List<Sample> runs) {
        return (median(values(Sample::cpuSeconds, runs)) + median(values(Sample::simulatorCpuSeconds, runs))) / CORES;
    }

    /** The larger of the latency bound (requests x latency / concurrency) and the CPU bound. */
    private double floor(List<Sample> runs, int concurrency, double cpuBound) {
        double latencyBound = median(values(s -> s.requests(), runs)) * options.latencyMs() / 1000.0 / concurrency;
        return Math.max(latencyBound, cpuBound);
    }

    /** One run's timeline as a line of the log and the table. */
    static String timeline(RunTimeline t) {
        return String.format(Locale.ROOT, "s after process start: %s done %.1f,%s job done %.1f", t.firstStep(),
                t.firstStepDoneSeconds(), Double.isNaN(t.partitionsDoneSeconds()) ? ""
                        : String.format(Locale.ROOT, " partitions done %.1f (longest %.1f),", t.partitionsDoneSeconds(),
                        t.longestPartitionSeconds()), t.jobDoneSeconds());
    }

    private static double median(List<RunTimeline> timelines, ToDoubleFunction<RunTimeline> f) {
        double[] v = timelines.stream().mapToDouble(f).toArray();
        Arrays.sort(v);
        return median(v);
    }

    private static double ratio(List<Sample> a, List<Sample> b, ToDoubleFunction<Sample> f) {
        return median(values(f, a)) / median(values(f, b));
    }

    private List<Sample> of(String variant, int concurrency) {
        return samples.stream().filter(s -> s.variant().equals(variant) && s.concurrency() == concurrency).toList();
    }

    private static String cell(Measure m, List<Sample> runs) {
        double[] v = values(m, runs);
        String median = String.format(Locale.ROOT, m.format(), median(v));
        return v.length == 1 ? median : median + " [" + String.format(Locale.ROOT, m.format(), v[0]) + "-"
                + String.format(Locale.ROOT, m.format(), v[v.length - 1]) + "]";
    }

    private static double[] values(Measure m, List<Sample> runs) {
        return values(m.value(), runs);
    }

    private static double[] values(ToDoubleFunction<Sample> f, List<Sample> runs) {
        double[] v = runs.stream().mapToDouble(f).toArray();
        Arrays.sort(v);
        return v;
    }

    static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static String fmt(Object ratio) {
        return String.format(Locale.ROOT, "%.2f", (Double) ratio);
    }
}
