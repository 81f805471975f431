package com.pagingetl.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL from Maven (zonky's embedded binaries), on loopback, that a test can stop and start again on
 * the same port and data directory, as a database restart looks to the job. {@link #shared()} is the one
 * instance of the test JVM, started on first use, for tests that only need a database of their own
 * ({@link #freshDatabase}); a test that stops its server owns one ({@link #start}).
 */
public final class PostgresServer implements AutoCloseable {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static PostgresServer shared;

    private final Path dataDirectory;
    private final int port;
    private EmbeddedPostgres postgres;

    private PostgresServer(Path dataDirectory, int port) {
        this.dataDirectory = dataDirectory;
        this.port = port;
    }

    /** The test JVM's server, started on first use and stopped when the JVM exits. */
    public static synchronized PostgresServer shared() {
        if (shared == null) {
            try {
                shared = start(Files.createTempDirectory("etl-pg-shared"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared;
    }

    /** A server of the caller's own, its data under {@code dataDirectory}, on a free port. */
    public static PostgresServer start(Path dataDirectory) {
        PostgresServer server = new PostgresServer(dataDirectory, freePort());
        server.startAgain();
        return server;
    }

    public int port() {
        return port;
    }

    /** Starts (again) on the same port and data directory: the job sees its database come back. */
    public synchronized void startAgain() {
        try {
            postgres = EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(false)
                    .setPort(port).setRegisterShutdownHook(false).start();
        } catch (IOException e) {
            throw new UncheckedIOException("starting PostgreSQL on port " + port + " failed", e);
        }
    }

    /** Stops the server ({@code pg_ctl stop}, fast mode: open connections are cut), keeping its data. */
    public synchronized void stop() {
        try {
            if (postgres != null) {
                postgres.close();
                postgres = null;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("stopping PostgreSQL on port " + port + " failed", e);
        }
    }

    /** A new, empty database on this server; its JDBC URL. */
    public String freshDatabase() {
        String name = "etl_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("creating database " + name + " failed", e);
        }
        return url(name);
    }

    public String url(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    public static String user() {
        return "postgres";
    }

    @Override
    public void close() {
        stop();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
