package com.pagingetl.launch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parsed command line:
 * {@code --job=<name> [--simulate] [name=value ...] [sim.<option>=value ...] [--<spring.property>=value ...]},
 * {@code --help}, {@code --list}, {@code --status [--job=<name>] [--json]}, {@code --restart=<id>}, {@code --stop=<id>},
 * {@code --abandon=<id>}, {@code --version}, or {@code simulate <api> [--port N] [sim.<option>=value ...]}.
 */
public record CommandLine(Verb verb, String job, boolean simulate, Map<String, String> parameters,
                          Map<String, String> simulatorOptions, List<String> springArgs, long executionId,
                          String simulatorName, int port, boolean json) {

    public enum Verb { RUN, HELP, LIST, STATUS, RESTART, STOP, ABANDON, SIMULATE, VERSION }

    public static CommandLine parse(String... args) {
        Verb verb = null;
        String job = null;
        boolean simulate = false;
        boolean json = false;
        Map<String, String> params = new LinkedHashMap<>();
        Map<String, String> simOptions = new LinkedHashMap<>();
        List<String> spring = new ArrayList<>();
        long executionId = -1;
        String simulatorName = null;
        int port = 0;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (i == 0 && a.equals("simulate")) {
                verb = Verb.SIMULATE;
                if (args.length < 2 || args[1].startsWith("-") || args[1].contains("=")) {
                    throw new UsageException("simulate needs an API name: simulate <rapid|demarches|systax|tdg> [--port N]");
                }
                simulatorName = args[++i];
            } else if (a.equals("--port") && i + 1 < args.length) {
                port = parsePort(args[++i]);
            } else if (a.startsWith("--port=")) {
                port = parsePort(a.substring(7));
            } else if (a.equals("--help") || a.equals("-h") || a.equals("help")) {
                verb = set(verb, Verb.HELP);
            } else if (a.equals("--list")) {
                verb = set(verb, Verb.LIST);
            } else if (a.equals("--status")) {
                verb = set(verb, Verb.STATUS);
            } else if (a.equals("--json")) {
                json = true;
            } else if (a.equals("--version")) {
                verb = set(verb, Verb.VERSION);
            } else if (a.equals("--simulate")) {
                simulate = true;
            } else if (a.startsWith("--job=")) {
                job = a.substring(6);
            } else if (a.startsWith("--restart=")) {
                verb = set(verb, Verb.RESTART);
                executionId = parseId(a, a.substring(10));
            } else if (a.startsWith("--stop=")) {
                verb = set(verb, Verb.STOP);
                executionId = parseId(a, a.substring(7));
            } else if (a.startsWith("--abandon=")) {
                verb = set(verb, Verb.ABANDON);
                executionId = parseId(a, a.substring(10));
            } else if (a.startsWith("--") && a.contains("=")) {
                spring.add(a);
            } else if (!a.startsWith("-") && a.contains("=")) {
                String name = a.substring(0, a.indexOf('='));
                String value = a.substring(a.indexOf('=') + 1);
                if (name.startsWith("sim.")) {
                    simOptions.put(name.substring(4), value);
                } else {
                    params.put(name, value);
                }
            } else {
                throw new UsageException("unknown argument '" + a + "' (see --help)");
            }
        }
        if (verb == null) {
            // Run arguments without --job must not fall back to help: a scheduler would read its exit 0 as a completed run.
            verb = job != null || simulate || !params.isEmpty() ? Verb.RUN : Verb.HELP;
        }
        if (verb == Verb.RUN && job == null) {
            throw new UsageException("--job=<name> is required (see --list)");
        }
        if (!simOptions.isEmpty() && !simulate && verb != Verb.SIMULATE) {
            throw new UsageException("sim.* options need --simulate");
        }
        if (json && verb != Verb.STATUS) {
            throw new UsageException("--json goes with --status only");
        }
        return new CommandLine(verb, job, simulate, params, simOptions, spring, executionId, simulatorName, port, json);
    }

    private static Verb set(Verb current, Verb next) {
        if (current != null && current != next) {
            throw new UsageException("choose one of --help, --list, --status, --restart, --stop, --abandon, --version");
        }
        return next;
    }

    private static long parseId(String arg, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new UsageException(arg + ": the execution id must be a number (see --status)");
        }
    }

    private static int parsePort(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new UsageException("--port must be a TCP port number, was '" + value + "'");
        }
    }
}
