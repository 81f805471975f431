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
    /** API requests sent (logins, size probes, version pinning, a first page in flight), no part file grown by this launch. */
    PLANNING,
    /** A part file under {@code .work} grown by this launch beyond its size at the launch, nothing assembled yet. */
    EXTRACTING,
    /** A file being assembled next to the final names, or one under its final name without its manifest. */
    PUBLISHING,
    /** The manifest written; the process was saving watermarks, removing its work directory or ending. */
    PUBLISHED
}
