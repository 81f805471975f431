package com.pagingetl.state;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells "the job repository cannot be reached" from every other failure: a database that is down, restarting
 * or cut off is a reason to run the same command again later (exit 1), never a configuration error (exit 2).
 * A wrong password, an unknown database or a missing driver are not outages.
 */
public final class RepositoryOutage {

    private RepositoryOutage() {
    }

    /** Whether anything in {@code t}'s cause chain says that the database could not be reached or was lost. */
    public static boolean isUnreachable(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof RepositoryUnreachableException || c instanceof CannotGetJdbcConnectionException
                    || c instanceof CannotCreateTransactionException || c instanceof DataAccessResourceFailureException
                    || c instanceof SQLTransientConnectionException || c instanceof SQLNonTransientConnectionException
                    || c instanceof ConnectException || c instanceof NoRouteToHostException
                    || c instanceof UnknownHostException || c instanceof SocketTimeoutException) {
                return true;
            }
            // SQL state class 08 is the standard's "connection exception", whatever the driver's exception type.
            if (c instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }

    /** The innermost message of the chain, on one line: the driver's own words ("Connection refused", ...). */
    public static String cause(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }

    /**
     * A JDBC URL fit for a message: a password given in it ({@code password=...} parameter, {@code user:password@}
     * authority) is replaced by {@code ***}.
     */
    public static String safeUrl(String url) {
        if (url == null) {
            return "(no spring.datasource.url)";
        }
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***").replaceAll("//([^/@:]*):[^/@]*@", "//$1:***@");
    }
}
