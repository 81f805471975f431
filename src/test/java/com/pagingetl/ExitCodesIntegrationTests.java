package com.pagingetl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.pagingetl.launch.ExitCodes;
import com.pagingetl.launch.UsageException;
import com.pagingetl.simulator.SimulatorOptions;
import com.pagingetl.simulator.systax.SystaxSimulator;
import com.pagingetl.testing.EtlRun;

/**
 * The README's exit-code table, one case per row: what a scheduler sees for each way a command can go wrong
 * before or outside a run. Refusals that need no Spring answer before any Spring context exists: such a
 * command leaves neither the job repository's database nor the log file behind.
 */
class ExitCodesIntegrationTests {

    @TempDir
    Path home;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            --job=systaxRules paginacao=101             | usage error: systaxRules: paginacao=101 is not allowed: expected a whole number from 2 to 100
            --job=tdgVersions type=Country mode=bogus   | usage error: tdgVersions: mode=bogus is not allowed: expected one of snapshot, asOf, history
            --job=rapidContent concurrency=0            | usage error: rapidContent: concurrency=0 is not allowed: expected a whole number from 1 to 32
            --job=rapidContent countries=XX             | usage error: rapidContent: countries=XX is not allowed: 'XX' is not one of the 249 values AD, AE, AF, AG, ..., ZW
            --job=demarchesDossiers demarche=           | usage error: demarchesDossiers needs demarche=<value>, a whole number from 1 to 2147483647: démarche number (required); each démarche has its own runs and watermarks
            --job=systaxRules colour=blue               | usage error: systaxRules has no parameter 'colour'; its parameters are [paginacao, fullLoad] (see --help --job=systaxRules)
            --job=systaxRules --etl.lock-stale-after=abc | usage error: --etl.lock-stale-after=abc is not allowed: expected a duration such as 500ms, 10s or 2m
            --status --etl.http.max-attempts=many       | usage error: --etl.http.max-attempts=many is not allowed: expected a whole number
            """)
    void refusalsBeforeSpringAreOneLineAndExit2(String command, String line) {
        EtlRun.Result result = new EtlRun(home).run(command.split(" "));

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err().lines().toList()).as(result.toString()).containsExactly(line);
        assertNoSpringContext();
    }

    @Test
    void anUnknownEtlPropertyIsRefusedNamingItAndListingTheKnownOnes() {
        EtlRun.Result result = new EtlRun(home).run("--job=systaxRules", "--etl.nosuch-property=1");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err().lines().toList()).singleElement().asString()
                .startsWith("usage error: unknown property --etl.nosuch-property; the etl.* properties are etl.output-dir,")
                .contains("etl.progress-interval", "etl.http.max-attempts", "etl.jobs.systax-rules.chunk-size",
                        "etl.jobs.tdg-versions.update-field.<key>");
        assertNoSpringContext();

        // Relaxed spellings and map entries of declared properties are accepted, as Spring binds them.
        EtlRun.Result known = new EtlRun(home).run("--job=systaxRules", "paginacao=1", "--etl.progressInterval=5s",
                "--etl.jobs.tdg-versions.update-field.Country=updated_at");
        assertThat(known.lastErrorLine()).contains("paginacao=1 is not allowed");
    }

    @Test
    void versionPrintsTheProjectVersionWithoutSpring() {
        EtlRun.Result result = new EtlRun(home).run("--version");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out().strip()).matches("paging-etl \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
        assertNoSpringContext();
    }

    @Test
    void anUnknownExecutionIsOneLineAndExit2() {
        EtlRun.Result result = new EtlRun(home).run("--restart=999999");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.lastErrorLine()).isEqualTo("usage error: no execution 999999 (see --status)");
        // The control of assertNoSpringContext: a command that starts Spring leaves both behind.
        assertThat(home.resolve("data")).isDirectory();
        assertThat(home.resolve("etl.log")).exists();
    }

    @Test
    void restartingASimulatedRunSaysHowToResumeIt() {
        EtlRun etl = new EtlRun(home);
        EtlRun.Result simulated = etl.run("--job=systaxRules", "--simulate", "sim.size=300");
        assertThat(simulated.exitCode()).as(simulated.toString()).isZero();

        EtlRun.Result restart = etl.run("--restart=" + execution(simulated.out(), "completed in \\S+ \\(execution (\\d+)\\)"));

        assertThat(restart.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(restart.lastErrorLine()).startsWith("usage error: execution ")
                .endsWith(" ran against an embedded simulator (--simulate), which ended with its process; resume it"
                        + " with the command that started it: --job=systaxRules --simulate ...");
    }

    @Test
    void restartingWithoutTheCredentialVariablesNamesTheMissingOne() {
        SystaxSimulator simulator = new SystaxSimulator(new SimulatorOptions(Map.of("size", "300")));
        simulator.start(0);
        try {
            EtlRun etl = new EtlRun(home);
            List<String> args = new ArrayList<>(List.of("--job=systaxRules"));
            simulator.clientProperties().forEach((name, value) -> args.add("--" + name + "="
                    + (name.endsWith(".password") ? "wrong" : value)));
            EtlRun.Result failed = etl.run(args.toArray(String[]::new));
            assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(ExitCodes.FAILED);

            EtlRun.Result restart = etl.run("--restart=" + execution(failed.err(), "failed \\(execution (\\d+)\\)"));

            assertThat(restart.exitCode()).as(restart.toString()).isEqualTo(ExitCodes.USAGE);
            assertThat(restart.lastErrorLine()).isEqualTo(
                    "usage error: etl.jobs.systax-rules.base-url is not set: export SYSTAX_BASE_URL (or use --simulate)");
        } finally {
            simulator.close();
        }
    }

    @Test
    void startUpFailuresAreClassifiedInOnePlace() {
        assertThat(classify(new IllegalStateException("context failed", new UsageException("bad option x"))))
                .isEqualTo(ExitCodes.USAGE + " usage error: bad option x");
        assertThat(classify(new IllegalStateException("Connection refused")))
                .isEqualTo(ExitCodes.FAILED + " could not start: Connection refused -- run the same command again");
    }

    @Test
    void aBadValueFromAnotherSourceThanTheCommandLineIsAConfigurationErrorNamingTheProperty() {
        System.setProperty("etl.lock-stale-after", "soon");
        try {
            EtlRun.Result result = new EtlRun(home).run("--status");

            assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.USAGE);
            assertThat(result.lastErrorLine()).isEqualTo("configuration error: etl.lock-stale-after: 'soon' is not a valid duration");
        } finally {
            System.clearProperty("etl.lock-stale-after");
        }
    }

    @Test
    void aBadValueFromTheEnvironmentPrintsOneLineNotSpringBootsFailureReport() throws Exception {
        EtlRun.Result result = new EtlRun(home).runChild(Map.of("ETL_LOCKSTALEAFTER", "soon"), "--status");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err().strip().lines()).as(result.err())
                .containsExactly("configuration error: etl.lock-stale-after: 'soon' is not a valid duration");
        assertThat(Files.readString(home.resolve("etl.log"))).contains("APPLICATION FAILED TO START");
    }

    private void assertNoSpringContext() {
        assertThat(home.resolve("data")).doesNotExist();
        assertThat(home.resolve("etl.log")).doesNotExist();
    }

    private static String classify(RuntimeException e) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code;
        try (PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            code = EtlApplication.startupFailure(e, err, null);
        }
        return code + " " + bytes.toString(StandardCharsets.UTF_8).strip();
    }

    private static long execution(String output, String pattern) {
        Matcher m = Pattern.compile(pattern).matcher(output);
        assertThat(m.find()).as(output).isTrue();
        return Long.parseLong(m.group(1));
    }
}
