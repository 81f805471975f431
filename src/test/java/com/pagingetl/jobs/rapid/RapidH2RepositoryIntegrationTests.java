package com.pagingetl.jobs.rapid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.pagingetl.testing.EtlRun;
import com.pagingetl.testing.RepositoryDatabase;

/**
 * The default H2 job repository is closed: its AUTO_SERVER port listens on loopback only, it has a password of
 * its own (generated into {@code data/etl.credentials}, owner-only; a database of an older version with the
 * empty password is migrated), and a run that serves it to another process's run stays until that run is done,
 * so the other run completes.
 */
class RapidH2RepositoryIntegrationTests {

    private static final String LISTEN = "0A";

    @TempDir
    Path home;

    @Test
    void aRunningJobListensOnLoopbackOnlyAndAnotherScopesRunSurvivesItsExit() throws Exception {
        List<String> repository = RepositoryDatabase.H2.springArgs(home.resolve("a"));
        try (RapidFixture first = new RapidFixture(home.resolve("a"), repository, Map.of("latencyMs", "4000"));
             RapidFixture second = new RapidFixture(home.resolve("b"), repository, Map.of("latencyMs", "1000"))) {
            Process a = first.etl.start(Map.of(), "--job=rapidContent", "countries=FR", "maxPartitionSize=100000", "concurrency=1");
            while (a.isAlive() && first.simulator.contentRequestCount() < 1) {
                Thread.sleep(20);
            }
            // The first answer is still in its 4 s latency; every later request of the first run waits here, so
            // the first run is alive, serving the repository, however long the second takes to start.
            first.simulator.holdRequests();
            List<String> listening = listeningAddresses(a.pid());
            Process b = second.etl.start(Map.of(), "--job=rapidContent", "countries=US,GB", "maxPartitionSize=100000", "concurrency=1");
            while (b.isAlive() && second.simulator.contentRequestCount() < 1) {
                Thread.sleep(20);
            }
            assertThat(a.isAlive()).as("the first run still runs when the second has connected").isTrue();
            first.simulator.releaseRequests();

            assertThat(a.waitFor(5, TimeUnit.MINUTES)).isTrue();
            assertThat(b.waitFor(5, TimeUnit.MINUTES)).isTrue();

            assertThat(listening).as("the H2 server of the first run, on loopback only").isNotEmpty()
                    .allMatch(address -> address.startsWith("127.") || address.equals("::1"));
            assertThat(b.exitValue()).as(Files.readString(home.resolve("b/child.err"))).isZero();
            String firstErr = Files.readString(home.resolve("a/child.err"));
            assertThat(a.exitValue()).as(firstErr).isZero();
            assertThat(firstErr).contains("serves the job repository to", "waiting for them to end before exiting");
            assertThat(RapidFixture.distinct(RapidFixture.ids(first.published(".jsonl.gz").get(0))))
                    .isEqualTo(first.simulator.expectedIds(List.of("FR")));
            List<String> ids = RapidFixture.ids(second.published(".jsonl.gz").get(0));
            assertThat(ids).doesNotHaveDuplicates();
            assertThat(RapidFixture.distinct(ids)).isEqualTo(second.simulator.expectedIds(List.of("US", "GB")));
        }
    }

    @Test
    void theRepositoryGetsAPasswordKeptOwnerOnlyWithTheDataAndAnEmptyPasswordIsRefused() throws Exception {
        EtlRun etl = new EtlRun(home);
        assertThat(etl.run("--status").exitCode()).isZero();

        Path credentials = home.resolve("data/etl.credentials");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials))).isEqualTo("rw-------");
        assertThat(Files.readString(credentials).strip()).hasSizeGreaterThanOrEqualTo(32);
        assertEmptyPasswordRefused();
        try (Connection c = EtlRun.openH2(home)) {
            assertThat(c.isValid(5)).isTrue();
        }
    }

    @Test
    void aDatabaseOfAnOlderVersionWithTheEmptyPasswordIsMigrated() throws Exception {
        try (Connection old = DriverManager.getConnection(url(), "sa", "")) {
            old.createStatement().execute("CREATE TABLE OLD_VERSION_WAS_HERE (ID INT)");
        }
        EtlRun etl = new EtlRun(home);

        EtlRun.Result status = etl.run("--status");

        assertThat(status.exitCode()).as(status.toString()).isZero();
        assertThat(status.out()).contains("(no executions yet)");
        assertEmptyPasswordRefused();
        try (Connection c = EtlRun.openH2(home)) {
            assertThat(c.getMetaData().getTables(null, null, "OLD_VERSION_WAS_HERE", null).next()).isTrue();
        }
        assertThat(home.resolve("data/etl.credentials.new")).doesNotExist();
    }

    private void assertEmptyPasswordRefused() {
        assertThatThrownBy(() -> DriverManager.getConnection(url(), "sa", "").close())
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getErrorCode()).isEqualTo(28000));
    }

    private String url() {
        return "jdbc:h2:file:" + home.resolve("data/etl") + ";AUTO_SERVER=TRUE;WRITE_DELAY=0";
    }

    /**
     * The local addresses of every TCP socket process {@code pid} listens on: its socket inodes (from
     * {@code /proc/<pid>/fd}) looked up in its network namespace's tables ({@code /proc/<pid>/net/tcp, tcp6}).
     */
    static List<String> listeningAddresses(long pid) throws IOException {
        Set<String> inodes = new HashSet<>();
        try (var fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring("socket:[".length(), target.length() - 1));
                    }
                } catch (IOException closedMeanwhile) {
                    // a descriptor closed while listing
                }
            }
        }
        List<String> addresses = new ArrayList<>();
        for (String table : List.of("tcp", "tcp6")) {
            List<String> lines = Files.readAllLines(Path.of("/proc", Long.toString(pid), "net", table));
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.trim().split("\\s+");
                if (f[3].equals(LISTEN) && inodes.contains(f[9])) {
                    addresses.add(address(f[1].split(":")[0]));
                }
            }
        }
        return addresses;
    }

    /** A /proc/net address in hex (little-endian 32-bit words) as text: 0100007F is 127.0.0.1. */
    private static String address(String hex) {
        byte[] bytes = new byte[hex.length() / 2];
        for (int word = 0; word < bytes.length / 4; word++) {
            for (int i = 0; i < 4; i++) {
                bytes[word * 4 + i] = (byte) Integer.parseInt(hex.substring((word * 4 + 3 - i) * 2, (word * 4 + 4 - i) * 2), 16);
            }
        }
        try {
            String text = java.net.InetAddress.getByAddress(bytes).getHostAddress().toLowerCase(Locale.ROOT);
            return text.equals("0:0:0:0:0:0:0:1") ? "::1" : text;
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(hex, e);
        }
    }
}
