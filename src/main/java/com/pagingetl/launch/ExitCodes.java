package com.pagingetl.launch;

/** Process exit codes, documented in the README for schedulers. */
public final class ExitCodes {

    /** The run completed and its output is published. */
    public static final int COMPLETED = 0;
    /**
     * The run failed, or the command could not start for a reason that may pass (a repository or API that is
     * down); calling the same command again resumes the run from its last commit.
     */
    public static final int FAILED = 1;
    /**
     * Bad usage or configuration; nothing was started. The message names the option or property. Also a run that
     * retrying cannot help ({@link com.pagingetl.output.UnusableOutputException}: a damaged part file, whose line
     * names {@code --abandon=<id>}, or an output directory that cannot be written), and a run whose parameters the
     * API says select nothing ({@link NothingSelectedException}).
     */
    public static final int USAGE = 2;
    /** Another run of the same job and scope is executing. */
    public static final int ALREADY_RUNNING = 3;
    /** The run was stopped on request (--stop); calling the same command again resumes it. */
    public static final int STOPPED = 4;

    private ExitCodes() {
    }
}
