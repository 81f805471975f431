package com.pagingetl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.pagingetl.launch.ExitCodes;
import com.pagingetl.testing.EtlRun;

/** A worker, or a remote run, that cannot work as configured ends at start with one line and exit 2. */
class WorkerCommandTests {

    @TempDir
    Path home;

    static Stream<Arguments> refused() {
        String shared = "etl.partitioning=remote needs a job repository every process shares";
        return Stream.of(
                Arguments.of(List.of("--worker", "--jobs=rapidContent,nope"), "unknown job 'nope'"),
                Arguments.of(List.of("--worker", "--concurrency=0"), "--concurrency must be a number from 1 to 32, was '0'"),
                Arguments.of(List.of("--worker", "--jobs=systaxRules"), "job systaxRules has no partitions to execute on workers"),
                Arguments.of(List.of("--worker", "--jobs=rapidContent"), shared),
                Arguments.of(List.of("--job=rapidContent", "--etl.partitioning=remote"), shared),
                Arguments.of(List.of("--worker", "--etl.remote.transport=kafka"), "etl.remote.transport=kafka is not supported:"
                        + " choose jdbc"));
    }

    /** The test repository is an H2 file, which only one machine can use. */
    @ParameterizedTest
    @MethodSource("refused")
    void refusedAtStartWithExit2(List<String> args, String line) {
        EtlRun.Result result = new EtlRun(home).run(args.toArray(String[]::new));

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.lastErrorLine()).contains(line);
    }

    @Test
    void helpListsTheWorker() {
        EtlRun.Result result = new EtlRun(home).run("--help");

        assertThat(result.out()).contains("--worker [--jobs=<name>,...] [--concurrency=N]");
    }
}
