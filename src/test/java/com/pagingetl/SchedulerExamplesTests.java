package com.pagingetl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.pagingetl.launch.ExitCodes;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The scheduler examples under {@code jobs/}: every job has an Airflow DAG, a Control-M definition and a cron
 * line; each treats only the documented exit codes, reruns only on 1, and the Python compiles.
 */
class SchedulerExamplesTests {

    private static final Path JOBS = Path.of("jobs");
    private static final Map<String, Integer> DOCUMENTED = Map.of("COMPLETED", ExitCodes.COMPLETED,
            "FAILED", ExitCodes.FAILED, "USAGE", ExitCodes.USAGE, "ALREADY_RUNNING", ExitCodes.ALREADY_RUNNING,
            "STOPPED", ExitCodes.STOPPED);

    static List<String> jobs() {
        return JobCatalog.names();
    }

    @ParameterizedTest
    @MethodSource("jobs")
    void controlMDefinitionHasOneRulePerFailureCodeAndRerunsOnlyOnFailed(String job) throws IOException {
        JsonNode root = JsonMapper.builder().build().readTree(Files.readString(JOBS.resolve(job).resolve("controlm.json")));
        List<JsonNode> rules = new ArrayList<>();
        List<JsonNode> commands = new ArrayList<>();
        collect(root, rules, commands);

        assertThat(commands).as("Job:Command entries").hasSize(1);
        assertThat(commands.get(0).get("Command").asString()).contains("--job=" + job);
        Map<Integer, List<String>> actionsByCode = new HashMap<>();
        for (JsonNode rule : rules) {
            int code = Integer.parseInt(rule.get("CompletionStatus").asString());
            List<String> actions = new ArrayList<>();
            rule.properties().forEach(e -> {
                if (e.getValue().isObject()) {
                    actions.add(e.getValue().get("Type").asString());
                }
            });
            assertThat(actionsByCode.put(code, actions)).as("a second rule for exit code " + code).isNull();
        }
        assertThat(actionsByCode.keySet()).containsExactlyInAnyOrder(ExitCodes.FAILED, ExitCodes.USAGE,
                ExitCodes.ALREADY_RUNNING, ExitCodes.STOPPED);
        assertThat(actionsByCode.get(ExitCodes.FAILED)).containsExactly("Action:Rerun");
        assertThat(actionsByCode.get(ExitCodes.USAGE)).contains("Action:SetToNotOK").doesNotContain("Action:Rerun");
        assertThat(actionsByCode.get(ExitCodes.STOPPED)).contains("Action:SetToNotOK").doesNotContain("Action:Rerun");
        assertThat(actionsByCode.get(ExitCodes.ALREADY_RUNNING)).containsExactly("Action:SetToOK");
    }

    private static void collect(JsonNode node, List<JsonNode> rules, List<JsonNode> commands) {
        if (!node.isObject()) {
            return;
        }
        String type = node.has("Type") ? node.get("Type").asString() : "";
        if (type.equals("If:CompletionStatus")) {
            rules.add(node);
        } else if (type.equals("Job:Command")) {
            commands.add(node);
        }
        node.properties().forEach(e -> collect(e.getValue(), rules, commands));
    }

    /** A BashOperator retries every non-zero exit, 2, 3 and 4 included: the DAGs go through the shared helper. */
    @ParameterizedTest
    @MethodSource("jobs")
    void airflowDagRunsTheJobThroughTheExitCodeAwareHelper(String job) throws IOException {
        List<Path> dags;
        try (Stream<Path> files = Files.list(JOBS.resolve(job))) {
            dags = files.filter(p -> p.getFileName().toString().startsWith("airflow")
                    && p.getFileName().toString().endsWith(".py")).toList();
        }
        assertThat(dags).as("Airflow DAG of " + job).hasSize(1);
        String dag = Files.readString(dags.get(0));
        assertThat(dag).contains("from paging_etl_airflow import etl_task").contains("--job=" + job)
                .doesNotContain("BashOperator").doesNotContain("skip_on_exit_code");
        assertThat(exitCodesIn(dag)).as("exit codes the DAG treats itself").isEmpty();
    }

