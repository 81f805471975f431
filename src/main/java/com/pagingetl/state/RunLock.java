package com.pagingetl.state;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Makes sure that two runs of the same job and scope never execute at once, across processes and
 * machines sharing the job repository, and that a run whose process died does not block the next one.
 *
 * <p>The lock is a row in {@code ETL_RUN_LOCK} naming its owner's host, pid and process start time, kept
 * fresh by a heartbeat. A row is stale when its process is gone (same host: the pid no longer runs, or
 * runs a different process) or when its heartbeat is older than {@code staleAfter} (another host). A
 * stale row is taken over with a compare-and-delete on its owner id, so two launchers cannot both win.
 *
 * <p>Times are stored with their offset: hosts in different time zones share the table, and a local
 * timestamp written by one would look hours old (or new) to another.
 *
 * <p>Thread-safe.
 */
public class RunLock {

    private static final Logger log = LoggerFactory.getLogger(RunLock.class);
    private static final Duration HEARTBEAT = Duration.ofSeconds(10);

    private final JdbcTemplate jdbc;
    private final Duration staleAfter;
    private final String host = hostName();
    private final ProcessHandle self = ProcessHandle.current();

    public RunLock(JdbcTemplate jdbc, Duration staleAfter) {
        this.jdbc = jdbc;
        this.staleAfter = staleAfter;
    }

    /** Who holds a lock, for the "already running" message. */
    public record Holder(String host, long pid, Instant since) {
        @Override
        public String toString() {
            return "pid " + pid + " on " + host + " since " + since;
        }
    }

    /** The result of an attempt: a lease, or the live holder that prevented it. */
    public record Attempt(Lease lease, Holder heldBy) {
        public boolean acquired() {
            return lease != null;
        }
    }

    public Attempt tryAcquire(String job, String scope) {
        for (int round = 0; round < 3; round++) {
            String owner = UUID.randomUUID().toString();
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            try {
                jdbc.update("INSERT INTO ETL_RUN_LOCK (JOB_NAME, SCOPE_KEY, OWNER_ID, HOST_NAME, PID, PROCESS_START,"
                                + " ACQUIRED_AT, HEARTBEAT_AT) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        job, scope, owner, host, self.pid(), processStart(self), now, now);
                return new Attempt(new Lease(job, scope, owner), null);
            } catch (DataIntegrityViolationException held) {
                Optional<Row> row = read(job, scope);
                if (row.isEmpty()) {
                    continue;
                }
                Row r = row.get();
                if (isAlive(r)) {
                    return new Attempt(null, new Holder(r.host, r.pid, r.acquiredAt));
                }
                log.warn("{} [{}]: the run of pid {} on {} is gone (last heartbeat {}); taking over its lock",
                        job, scope, r.pid, r.host, r.heartbeatAt);
                jdbc.update("DELETE FROM ETL_RUN_LOCK WHERE JOB_NAME = ? AND SCOPE_KEY = ? AND OWNER_ID = ?",
                        job, scope, r.owner);
            }
        }
        throw new IllegalStateException("could not acquire the run lock of " + job + " [" + scope + "]: it changes hands too fast");
    }

    /**
     * The process that holds the lock of a job and scope and is still alive (same rules as {@link #tryAcquire}),
     * or empty: then an execution of that scope still marked running has lost its process.
     */
    public Optional<Holder> liveHolder(String job, String scope) {
        return read(job, scope).filter(this::isAlive).map(r -> new Holder(r.host, r.pid, r.acquiredAt));
    }

    /** The host name this lock writes into its rows; package-private for tests that plant rows. */
    String host() {
        return host;
    }

    boolean isAlive(Row r) {
        if (r.host.equals(host)) {
            if (r.pid == self.pid()) {
                // Our own process holds it (a lease not released in this JVM): treat as live.
                return true;
            }
            return ProcessHandle.of(r.pid)
                    .filter(ProcessHandle::isAlive)
                    .map(p -> r.processStart == null || r.processStart.equals(processStart(p)))
                    .orElse(false);
        }
        return Duration.between(r.heartbeatAt, Instant.now()).compareTo(staleAfter) < 0;
    }

    private Optional<Row> read(String job, String scope) {
        List<Row> rows = jdbc.query("SELECT OWNER_ID, HOST_NAME, PID, PROCESS_START, ACQUIRED_AT, HEARTBEAT_AT"
                        + " FROM ETL_RUN_LOCK WHERE JOB_NAME = ? AND SCOPE_KEY = ?",
                (rs, i) -> new Row(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class).toInstant(),
                        rs.getObject(6, OffsetDateTime.class).toInstant()), job, scope);
        return rows.stream().findFirst();
    }

    record Row(String owner, String host, long pid, String processStart, Instant acquiredAt, Instant heartbeatAt) {
    }

    private static String processStart(ProcessHandle p) {
        return p.info().startInstant().map(Instant::toString).orElse(null);
    }

    private static String hostName() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "localhost";
        }
    }

    /** A held lock; kept fresh by a heartbeat until released. */
    public final class Lease implements AutoCloseable {
        private final String job;
        private final String scope;
        private final String owner;
        private final ScheduledExecutorService heartbeat;

        Lease(String job, String scope, String owner) {
            this.job = job;
            this.scope = scope;
            this.owner = owner;
            this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "run-lock-heartbeat");
                t.setDaemon(true);
                return t;
            });
            heartbeat.scheduleAtFixedRate(this::beat, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
        }

        private void beat() {
            try {
                jdbc.update("UPDATE ETL_RUN_LOCK SET HEARTBEAT_AT = ? WHERE JOB_NAME = ? AND SCOPE_KEY = ? AND OWNER_ID = ?",
                        OffsetDateTime.now(ZoneOffset.UTC), job, scope, owner);
            } catch (RuntimeException e) {
                log.warn("{} [{}]: run lock heartbeat failed: {}", job, scope, e.getMessage());
            }
        }

        @Override
        public void close() {
            heartbeat.shutdownNow();
            jdbc.update("DELETE FROM ETL_RUN_LOCK WHERE JOB_NAME = ? AND SCOPE_KEY = ? AND OWNER_ID = ?", job, scope, owner);
        }
    }
}
