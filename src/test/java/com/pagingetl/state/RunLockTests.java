package com.pagingetl.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.TimeZone;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RunLockTests {

    private final TestDatabase db = TestDatabase.fresh();
    private final RunLock lock = new RunLock(db.jdbc(), Duration.ofMinutes(2));

    @AfterEach
    void close() {
        db.shutdown();
    }

    /** A pid that no process on this machine has. */
    private static long deadPid() {
        long pid = 999_999_000L;
        while (ProcessHandle.of(pid).isPresent()) {
            pid++;
        }
        return pid;
    }

    private void plantRow(String host, long pid, String processStart, Instant heartbeat) {
        db.jdbc().update("INSERT INTO ETL_RUN_LOCK (JOB_NAME, SCOPE_KEY, OWNER_ID, HOST_NAME, PID, PROCESS_START,"
                        + " ACQUIRED_AT, HEARTBEAT_AT) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", "rapidContent", "default",
                UUID.randomUUID().toString(), host, pid, processStart,
                heartbeat.minusSeconds(60).atOffset(ZoneOffset.UTC), heartbeat.atOffset(ZoneOffset.UTC));
    }

    private int rows() {
        return db.jdbc().queryForObject("SELECT COUNT(*) FROM ETL_RUN_LOCK", Integer.class);
    }

    @Test
    void acquiresAFreeLockAndReleasesIt() {
        RunLock.Attempt attempt = lock.tryAcquire("rapidContent", "default");

        assertThat(attempt.acquired()).isTrue();
        assertThat(rows()).isEqualTo(1);
        assertThat(db.jdbc().queryForObject("SELECT HOST_NAME FROM ETL_RUN_LOCK", String.class)).isEqualTo(lock.host());
        assertThat(db.jdbc().queryForObject("SELECT PID FROM ETL_RUN_LOCK", Long.class)).isEqualTo(ProcessHandle.current().pid());

        attempt.lease().close();
        assertThat(rows()).isZero();
    }

    @Test
    void secondAttemptIsRefusedWhileTheLeaseLivesEvenInTheSameJvm() {
        RunLock.Attempt first = lock.tryAcquire("rapidContent", "default");

        RunLock.Attempt second = new RunLock(db.jdbc(), Duration.ofMinutes(2)).tryAcquire("rapidContent", "default");

        assertThat(second.acquired()).isFalse();
        assertThat(second.heldBy().pid()).isEqualTo(ProcessHandle.current().pid());
        assertThat(second.heldBy().host()).isEqualTo(lock.host());
        assertThat(second.heldBy().toString()).contains("pid " + ProcessHandle.current().pid()).contains(lock.host());
        first.lease().close();
    }

    @Test
    void releasedLeaseLetsTheNextRunIn() {
        lock.tryAcquire("rapidContent", "default").lease().close();

        RunLock.Attempt again = lock.tryAcquire("rapidContent", "default");

        assertThat(again.acquired()).isTrue();
        again.lease().close();
    }

    @Test
    void otherScopesAndJobsAreIndependent() {
        RunLock.Attempt a = lock.tryAcquire("rapidContent", "default");
        RunLock.Attempt b = lock.tryAcquire("rapidContent", "country=FR");
        RunLock.Attempt c = lock.tryAcquire("tdgChanges", "default");

        assertThat(a.acquired()).isTrue();
        assertThat(b.acquired()).isTrue();
        assertThat(c.acquired()).isTrue();
        a.lease().close();
        b.lease().close();
        c.lease().close();
    }

    @Test
    void rowOfADeadProcessOnThisHostIsTakenOver() {
        plantRow(lock.host(), deadPid(), "2026-01-01T00:00:00Z", Instant.now());

        RunLock.Attempt attempt = lock.tryAcquire("rapidContent", "default");

        assertThat(attempt.acquired()).isTrue();
        assertThat(db.jdbc().queryForObject("SELECT PID FROM ETL_RUN_LOCK", Long.class)).isEqualTo(ProcessHandle.current().pid());
        attempt.lease().close();
    }

    @Test
    void rowOfAReusedPidOnThisHostIsTakenOver() {
        ProcessHandle other = ProcessHandle.current().parent().orElseThrow();
        plantRow(lock.host(), other.pid(), "1999-01-01T00:00:00Z", Instant.now());

        RunLock.Attempt attempt = lock.tryAcquire("rapidContent", "default");

        assertThat(attempt.acquired()).as("the pid runs, but a process started at another time").isTrue();
        attempt.lease().close();
    }

    @Test
    void rowOfALiveProcessOnThisHostIsRespected() {
        ProcessHandle other = ProcessHandle.current().parent().orElseThrow();
        plantRow(lock.host(), other.pid(), other.info().startInstant().map(Instant::toString).orElse(null),
                Instant.now().minus(Duration.ofHours(1)));

        RunLock.Attempt attempt = lock.tryAcquire("rapidContent", "default");

        assertThat(attempt.acquired()).as("an old heartbeat does not matter while the process lives").isFalse();
        assertThat(attempt.heldBy().pid()).isEqualTo(other.pid());
    }

    @Test
    void rowFromAnotherHostWithAnOldHeartbeatIsTakenOver() {
        plantRow("other-host.example", 4242, null, Instant.now().minus(Duration.ofMinutes(5)));

        RunLock.Attempt attempt = lock.tryAcquire("rapidContent", "default");

        assertThat(attempt.acquired()).isTrue();
        assertThat(db.jdbc().queryForObject("SELECT HOST_NAME FROM ETL_RUN_LOCK", String.class)).isEqualTo(lock.host());
        attempt.lease().close();
    }

    @Test
    void rowFromAnotherHostWithAFreshHeartbeatIsRefused() {
        plantRow("other-host.example", 4242, null, Instant.now().minusSeconds(5));

        RunLock.Attempt attempt = lock.tryAcquire("rapidContent", "default");

        assertThat(attempt.acquired()).isFalse();
        assertThat(attempt.heldBy().host()).isEqualTo("other-host.example");
        assertThat(attempt.heldBy().pid()).isEqualTo(4242);
        assertThat(rows()).isEqualTo(1);
    }

    @Test
    void freshHeartbeatOfAHostInAnotherTimeZoneIsRespected() {
        TimeZone original = TimeZone.getDefault();
        try {
            useTimeZone("GMT-05:00");
            plantRow("other-host.example", 4242, null, Instant.now());
            useTimeZone("UTC");

            RunLock.Attempt attempt = lock.tryAcquire("rapidContent", "default");

            assertThat(attempt.acquired()).as("a heartbeat written seconds ago by a host five hours behind UTC").isFalse();
        } finally {
            useTimeZone(original.getID());
        }
    }

    /** Each host's JVM has its own default zone; H2 caches it, so reset that cache too. */
    private static void useTimeZone(String id) {
        TimeZone.setDefault(TimeZone.getTimeZone(id));
        org.h2.util.DateTimeUtils.resetCalendar();
    }

    @Test
    void heartbeatRefreshesTheLeaseRow() throws Exception {
        RunLock.Attempt attempt = lock.tryAcquire("rapidContent", "default");
        db.jdbc().update("UPDATE ETL_RUN_LOCK SET HEARTBEAT_AT = ?", Instant.now().minus(Duration.ofHours(1)).atOffset(ZoneOffset.UTC));
        var beat = RunLock.Lease.class.getDeclaredMethod("beat");
        beat.setAccessible(true);

        Instant before = Instant.now();
        beat.invoke(attempt.lease());

        Instant heartbeat = db.jdbc().queryForObject("SELECT HEARTBEAT_AT FROM ETL_RUN_LOCK", java.time.OffsetDateTime.class).toInstant();
        // The planted value is an hour old; a beat writes the time of the beat however long the machine took.
        assertThat(heartbeat).isAfterOrEqualTo(before.minusSeconds(1)).isBeforeOrEqualTo(Instant.now().plusSeconds(1));
        attempt.lease().close();
    }

    @Test
    void closingAStaleLeaseDoesNotReleaseItsSuccessor() {
        RunLock.Attempt first = lock.tryAcquire("rapidContent", "default");
        db.jdbc().update("UPDATE ETL_RUN_LOCK SET HOST_NAME = 'other-host.example', HEARTBEAT_AT = ?",
                Instant.now().minus(Duration.ofHours(1)).atOffset(ZoneOffset.UTC));
        RunLock.Attempt successor = lock.tryAcquire("rapidContent", "default");
        assertThat(successor.acquired()).isTrue();

        first.lease().close();

        assertThat(rows()).as("the old owner's release deletes only its own row").isEqualTo(1);
        successor.lease().close();
    }
}
