package com.pagingetl;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.event.Level;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import com.pagingetl.config.BatchConfiguration;
import com.pagingetl.config.PropertyCheck;
import com.pagingetl.http.Secrets;
import com.pagingetl.launch.Causes;
import com.pagingetl.launch.CommandLine;
import com.pagingetl.launch.EtlJob;
import com.pagingetl.launch.ExitCodes;
import com.pagingetl.launch.HttpSelectorRelease;
import com.pagingetl.launch.JobDescriptor;
import com.pagingetl.launch.Launcher;
import com.pagingetl.launch.StartupWarmup;
import com.pagingetl.launch.UsageException;
import com.pagingetl.logging.LoggedPrintStream;
import com.pagingetl.simulator.ApiSimulator;
import com.pagingetl.simulator.SimulatorOptions;
import com.pagingetl.state.H2Credentials;
import com.pagingetl.state.RepositoryOutage;
import com.pagingetl.state.RunLock;

/**
 * {@code java -jar etl.jar ...}: parses the command line, answers --help, --list and --version without
 * starting Spring, refuses bad job parameters and --etl.* properties before Spring starts, starts a simulator
 * for --simulate or {@code simulate <api>}, hands --worker to {@link WorkerCommand}, and otherwise runs the
 * {@link Launcher} in a non-web Spring context. The exit code is the launcher's.
 *
 * <p>Start-up is part of every scheduled run, so the context holds only what the command needs: the job
 * repository ({@link BatchConfiguration}) plus the configuration of the one job the command runs,
 * restarts or abandons (none for --status and --stop); nothing is component-scanned.
 */
public final class EtlApplication {

