package com.pagingetl.state;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * Keeps an H2 {@code AUTO_SERVER} job repository open for the other processes that use it. With AUTO_SERVER the
 * first process to open the database serves it (on a loopback port) to every later one; when that process
 * exits, H2 closes the database and the others' connections die with "Database is already closed" in the
 * middle of their runs. So, at context close and before the connection pool goes, a process that serves the
 * database waits until no other process is connected, saying so once. A process that is itself a client, or
 * a repository that is not H2 AUTO_SERVER, closes at once.
 *
 * <p>A server process killed with {@code kill -9} cannot wait: the runs connected to it fail (exit 1) and resume
 * with the same command.
 */
public final class AutoServerHandover implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AutoServerHandover.class);

    private final DataSource dataSource;
    private final boolean applies;

    public AutoServerHandover(DataSource dataSource, String url) {
        this.dataSource = dataSource;
        this.applies = url != null && url.startsWith("jdbc:h2:") && url.toUpperCase(Locale.ROOT).contains("AUTO_SERVER=TRUE");
    }

    @Override
    public void destroy() {
        if (!applies) {
            return;
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            if (isRemote(s)) {
                return;
            }
            boolean said = false;
            for (long others = remoteSessions(s); others > 0; others = remoteSessions(s)) {
                if (!said) {
                    log.warn("this process serves the job repository to {} connection(s) of other runs;"
                            + " waiting for them to end before exiting", others);
                    said = true;
                }
                Thread.sleep(500);
            }
        } catch (SQLException e) {
            log.warn("could not check for other runs using the job repository: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether this connection reaches the database over the network, i.e. another process serves it. */
    private static boolean isRemote(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT CLIENT_ADDR FROM INFORMATION_SCHEMA.SESSIONS WHERE SESSION_ID = SESSION_ID()")) {
            return rs.next() && rs.getString(1) != null;
        }
    }

    private static long remoteSessions(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE CLIENT_ADDR IS NOT NULL")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
