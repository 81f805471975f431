package com.pagingetl.jobs.rapid;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.pagingetl.launch.ExitCodes;
import com.pagingetl.testing.EtlRun;
import com.pagingetl.testing.RepositoryDatabase;

/**
 * A run lock left in the shared job repository by a process on another host, planted as that host would have
 * written it: while its heartbeat is fresh the command exits 3 naming that host; once the heartbeat is older
 * than {@code etl.lock-stale-after} (the host died), the command takes the lock over and runs. The heartbeat's
 * age is set in the row, so nothing waits for a clock.
 */
class RapidStaleLockIntegrationTests {

    private static final Pattern SCOPE = Pattern.compile("rapidContent \\[(.*)]: starting run 1");
    private static final String OTHER_HOST = "etl-batch-07.elsewhere.example";

    @TempDir
    Path home;

    @ParameterizedTest
    @EnumSource(RepositoryDatabase.class)
    void aLockFromADeadProcessOnAnotherHostIsTakenOverAfterTheStaleDelay(RepositoryDatabase database) throws Exception {
        try (RapidFixture rapid = new RapidFixture(home, database, Map.of())) {
            // A first run that fails at once, for the scope key and a run to resume.
            rapid.simulator.failRequestsAfter(0, 500);
            EtlRun.Result failed = rapid.run("--etl.http.max-attempts=1");
            assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(ExitCodes.FAILED);
            Matcher scope = SCOPE.matcher(failed.out());
            assertThat(scope.find()).as(failed.out()).isTrue();
            rapid.simulator.clearFaults();
            plantLock(rapid.etl, scope.group(1), OffsetDateTime.now(ZoneOffset.UTC));

            EtlRun.Result held = rapid.run("--etl.lock-stale-after=30s");

            assertThat(held.exitCode()).as(held.toString()).isEqualTo(ExitCodes.ALREADY_RUNNING);
            assertThat(held.lastErrorLine()).contains("is already running", "pid 4242 on " + OTHER_HOST);

            try (Connection c = rapid.etl.openRepository();
                 PreparedStatement s = c.prepareStatement("UPDATE ETL_RUN_LOCK SET HEARTBEAT_AT = ? WHERE HOST_NAME = ?")) {
                s.setObject(1, OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(5));
                s.setString(2, OTHER_HOST);
                assertThat(s.executeUpdate()).isOne();
            }
            EtlRun.Result taken = rapid.run("--etl.lock-stale-after=30s");

            assertThat(taken.exitCode()).as(taken.toString()).isZero();
            assertThat(taken.out()).contains("resuming run 1");
            assertThat(RapidFixture.ids(rapid.published(".jsonl.gz").get(0))).doesNotHaveDuplicates()
                    .hasSize(rapid.expectedIds().size());
            try (Connection c = rapid.etl.openRepository();
                 var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM ETL_RUN_LOCK")) {
                rs.next();
                assertThat(rs.getLong(1)).as("the taken-over lock is released at the end").isZero();
            }
        }
    }

    /** The row another host's launcher writes when it acquires the lock (see RunLock). */
    private static void plantLock(EtlRun etl, String scope, OffsetDateTime heartbeat) throws Exception {
        try (Connection c = etl.openRepository();
             PreparedStatement s = c.prepareStatement("INSERT INTO ETL_RUN_LOCK (JOB_NAME, SCOPE_KEY, OWNER_ID, HOST_NAME,"
                     + " PID, PROCESS_START, ACQUIRED_AT, HEARTBEAT_AT) VALUES ('rapidContent', ?, 'owner-on-07', ?, 4242,"
                     + " '2026-01-01T00:00:00Z', ?, ?)")) {
            s.setString(1, scope);
            s.setString(2, OTHER_HOST);
            s.setObject(3, heartbeat.minusHours(1));
            s.setObject(4, heartbeat);
            s.executeUpdate();
        }
    }
}
