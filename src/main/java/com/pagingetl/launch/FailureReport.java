package com.pagingetl.launch;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

import com.pagingetl.output.UnusableOutputException;

/**
 * Turns a failed execution into the one line a scheduler's operator reads: the job, where it failed
 * (partition or step, page, position) and the cause in the API's own words. Worker steps are preferred
 * over the partition manager, whose own failure only says that a partition failed.
 */
final class FailureReport {

    private FailureReport() {
    }

    static String cause(JobExecution execution) {
        List<StepExecution> steps = new ArrayList<>(execution.getStepExecutions());
        steps.sort(Comparator.comparing((StepExecution s) -> !s.getStepName().contains(":")));
        for (StepExecution step : steps) {
            for (Throwable t : step.getFailureExceptions()) {
                return step.getStepName() + ": " + describe(t);
            }
        }
        for (Throwable t : execution.getFailureExceptions()) {
            return describe(t);
        }
        return "exit status " + execution.getExitStatus().getExitCode() + " " + execution.getExitStatus().getExitDescription();
    }

    /**
     * {@link #cause} from what the job repository keeps of a failure, for an execution read back from it (by
     * --status): the exceptions themselves are not stored, only each failed step's exit description, a stack
     * trace. Its message of ours (they name the position) is preferred, else the root cause's; worker steps
     * first, as in {@link #cause}.
     */
    static String stored(JobExecution execution) {
        List<StepExecution> steps = new ArrayList<>(execution.getStepExecutions());
        steps.sort(Comparator.comparing((StepExecution s) -> !s.getStepName().contains(":")));
        for (StepExecution step : steps) {
            String line = fromStackTrace(step.getExitStatus().getExitDescription());
            if (step.getStatus() == BatchStatus.FAILED && line != null) {
                return step.getStepName() + ": " + line;
            }
        }
        String line = fromStackTrace(execution.getExitStatus().getExitDescription());
        return line != null ? line : "exit status " + execution.getExitStatus().getExitCode();
    }

    private static String fromStackTrace(String trace) {
        if (trace == null || trace.isBlank()) {
            return null;
        }
        List<String> headers = trace.lines().filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0)))
                .map(l -> l.startsWith("Caused by: ") ? l.substring(11) : l).toList();
        for (String header : headers) {
            if (header.startsWith("com.pagingetl.") && header.contains(": ")) {
                return oneLine(header.substring(header.indexOf(": ") + 2));
            }
        }
        String root = headers.isEmpty() ? trace : headers.get(headers.size() - 1);
        int colon = root.indexOf(": ");
        String type = colon < 0 ? root : root.substring(0, colon);
        return oneLine(type.substring(type.lastIndexOf('.') + 1) + (colon < 0 ? "" : root.substring(colon)));
    }

    /**
     * The {@link UnusableOutputException} behind a failure, if any: retrying cannot get past it, so the launcher
     * exits with {@link ExitCodes#USAGE} and says what to do instead.
     */
    static UnusableOutputException unusableOutput(JobExecution execution) {
        return find(execution, UnusableOutputException.class);
    }

    /** The {@link NothingSelectedException} behind a failure, if any: the command must change, so exit 2. */
    static NothingSelectedException nothingSelected(JobExecution execution) {
        return find(execution, NothingSelectedException.class);
    }

    private static <T extends Throwable> T find(JobExecution execution, Class<T> type) {
        for (Throwable t : execution.getAllFailureExceptions()) {
            T found = Causes.find(t, type);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** The most specific message in the cause chain: ours name the position, so the outermost one of ours wins. */
    static String describe(Throwable t) {
        Throwable current = t;
        while (current != null) {
            String pkg = current.getClass().getPackageName();
            if (pkg.startsWith("com.pagingetl") && current.getMessage() != null) {
                return oneLine(current.getMessage());
            }
            current = current.getCause();
        }
        Throwable root = Causes.root(t);
        String message = root.getMessage() == null ? root.getClass().getSimpleName()
                : root.getClass().getSimpleName() + ": " + root.getMessage();
        return oneLine(message);
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }
}