    static {
        // H2's AUTO_SERVER (the default job repository) listens where h2.bindAddress says, read once when H2 loads:
        // loopback only, so that the repository is never reachable from another machine.
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", "127.0.0.1");
        }
        // H2 compacts its file when the last connection closes, for up to MAX_COMPACT_TIME, and the command exits only
        // after that: with H2's default of 200 ms the pool's close took 160-330 ms at the end of every run (busy
        // machine). 20 ms still keeps a job repository's file small: 49-221 KB over ten tdgVersions runs (50,000 and
        // 46 objects in turn) against 49-115 KB with 200 ms; without compaction it grew by about 0.5 MB a run.
        // A MAX_COMPACT_TIME in the URL or -Dh2.maxCompactTime overrides it.
        if (System.getProperty("h2.maxCompactTime") == null) {
            System.setProperty("h2.maxCompactTime", "20");
        }
    }

    private EtlApplication() {
    }

    public static void main(String[] args) {
        int exitCode = run(System.out, System.err, args);
        HttpSelectorRelease.release();
        System.exit(exitCode);
    }

    /** Runs one command in this JVM and returns its exit code; tests call it directly. */
    public static int run(PrintStream out, PrintStream err, String... args) {
        if (List.of(args).contains(WorkerCommand.FLAG)) {
            return WorkerCommand.run(out, err, args);
        }
        CommandLine command;
        try {
            command = CommandLine.parse(args);
            switch (command.verb()) {
                case HELP -> {
                    if (command.job() != null) {
                        HelpText.job(out, JobCatalog.require(command.job()));
                    } else {
                        HelpText.usage(out);
                    }
                    return ExitCodes.COMPLETED;
                }
                case LIST -> {
                    HelpText.list(out);
                    return ExitCodes.COMPLETED;
                }
                case VERSION -> {
                    out.println(BuildInfo.load().describe());
                    return ExitCodes.COMPLETED;
                }
                case SIMULATE -> {
                    return serveSimulator(out, command);
                }
                default -> {
                    if (command.verb() == CommandLine.Verb.RUN || command.verb() == CommandLine.Verb.RESTART) {
                        StartupWarmup.start();
                    }
                    checkBeforeSpring(command);
                    return runInSpring(out, err, command);
                }
            }
        } catch (UsageException e) {
            err.println("usage error: " + e.getMessage());
            return ExitCodes.USAGE;
        }
    }

    /**
     * What can be refused without Spring is refused here, before any context or simulator starts: the job's
     * parameters against its declared specification, and the --etl.* properties against the settings records.
     */
    private static void checkBeforeSpring(CommandLine command) {
        new PropertyCheck(JobCatalog.propertyClasses()).check(command.springArgs());
        if (command.verb() == CommandLine.Verb.RUN) {
            JobCatalog.require(command.job()).validate(command.parameters());
        }
    }

    private static int runInSpring(PrintStream out, PrintStream err, CommandLine command) {
        ApiSimulator simulator = null;
        AtomicReference<String> repositoryUrl = new AtomicReference<>();
        try {
            Map<String, Object> overrides = new LinkedHashMap<>();
            if (command.simulate()) {
                if (command.job() == null) {
                    throw new UsageException("--simulate needs --job=<name>");
                }
                JobDescriptor job = JobCatalog.require(command.job());
                simulator = SimulatorCatalog.create(job.simulator(), new SimulatorOptions(command.simulatorOptions()));
                simulator.start(0);
                overrides.putAll(simulator.clientProperties());
                out.printf("SIMULATION: %s runs against the embedded %s simulator at %s, not the real API%n",
                        job.name(), simulator.name(), simulator.baseUrl());
            }
            String job = switch (command.verb()) {
                case RUN -> JobCatalog.require(command.job()).name();
                // The execution's job is known only to the repository: a first context without any job finds it.
                case RESTART, ABANDON -> {
                    try (ConfigurableApplicationContext context = context(command, overrides, null, repositoryUrl)) {
                        yield launcher(context, out, err).jobOf(command.executionId());
                    }
                }
                default -> null;
            };
            try (ConfigurableApplicationContext context = context(command, overrides, job, repositoryUrl)) {
                // What a run, restart, stop or abandon says belongs in the log; a --status listing does not.
                boolean logged = command.verb() != CommandLine.Verb.STATUS;
                return launcher(context, logged ? LoggedPrintStream.of(out, Level.INFO) : out,
                        logged ? LoggedPrintStream.of(err, Level.ERROR) : err).execute(command);
            }
        } catch (RuntimeException e) {
            return startupFailure(e, err, repositoryUrl.get());
        } finally {
            if (simulator != null) {
                simulator.close();
            }
        }
    }

    /**
     * A Spring context with the job repository and, when {@code job} is not null, that one job's
     * configuration: no component scan, and only the auto-configurations the repository needs.
     */
    private static ConfigurableApplicationContext context(CommandLine command, Map<String, Object> overrides, String job,
                                                          AtomicReference<String> repositoryUrl) {
        return job == null ? context(command.springArgs(), overrides, true, repositoryUrl)
                : context(command.springArgs(), overrides, true, repositoryUrl, JobCatalog.configuration(job));
    }

    /**
     * The job repository plus the given job configurations; {@code shutdownHook} false leaves closing to the caller;
     * {@code repositoryUrl} receives the repository's URL as soon as the environment is known, for the line of a
     * start-up that could not reach it.
     */
    static ConfigurableApplicationContext context(List<String> springArgs, Map<String, Object> overrides,
                                                  boolean shutdownHook, AtomicReference<String> repositoryUrl,
                                                  Class<?>... jobConfigurations) {
        List<Class<?>> sources = new ArrayList<>(List.of(BatchConfiguration.class));
        sources.addAll(List.of(jobConfigurations));
        SpringApplication application = new SpringApplication(sources.toArray(Class<?>[]::new));
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setLogStartupInfo(false);
        application.setRegisterShutdownHook(shutdownHook);
        application.addInitializers(ctx -> ctx.getEnvironment().getPropertySources()
                .addFirst(new MapPropertySource("simulator", overrides)));
        application.addInitializers(ctx -> repositoryUrl.set(ctx.getEnvironment().getProperty("spring.datasource.url")));
        application.addInitializers(H2Credentials::apply);
        return application.run(springArgs.toArray(String[]::new));
    }

    private static Launcher launcher(ConfigurableApplicationContext context, PrintStream out, PrintStream err) {
        return new Launcher(List.copyOf(context.getBeansOfType(EtlJob.class).values()), JobCatalog.names(),
                context.getBean(JobRepository.class), context.getBean(JobOperator.class), context.getBean(RunLock.class),
                out, err);
    }

    private static int serveSimulator(PrintStream out, CommandLine command) {
        ApiSimulator simulator = SimulatorCatalog.create(command.simulatorName(),
                new SimulatorOptions(command.simulatorOptions()));
        try {
            simulator.start(command.port());
        } catch (IllegalStateException e) {
            if (Causes.find(e, java.net.BindException.class) == null) {
                throw e;
            }
            // A port another process holds is a wrong command, not a failure that passes: exit 2, one line.
            throw new UsageException("simulate " + command.simulatorName() + ": " + e.getMessage()
                    + "; choose another port with --port N (--port 0 picks a free one)");
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            stopped.countDown();
        }));
        out.println(simulator.describe());
        out.println("Press Ctrl-C to stop.");
        out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return ExitCodes.COMPLETED;
    }

    /**
     * Classifies an exception that ended a command before or outside a run, prints its one line and returns the
     * exit code: 2 when the command or the configuration is wrong (retrying cannot help), 1 for everything else
     * (a database or API that is down or unreachable, anything unforeseen), which a scheduler retries.
     * The one place where start-up failures get their exit code; {@code repositoryUrl} (null when not known yet)
     * names the job repository when it is the one that could not be reached.
     */
    static int startupFailure(RuntimeException e, PrintStream err, String repositoryUrl) {
        UsageException usage = Causes.find(e, UsageException.class);
        if (usage != null) {
            err.println("usage error: " + usage.getMessage());
            return ExitCodes.USAGE;
        }
        BindException binding = Causes.find(e, BindException.class);
        if (binding != null) {
            err.println("configuration error: " + binding.getName() + ": " + rootMessage(binding));
            return ExitCodes.USAGE;
        }
        if (RepositoryOutage.isUnreachable(e)) {
            err.println("job repository " + RepositoryOutage.safeUrl(repositoryUrl) + " is unreachable ("
                    + Secrets.redact(RepositoryOutage.cause(e)) + "); nothing was started; run the same command again once it is back");
            return ExitCodes.FAILED;
        }
        err.println("could not start: " + rootMessage(e) + " -- run the same command again");
        return ExitCodes.FAILED;
    }

    private static String rootMessage(Throwable t) {
        StringBuilder sb = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c.getMessage() != null && (c.getCause() == null || !c.getMessage().equals(c.getCause().getMessage()))) {
                sb.setLength(0);
                sb.append(c.getMessage());
            }
        }
        return sb.toString().replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }
}
