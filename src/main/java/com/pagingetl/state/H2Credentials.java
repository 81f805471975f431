package com.pagingetl.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives an H2 file job repository a password of its own, kept with the data: {@code <database>.credentials}
 * (e.g. {@code data/etl.credentials}, owner read/write only), generated on first use. It applies when
 * {@code spring.datasource.url} is an H2 file database and {@code spring.datasource.password} is empty, which
 * is the default; a password set by the user is used as it is.
 *
 * <p>A database created by an older version with the empty password is migrated on first use: the new
 * password is written to {@code <database>.credentials.new}, set with {@code ALTER USER}, and only then renamed
 * to {@code <database>.credentials}, so that a process killed in between leaves a password that the next one
 * can still use (if the empty password is refused, the pending one was already set).
 */
public final class H2Credentials {

    private static final String URL = "spring.datasource.url";
    private static final String PASSWORD = "spring.datasource.password";
    /** H2's error code for a wrong user name or password. */
    private static final int WRONG_USER_OR_PASSWORD = 28000;

    private H2Credentials() {
    }

    /** A context initializer: sets {@code spring.datasource.password} from the credentials file when it applies. */
    public static void apply(ConfigurableApplicationContext context) {
        ConfigurableEnvironment env = context.getEnvironment();
        String url = env.getProperty(URL);
        Path database = databaseFile(url);
        if (database == null || !env.getProperty(PASSWORD, "").isEmpty()) {
            return;
        }
        String user = env.getProperty("spring.datasource.username", "sa");
        try {
            String password = passwordOf(database, url, user);
            env.getPropertySources().addFirst(new MapPropertySource("h2-credentials", Map.of(PASSWORD, password)));
        } catch (IOException e) {
            throw new UncheckedIOException("reading or creating the job repository's password file "
                    + credentialsFile(database) + " failed: " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new IllegalStateException("setting a password on the job repository " + database + " failed: "
                    + e.getMessage(), e);
        }
    }

    /** The credentials file of an H2 file database: {@code data/etl} keeps its password in {@code data/etl.credentials}. */
    public static Path credentialsFile(Path database) {
        return database.resolveSibling(database.getFileName() + ".credentials");
    }

    /** The database path of an H2 file URL ({@code jdbc:h2:file:./data/etl;...} is {@code ./data/etl}), else null. */
    static Path databaseFile(String url) {
        if (url == null || !url.startsWith("jdbc:h2:")) {
            return null;
        }
        String name = url.substring("jdbc:h2:".length()).split(";", 2)[0];
        if (name.startsWith("file:")) {
            name = name.substring("file:".length());
        } else if (name.matches("^[A-Za-z][A-Za-z0-9]+:.*")) {
            return null; // mem:, tcp:, ssl:, zip:... : no file of ours, or a server with its own users
        }
        if (name.startsWith("~")) {
            name = System.getProperty("user.home") + name.substring(1);
        }
        return Path.of(name);
    }

    private static String passwordOf(Path database, String url, String user) throws IOException, SQLException {
        Path file = credentialsFile(database);
        if (Files.exists(file)) {
            return read(file);
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        if (!Files.exists(database.resolveSibling(database.getFileName() + ".mv.db"))) {
            return publish(file, generate());
        }
        Path pending = database.resolveSibling(database.getFileName() + ".credentials.new");
        String password = Files.exists(pending) ? read(pending) : publish(pending, generate());
        if (!user.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalStateException("cannot set a password for the H2 user '" + user + "'; set "
                    + PASSWORD + " (ETL_DATASOURCE_PASSWORD) yourself");
        }
        try (Connection c = DriverManager.getConnection(url, user, ""); Statement s = c.createStatement()) {
            // The password is base64url: nothing in it needs quoting.
            s.execute("ALTER USER " + user + " SET PASSWORD '" + password + "'");
        } catch (SQLException e) {
            if (e.getErrorCode() != WRONG_USER_OR_PASSWORD) {
                throw e;
            }
            // The empty password is refused: a process that died before the rename below had set this one.
        }
        Files.move(pending, file, StandardCopyOption.ATOMIC_MOVE);
        return password;
    }

    private static String generate() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * Writes {@code password} to {@code file} whole or not at all (a temporary file, forced, then linked under the
     * name), owner-only; when another process won the race, its password is the one.
     */
    private static String publish(Path file, String password) throws IOException {
        Path temp = file.resolveSibling(file.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        Files.deleteIfExists(temp);
        try {
            Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(temp);
        }
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap((password + "\n").getBytes(StandardCharsets.US_ASCII)));
            channel.force(true);
        }
        try {
            Files.createLink(file, temp);
            return password;
        } catch (FileAlreadyExistsException lostTheRace) {
            return read(file);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static String read(Path file) throws IOException {
        String password = Files.readString(file, StandardCharsets.US_ASCII).strip();
        if (password.isEmpty()) {
            throw new IOException(file + " is empty; delete it only if the database has no password yet");
        }
        return password;
    }
}
