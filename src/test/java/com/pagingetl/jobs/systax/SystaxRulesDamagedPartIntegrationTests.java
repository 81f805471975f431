package com.pagingetl.jobs.systax;

import static com.pagingetl.jobs.systax.SystaxRuns.args;
import static com.pagingetl.jobs.systax.SystaxRuns.keys;
import static com.pagingetl.jobs.systax.SystaxRuns.published;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

import com.pagingetl.launch.ExitCodes;
import com.pagingetl.simulator.SimulatorOptions;
import com.pagingetl.simulator.systax.SystaxSimulator;
import com.pagingetl.testing.EtlRun;
import com.pagingetl.testing.PublishedOutput;

/**
 * A part file damaged outside the job between a failure and the resume: the resume refuses to append to it
 * (exit 2, one line naming the part, its position and --abandon), publishes nothing, and --abandon removes the
 * run's work directory so that the next command starts clean and completes.
 */
class SystaxRulesDamagedPartIntegrationTests {

    private static final Pattern FAILED_EXECUTION = Pattern.compile("failed \\(execution (\\d+)\\)");

    enum Damage { CHANGED, TRUNCATED, DELETED }

    @TempDir
    Path home;

    @ParameterizedTest(name = "{0}")
    @EnumSource(Damage.class)
    void aDamagedPartEndsTheResumeWithExit2AndAbandonCleansUpForAFreshRun(Damage damage) throws Exception {
        try (SystaxSimulator simulator = new SystaxSimulator(new SimulatorOptions(Map.of("size", "1200", "seed", "5")))) {
            simulator.start(0);
            EtlRun etl = new EtlRun(home, "--etl.jobs.systax-rules.chunk-size=150");
            simulator.failRequestsAfter(6, 500);
            EtlRun.Result failed = etl.run(args(simulator, "--etl.http.max-attempts=1"));
            assertThat(failed.exitCode()).as("%s", failed).isEqualTo(ExitCodes.FAILED);
            simulator.clearFaults();
            Path part = onlyPart(etl.output("systaxRules"));
            damage(part, damage);

            // when the same command runs again
            EtlRun.Result resumed = etl.run(args(simulator));

            // then
            assertThat(resumed.exitCode()).as("%s", resumed).isEqualTo(ExitCodes.USAGE);
            long execution = executionOf(resumed);
            assertThat(resumed.err().lines().filter(l -> !l.isBlank())).hasSize(1);
            assertThat(resumed.lastErrorLine()).startsWith("systaxRules failed").contains("part rules",
                    damage == Damage.CHANGED ? "changed outside the job" : "its last commit wrote",
                    "cannot help", "--abandon=" + execution);
            assertThat(PublishedOutput.files(etl.output("systaxRules"), ".jsonl.gz")).isEmpty();
            assertThat(PublishedOutput.files(etl.output("systaxRules"), ".manifest.json")).isEmpty();

            // when the run is abandoned
            EtlRun.Result abandoned = etl.run("--abandon=" + execution);

            // then its work directory is gone, and the next command starts a fresh run that completes
            assertThat(abandoned.exitCode()).as("%s", abandoned).isZero();
            assertThat(abandoned.out()).contains("execution " + execution + " abandoned", "removed its work directory");
            assertThat(etl.output("systaxRules").resolve(".work")).doesNotExist();
            EtlRun.Result fresh = etl.run(args(simulator));
            assertThat(fresh.exitCode()).as("%s", fresh).isZero();
            assertThat(fresh.out()).contains("starting run 2");
            assertThat(keys(published(fresh, ".jsonl.gz"))).isEqualTo(simulator.changedKeysAfter(""));
            assertThat(PublishedOutput.leftovers(etl.output("systaxRules"))).isEmpty();
        }
    }

    @Test
    void anOutputDirectoryThatCannotBeWrittenIsExit2NamingTheProperty() throws Exception {
        try (SystaxSimulator simulator = new SystaxSimulator(new SimulatorOptions(Map.of("size", "300")))) {
            simulator.start(0);
            // given etl.output-dir (home/output) is a regular file, which even root cannot create directories under
            Files.writeString(home.resolve("output"), "x");

            EtlRun.Result result = new EtlRun(home).run(args(simulator));

            assertThat(result.exitCode()).as("%s", result).isEqualTo(ExitCodes.USAGE);
            assertThat(result.lastErrorLine()).startsWith("systaxRules failed").contains("cannot be created",
                    "etl.output-dir", "fix that, then run the same command");
        }
    }

    private static void damage(Path part, Damage damage) throws Exception {
        byte[] bytes = Files.readAllBytes(part);
        switch (damage) {
            case CHANGED -> {
                bytes[bytes.length / 2] ^= 0x40;
                Files.write(part, bytes);
            }
            case TRUNCATED -> Files.write(part, java.util.Arrays.copyOf(bytes, bytes.length / 2));
            case DELETED -> Files.delete(part);
        }
    }

    private static Path onlyPart(Path jobDir) throws Exception {
        try (var files = Files.walk(jobDir)) {
            List<Path> parts = files.filter(p -> p.toString().endsWith(".jsonl.gz.part")).toList();
            assertThat(parts).hasSize(1);
            assertThat(Files.size(parts.get(0))).isPositive();
            return parts.get(0);
        }
    }

    private static long executionOf(EtlRun.Result result) {
        Matcher m = FAILED_EXECUTION.matcher(result.lastErrorLine());
        assertThat(m.find()).as(result.lastErrorLine()).isTrue();
        return Long.parseLong(m.group(1));
    }
}