    @Test
    void airflowHelperNamesExactlyTheDocumentedExitCodes() throws IOException {
        String helper = Files.readString(JOBS.resolve("paging_etl_airflow.py"));
        Map<String, Integer> constants = new HashMap<>();
        Matcher m = Pattern.compile("(?m)^([A-Z_]+) = (\\d+)$").matcher(helper);
        while (m.find()) {
            constants.put(m.group(1), Integer.parseInt(m.group(2)));
        }
        assertThat(constants).isEqualTo(DOCUMENTED);
        // Every comparison goes through a named constant, so no undocumented literal code is treated.
        assertThat(exitCodesIn(helper)).isEmpty();
        assertThat(section(helper, "if code == FAILED:")).contains("AirflowException(");
        assertThat(section(helper, "if code == USAGE:")).contains("AirflowFailException(");
        assertThat(section(helper, "if code == STOPPED:")).contains("AirflowFailException(");
        assertThat(section(helper, "if code == ALREADY_RUNNING:")).contains("AirflowSkipException(");
    }

    /** The line after {@code condition}: what the helper raises for that code. */
    private static String section(String text, String condition) {
        int at = text.indexOf(condition);
        assertThat(at).as(condition).isNotNegative();
        int start = text.indexOf('\n', at) + 1;
        return text.substring(start, text.indexOf('\n', start));
    }

    @ParameterizedTest
    @MethodSource("jobs")
    void cronLinesRetryOnlyOnFailed(String job) throws IOException {
        String cron = Files.readString(JOBS.resolve(job).resolve("cron.example"));
        assertThat(cron).contains("--job=" + job);
        Set<Integer> treated = exitCodesIn(cron);
        assertThat(treated).isSubsetOf(Set.copyOf(DOCUMENTED.values()));
    }

    /** Literal exit codes compared in shell ({@code rc -ne 1}) or Python ({@code code == 2}, {@code exit_code=3}). */
    private static Set<Integer> exitCodesIn(String text) {
        Set<Integer> codes = new TreeSet<>();
        Matcher m = Pattern.compile("(?:\\brc\\s*-(?:eq|ne)\\s*|\\bcode\\s*[!=]=\\s*|exit_code\\s*=\\s*)(\\d+)").matcher(text);
        while (m.find()) {
            codes.add(Integer.parseInt(m.group(1)));
        }
        return codes;
    }

    /**
     * Runs the helper's {@code outcome} for each code under python3, with a stand-in for Airflow's three exception
     * classes (Airflow itself is not installed here): what Airflow would do with each exit code.
     */
    @Test
    void airflowHelperRetriesOnlyFailedSkipsAlreadyRunningAndFailsFastOnUsageAndStopped(@TempDir Path stub) throws Exception {
        Files.createDirectories(stub.resolve("airflow/operators"));
        Files.writeString(stub.resolve("airflow/__init__.py"), "");
        Files.writeString(stub.resolve("airflow/exceptions.py"), String.join("\n",
                "class AirflowException(Exception): pass",
                "class AirflowFailException(AirflowException): pass",
                "class AirflowSkipException(AirflowException): pass", ""));
        Files.writeString(stub.resolve("airflow/operators/__init__.py"), "");
        Files.writeString(stub.resolve("airflow/operators/python.py"), "class PythonOperator: pass\n");
        String script = "import sys; sys.dont_write_bytecode = True; sys.path[:0] = ['" + stub + "', 'jobs']\n"
                + "from paging_etl_airflow import outcome\n"
                + "for code in (0, 1, 2, 3, 4, 137):\n"
                + "    e = outcome(code)\n"
                + "    print(code, 'none' if e is None else type(e).__name__)\n";
        String output = python("-c", script);

        assertThat(output.lines().toList()).containsExactly("0 none", "1 AirflowException", "2 AirflowFailException",
                "3 AirflowSkipException", "4 AirflowFailException", "137 AirflowException");
    }

    /** Runs python3 with {@code args} and returns its output; skips the test where python3 is absent. */
    private static String python(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("python3"));
        command.addAll(List.of(args));
        Process python;
        try {
            python = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            assumeTrue(false, "python3 is not on this machine: " + e.getMessage());
            return "";
        }
        assertThat(python.waitFor(120, TimeUnit.SECONDS)).as("python3 finished").isTrue();
        String output = new String(python.getInputStream().readAllBytes());
        assertThat(python.exitValue()).as(output).isZero();
        return output;
    }

    @Test
    void pythonCompiles() throws Exception {
        List<String> files = new ArrayList<>();
        try (Stream<Path> all = Files.walk(JOBS)) {
            all.filter(p -> p.toString().endsWith(".py")).forEach(p -> files.add(p.toString()));
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(JobCatalog.names().size() + 1);
        Path cache = Files.createTempDirectory("pycache");
        List<String> args = new ArrayList<>(List.of("-c",
                "import py_compile, sys\nfor f in sys.argv[1:]: py_compile.compile(f, cfile=f'" + cache
                        + "/' + f.replace('/', '_') + 'c', doraise=True)"));
        args.addAll(files);
        python(args.toArray(String[]::new));
    }
}
