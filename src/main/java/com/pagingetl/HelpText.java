package com.pagingetl;

import java.io.PrintStream;

import com.pagingetl.launch.ExitCodes;
import com.pagingetl.launch.JobDescriptor;
import com.pagingetl.launch.ParameterSpec;

/** The text of --help and --list. */
final class HelpText {

    private HelpText() {
    }

    static void usage(PrintStream out) {
        out.println("""
                Usage:
                  java -jar etl.jar --job=<name> [--simulate] [name=value ...] [sim.<option>=value ...]
                  java -jar etl.jar --list | --help [--job=<name>] | --status [--job=<name>] [--json] | --version
                  java -jar etl.jar --restart=<executionId> | --stop=<executionId> | --abandon=<executionId>
                  java -jar etl.jar simulate <rapid|demarches|systax|tdg> [--port N] [sim.<option>=value ...]
                  java -jar etl.jar --worker [--jobs=<name>,...] [--concurrency=N]

                Running --job=X again after a FAILED or STOPPED run resumes that run from its last commit;
                after a COMPLETED run it starts the next incremental run. --simulate starts the job's embedded
                API simulator on a free loopback port and points the job at it.
                Spring properties may be given as --<property>=<value> (e.g. --etl.output-dir=/data/out); an
                --etl.* name that no setting has, or a value of the wrong type, is refused (exit 2).
                --status shows times in UTC and DEAD for a run marked running whose process is gone;
                --status --json prints the same as one JSON array (fields in the README).
                Operations (see the README): --etl.metrics.pushgateway-url=http://host:9091 pushes metrics when the
                run ends, --etl.openlineage.url=<url> posts OpenLineage run events, --logging.structured.format.file=ecs
                writes the log file (logging.file.name, data/logs/etl.log) as JSON lines.
                --worker runs until SIGTERM, executing partitions (rapidContent's) that a --job=X run with
                --etl.partitioning=remote sends through its PostgreSQL job repository, or an ActiveMQ Artemis
                broker with --etl.remote.transport=jms (README: "Running on several machines"); --concurrency
                partitions at a time [default 4].

                Exit codes:
                  %d  completed, output published
                  %d  failed, or could not start (repository or API unreachable): run the same command again
                  %d  bad usage or configuration: nothing was started; retrying cannot help
                  %d  another run of the same job and scope is executing
                  %d  stopped on request: run the same command again to resume
                """.formatted(ExitCodes.COMPLETED, ExitCodes.FAILED, ExitCodes.USAGE, ExitCodes.ALREADY_RUNNING,
                ExitCodes.STOPPED));
        list(out);
    }

    static void list(PrintStream out) {
        out.println("Jobs:");
        for (JobDescriptor job : JobCatalog.JOBS) {
            out.printf("  %-20s %s%n", job.name(), job.summary());
        }
    }

    static void job(PrintStream out, JobDescriptor job) {
        out.printf("%s: %s%n%nParameters (name=value):%n", job.name(), job.summary());
        for (ParameterSpec p : job.parameters()) {
            out.printf("  %-20s %s%s%s%n", p.name(), p.description(),
                    p.defaultValue() == null || p.defaultValue().isEmpty() ? "" : " [default: " + p.defaultValue() + "]",
                    p.scope() ? " (selects the run's scope)" : "");
            out.printf("  %-20s values: %s%s%n", "", p.type().allowed(), p.required() ? " (required)"
                    : "".equals(p.defaultValue()) ? " (or empty: not set)" : "");
        }
        out.println("  A value outside these is refused before anything starts (exit " + ExitCodes.USAGE + ").");
        out.printf("%nConfiguration:%n");
        job.configuration().forEach(line -> out.println("  " + line));
        out.printf("%nSimulator: --simulate uses the embedded '%s' simulator; 'simulate %s' runs it on its own and"
                + " prints its base URL, demo credentials and options (sim.<option>=value; see the job's README).%n",
                job.simulator(), job.simulator());
    }
}
