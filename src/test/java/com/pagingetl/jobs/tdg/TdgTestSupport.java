package com.pagingetl.jobs.tdg;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.json.JsonMapper;

import com.pagingetl.output.Manifest;
import com.pagingetl.simulator.SimulatorOptions;
import com.pagingetl.simulator.tdg.TdgSimulator;
import com.pagingetl.testing.EtlRun;
import com.pagingetl.testing.PublishedOutput;

/** Shared pieces of the tdgVersions integration tests: simulator, command line, published lines. */
final class TdgTestSupport {

    /** Serializes the simulator's expected objects the way its GraphQL endpoint does, field order included. */
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern VERSION = Pattern.compile("\"version\":\"?([0-9]+)\"?");

    private TdgTestSupport() {
    }

    static TdgSimulator simulator(Map<String, String> options) {
        TdgSimulator simulator = new TdgSimulator(new SimulatorOptions(options));
        simulator.start(0);
        return simulator;
    }

    /** {@code --job=tdgVersions <params> --<client property>=<value>...} */
    static String[] command(TdgSimulator simulator, String... params) {
        List<String> args = new ArrayList<>();
        args.add("--job=tdgVersions");
        args.addAll(List.of(params));
        simulator.clientProperties().forEach((k, v) -> args.add("--" + k + "=" + v));
        return args.toArray(String[]::new);
    }

    static String[] command(TdgSimulator simulator, List<String> springArgs, String... params) {
        List<String> args = new ArrayList<>(List.of(command(simulator, params)));
        args.addAll(springArgs);
        return args.toArray(String[]::new);
    }

    static List<String> lines(List<Map<String, Object>> objects) {
        return objects.stream().map(JSON::writeValueAsString).toList();
    }

    /** The only published data file of the job directory. */
    static Path onlyFile(EtlRun etl) {
        List<Path> files = PublishedOutput.files(etl.output(TdgVersionsJob.NAME), ".jsonl.gz");
        if (files.size() != 1) {
            throw new AssertionError("expected one published file, found " + files);
        }
        return files.get(0);
    }

    static Path fileContaining(EtlRun etl, String part) {
        return PublishedOutput.files(etl.output(TdgVersionsJob.NAME), ".jsonl.gz").stream()
                .filter(p -> p.getFileName().toString().contains(part)).reduce((a, b) -> {
                    throw new AssertionError("several files contain " + part);
                }).orElseThrow(() -> new AssertionError("no file contains " + part));
    }

    static Manifest manifestOf(Path dataFile) {
        String name = dataFile.getFileName().toString().replace(".jsonl.gz", ".manifest.json");
        return PublishedOutput.manifest(dataFile.resolveSibling(name));
    }

    /** The version of a line exactly as written, digits only. */
    static String versionText(String line) {
        Matcher m = VERSION.matcher(line);
        if (!m.find()) {
            throw new AssertionError("no version in " + line);
        }
        return m.group(1);
    }
}
