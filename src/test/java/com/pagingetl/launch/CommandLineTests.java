package com.pagingetl.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommandLineTests {

    @Test
    void runWithParametersSimulatorOptionsAndSpringProperties() {
        CommandLine c = CommandLine.parse("--job=rapidContent", "--simulate", "country=FR", "category=1,2",
                "sim.faults=0.1", "--etl.output=/tmp/out", "query=a=b");

        assertThat(c.verb()).isEqualTo(CommandLine.Verb.RUN);
        assertThat(c.job()).isEqualTo("rapidContent");
        assertThat(c.simulate()).isTrue();
        assertThat(c.parameters()).containsExactly(Map.entry("country", "FR"), Map.entry("category", "1,2"),
                Map.entry("query", "a=b"));
        assertThat(c.simulatorOptions()).containsExactly(Map.entry("faults", "0.1"));
        assertThat(c.springArgs()).containsExactly("--etl.output=/tmp/out");
    }

    @Test
    void noArgumentsMeansHelp() {
        assertThat(CommandLine.parse().verb()).isEqualTo(CommandLine.Verb.HELP);
    }

    @ParameterizedTest
    @ValueSource(strings = {"--help", "-h", "help"})
    void helpSpellings(String arg) {
        assertThat(CommandLine.parse(arg).verb()).isEqualTo(CommandLine.Verb.HELP);
        assertThat(CommandLine.parse(arg, "--job=tdgChanges").job()).isEqualTo("tdgChanges");
    }

    @Test
    void listAndStatus() {
        assertThat(CommandLine.parse("--list").verb()).isEqualTo(CommandLine.Verb.LIST);
        CommandLine status = CommandLine.parse("--status", "--job=systax");
        assertThat(status.verb()).isEqualTo(CommandLine.Verb.STATUS);
        assertThat(status.job()).isEqualTo("systax");
    }

    @Test
    void versionAndStatusAsJson() {
        assertThat(CommandLine.parse("--version").verb()).isEqualTo(CommandLine.Verb.VERSION);
        assertThat(CommandLine.parse("--status", "--json").json()).isTrue();
        assertThat(CommandLine.parse("--status").json()).isFalse();
        assertThatThrownBy(() -> CommandLine.parse("--job=systaxRules", "--json"))
                .isInstanceOf(UsageException.class).hasMessage("--json goes with --status only");
        assertThatThrownBy(() -> CommandLine.parse("--version", "--status")).isInstanceOf(UsageException.class);
    }

    @Test
    void executionVerbsCarryTheId() {
        assertThat(CommandLine.parse("--restart=12")).satisfies(c -> {
            assertThat(c.verb()).isEqualTo(CommandLine.Verb.RESTART);
            assertThat(c.executionId()).isEqualTo(12);
        });
        assertThat(CommandLine.parse("--stop=3").verb()).isEqualTo(CommandLine.Verb.STOP);
        assertThat(CommandLine.parse("--abandon=4").executionId()).isEqualTo(4);
    }

    @Test
    void executionIdMustBeANumber() {
        assertThatThrownBy(() -> CommandLine.parse("--restart=last"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--restart=last")
                .hasMessageContaining("must be a number");
    }

    @Test
    void conflictingVerbsAreRefused() {
        assertThatThrownBy(() -> CommandLine.parse("--list", "--status"))
                .isInstanceOf(UsageException.class).hasMessageContaining("choose one of");
        assertThatThrownBy(() -> CommandLine.parse("--restart=1", "--abandon=1"))
                .isInstanceOf(UsageException.class);
    }

    @Test
    void unknownArgumentIsNamed() {
        assertThatThrownBy(() -> CommandLine.parse("--job=x", "--verbose"))
                .isInstanceOf(UsageException.class).hasMessageContaining("'--verbose'");
        assertThatThrownBy(() -> CommandLine.parse("--job=x", "country"))
                .isInstanceOf(UsageException.class).hasMessageContaining("'country'");
    }

    @Test
    void runVerbNeedsAJob() {
        assertThatThrownBy(() -> CommandLine.parse("--simulate"))
                .isInstanceOf(UsageException.class).hasMessageContaining("--job=<name> is required");
    }

    @Test
    void simulatorOptionsNeedSimulate() {
        assertThatThrownBy(() -> CommandLine.parse("--job=rapidContent", "sim.faults=1"))
                .isInstanceOf(UsageException.class).hasMessageContaining("sim.* options need --simulate");
    }

    @Test
    void standaloneSimulator() {
        CommandLine c = CommandLine.parse("simulate", "rapid", "--port", "8089", "sim.records=500");

        assertThat(c.verb()).isEqualTo(CommandLine.Verb.SIMULATE);
        assertThat(c.simulatorName()).isEqualTo("rapid");
        assertThat(c.port()).isEqualTo(8089);
        assertThat(c.simulatorOptions()).containsExactly(Map.entry("records", "500"));
        assertThat(CommandLine.parse("simulate", "tdg", "--port=0").port()).isZero();
    }

    @Test
    void simulateNeedsAnApiName() {
        for (List<String> args : List.of(List.of("simulate"), List.of("simulate", "--port", "1"), List.of("simulate", "a=b"))) {
            assertThatThrownBy(() -> CommandLine.parse(args.toArray(String[]::new)))
                    .isInstanceOf(UsageException.class).hasMessageContaining("simulate needs an API name");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"x", "-1", "65536", ""})
    void portMustBeATcpPort(String port) {
        assertThatThrownBy(() -> CommandLine.parse("simulate", "rapid", "--port=" + port))
                .isInstanceOf(UsageException.class).hasMessageContaining("--port must be a TCP port number");
    }
}
