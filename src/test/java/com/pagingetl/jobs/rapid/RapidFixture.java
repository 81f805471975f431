package com.pagingetl.jobs.rapid;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;

import com.pagingetl.simulator.SimulatorOptions;
import com.pagingetl.simulator.rapid.RapidSimulator;
import com.pagingetl.testing.EtlRun;
import com.pagingetl.testing.PublishedOutput;
import com.pagingetl.testing.RepositoryDatabase;

/**
 * A small Rapid world for job tests: a simulator in this JVM (so faults, clock and counters are in the
 * test's hands and its data survives the job's processes) and a private working directory.
 */
final class RapidFixture implements AutoCloseable {

    /** US is split by category at this size; the others are single partitions; AQ has no properties. */
    static final List<String> COUNTRIES = List.of("US", "FR", "GB", "AQ");

    final RapidSimulator simulator;
    final EtlRun etl;

    RapidFixture(Path home, Map<String, String> simulatorOptions) {
        this(home, RepositoryDatabase.H2, simulatorOptions);
    }

    RapidFixture(Path home, RepositoryDatabase database, Map<String, String> simulatorOptions) {
        this(home, database.springArgs(home), simulatorOptions);
    }

    /** @param repository the {@code --spring.datasource.*} arguments of the job repository */
    RapidFixture(Path home, List<String> repository, Map<String, String> simulatorOptions) {
        Map<String, String> options = new java.util.HashMap<>(Map.of("size", "4000", "pageSize", "50", "seed", "7"));
        options.putAll(simulatorOptions);
        simulator = new RapidSimulator(new SimulatorOptions(options));
        simulator.start(0);
        List<String> spring = new ArrayList<>();
        simulator.clientProperties().forEach((k, v) -> spring.add("--" + k + "=" + v));
        etl = new EtlRun(home, repository, spring.toArray(String[]::new));
    }

    /** The job's command with the test's countries and a partition size that forces the US category split. */
    String[] command(String... extra) {
        List<String> args = new ArrayList<>(List.of("--job=rapidContent", "countries=" + String.join(",", COUNTRIES),
                "maxPartitionSize=800", "concurrency=3"));
        args.addAll(Arrays.asList(extra));
        return args.toArray(String[]::new);
    }

    EtlRun.Result run(String... extra) {
        return etl.run(command(extra));
    }

    SortedSet<String> expectedIds() {
        return simulator.expectedIds(COUNTRIES);
    }

    Path jobDir() {
        return etl.output("rapidContent");
    }

    List<Path> published(String suffix) {
        return PublishedOutput.files(jobDir(), suffix);
    }

    /** property_id of every line of a published file, duplicates kept. */
    static List<String> ids(Path file) {
        return PublishedOutput.records(file).stream().map(r -> r.get("property_id").asString()).toList();
    }

    static SortedSet<String> distinct(List<String> ids) {
        return new TreeSet<>(ids);
    }

    static JsonNode first(Path file) {
        return PublishedOutput.records(file).get(0);
    }

    /** The run resumed run 1 and completed, publishing every expected property exactly once. */
    void assertResumedAndPublishedEveryPropertyOnce(EtlRun.Result resumed) {
        assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
        assertThat(resumed.out()).contains("resuming run 1");
        List<String> ids = ids(published(".jsonl.gz").get(0));
        assertThat(ids).doesNotHaveDuplicates();
        assertThat(distinct(ids)).isEqualTo(expectedIds());
    }

    @Override
    public void close() {
        simulator.close();
    }
}
