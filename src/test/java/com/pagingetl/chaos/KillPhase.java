package com.pagingetl.chaos;

/**
 * Where a run was when it was killed, as seen from outside once it is dead: the simulator's request count
 * since the launch and the files the run left. Extraction covers both mid-page (a commit fell inside the page
 * being written) and mid-chunk (records read since the last commit, or a request in flight) kills: every
 * {@link ChaosJob} commits at sizes that do not divide its page size, so both happen.
 */
enum KillPhase {
    /** The JVM had sent no API request yet. */
    STARTUP,
    /** API requests sent (logins, size probes, version pinning, first pages), no part file written by this launch. */
    PLANNING,
    /** A part file under {@code .work} written by this launch, nothing assembled yet. */
    EXTRACTING,
    /** A file being assembled next to the final names, or one under its final name without its manifest. */
    PUBLISHING,
    /** The manifest written; the process was saving watermarks, removing its work directory or ending. */
    PUBLISHED
}
