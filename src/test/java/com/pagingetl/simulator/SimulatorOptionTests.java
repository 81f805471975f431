package com.pagingetl.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import com.pagingetl.EtlApplication;

/** The one declaration of {@code sim.*} options: types, defaults, validation, unknown names refused. */
class SimulatorOptionTests {

    private static final SimulatorOption<Integer> SIZE = SimulatorOption.integer("size", 10, 1, 100, "records");
    private static final SimulatorOption<Double> RATE = SimulatorOption.share("errorRate", 0, "share of 5xx");
    private static final SimulatorOption<String> ENDING = SimulatorOption.choice("lastPage", "empty", "ending",
            "empty", "data");
    private static final SimulatorOption<Duration> LIFETIME = SimulatorOption.duration("linkLifetime",
            Duration.ofHours(1), "link lifetime");
    private static final List<SimulatorOption<?>> ALL = List.of(SIZE, RATE, ENDING, LIFETIME);

    @Test
    void readsGivenValuesAndDefaults() {
        SimulatorOptions options = new SimulatorOptions(Map.of("size", " 42 ", "linkLifetime", "90", "lastPage", "data"))
                .check("test", ALL);
        assertThat(SIZE.from(options)).isEqualTo(42);
        assertThat(LIFETIME.from(options)).isEqualTo(Duration.ofSeconds(90));
        assertThat(ENDING.from(options)).isEqualTo("data");
        assertThat(RATE.from(options)).isZero();
        assertThat(LIFETIME.from(new SimulatorOptions(Map.of("linkLifetime", "PT2M")))).isEqualTo(Duration.ofMinutes(2));
        assertThat(SIZE.describe()).isEqualTo("sim.size (default 10): records");
    }

    @Test
    void anUnknownOptionIsRefusedWithTheKnownOnesOnOneLine() {
        assertThatThrownBy(() -> new SimulatorOptions(Map.of("sise", "5")).check("test", ALL))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown simulator option sim.sise for the test simulator; known options: sim.size, "
                        + "sim.errorRate, sim.lastPage, sim.linkLifetime");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "size|abc|sim.size=abc is not valid: must be an integer between 1 and 100",
            "size|0|sim.size=0 is not valid: must be an integer between 1 and 100",
            "errorRate|1.5|sim.errorRate=1.5 is not valid: must be a number between 0 and 1",
            "lastPage|none|sim.lastPage=none is not valid: must be one of empty, data",
            "linkLifetime|soon|sim.linkLifetime=soon is not valid: must be a positive duration",
            "linkLifetime|0|sim.linkLifetime=0 is not valid: must be a positive duration"})
    void aMalformedValueIsRefusedNamingOptionValueAndRule(String name, String value, String message) {
        assertThatThrownBy(() -> new SimulatorOptions(Map.of(name, value)).check("test", ALL))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }

    /** Each simulator's start-up text lists its options from their declarations, with default and help. */
    @Test
    void everySimulatorDescribesItsDeclaredOptions() {
        List<ApiSimulator> simulators = List.of(
                new com.pagingetl.simulator.rapid.RapidSimulator(new SimulatorOptions(Map.of("size", "50"))),
                new com.pagingetl.simulator.demarches.DemarchesSimulator(new SimulatorOptions(Map.of("size", "50"))),
                new com.pagingetl.simulator.systax.SystaxSimulator(new SimulatorOptions(Map.of("size", "50"))),
                new com.pagingetl.simulator.tdg.TdgSimulator(new SimulatorOptions(Map.of("size", "50"))));
        for (ApiSimulator simulator : simulators) {
            try (simulator) {
                simulator.start(0);
                String text = simulator.describe();
                assertThat(text).as(simulator.name()).contains("sim.size (default ", "sim.latencyMs (default 0): ");
                if (simulator.name().equals("rapid")) {
                    assertThat(text).contains("sim.lastPage (default empty): empty: the last Link leads to an empty page");
                }
            }
        }
    }

    /** Through the command line, for all four simulators: exit 2 and one line listing the known options. */
    @ParameterizedTest
    @CsvSource({"rapid, sim.pageSize", "demarches, sim.rateLimitPerMinute", "systax, sim.preset", "tdg, sim.versionsPerObject"})
    void theLauncherRefusesAnUnknownSimOptionWithExit2(String api, String known) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = EtlApplication.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), "simulate", api, "--port", "0", "sim.bogus=1");

        String message = err.toString(StandardCharsets.UTF_8);
        assertThat(code).isEqualTo(2);
        assertThat(message.strip()).doesNotContain("\n").contains("sim.bogus", known, "sim.size");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void aPortAnotherProcessHoldsIsAUsageErrorOnOneLine() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            String port = String.valueOf(taken.getLocalPort());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = EtlApplication.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8), "simulate", "systax", "--port", port);

            String message = err.toString(StandardCharsets.UTF_8);
            assertThat(code).isEqualTo(2);
            assertThat(message.strip()).doesNotContain("\n").startsWith("usage error: simulate systax: ")
                    .contains("127.0.0.1:" + port, "Address already in use", "--port");
            assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        }
    }
}
