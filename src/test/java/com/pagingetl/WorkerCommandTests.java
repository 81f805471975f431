package com.pagingetl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.pagingetl.launch.ExitCodes;
import com.pagingetl.testing.EtlRun;

/** A worker, or a remote run, that cannot work as configured ends at start with one line and exit 2. */
class WorkerCommandTests {

    @TempDir
    Path home;

    @Test
    void unknownJobIsRefused() {
        EtlRun.Result result = new EtlRun(home).run("--worker", "--jobs=rapidContent,nope");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.lastErrorLine()).contains("unknown job 'nope'");
    }

    @Test
    void concurrencyOutOfRangeIsRefused() {
        EtlRun.Result result = new EtlRun(home).run("--worker", "--concurrency=0");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.lastErrorLine()).contains("--concurrency must be a number from 1 to 32, was '0'");
    }

    @Test
    void jobWithoutPartitionsIsRefused() {
        EtlRun.Result result = new EtlRun(home).run("--worker", "--jobs=systaxRules");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.lastErrorLine()).contains("job systaxRules has no partitions to execute on workers");
    }

    @Test
    void workerOnAnH2RepositoryIsRefused() {
        EtlRun.Result result = new EtlRun(home).run("--worker", "--jobs=rapidContent");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.lastErrorLine()).contains("etl.partitioning=remote needs a job repository every process shares",
                "not H2");
    }

    @Test
    void remoteRunOnAnH2RepositoryIsRefused() {
        EtlRun.Result result = new EtlRun(home).run("--job=rapidContent", "--etl.partitioning=remote");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.lastErrorLine()).contains("etl.partitioning=remote needs a job repository every process shares");
    }

    @Test
    void helpListsTheWorker() {
        EtlRun.Result result = new EtlRun(home).run("--help");

        assertThat(result.out()).contains("--worker [--jobs=<name>,...] [--concurrency=N]");
    }
}
