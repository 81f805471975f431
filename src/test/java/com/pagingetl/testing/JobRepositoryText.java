package com.pagingetl.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;

/**
 * Every text the job repository of an {@link EtlRun} holds about executions, for greps: exit messages,
 * parameters, and the execution contexts both as stored and, when they are Base64 (Java serialization), decoded.
 */
public final class JobRepositoryText {

    private static final String[] QUERIES = {
            "SELECT EXIT_MESSAGE FROM BATCH_JOB_EXECUTION",
            "SELECT EXIT_MESSAGE FROM BATCH_STEP_EXECUTION",
            "SELECT SHORT_CONTEXT || COALESCE(SERIALIZED_CONTEXT, '') FROM BATCH_JOB_EXECUTION_CONTEXT",
            "SELECT SHORT_CONTEXT || COALESCE(SERIALIZED_CONTEXT, '') FROM BATCH_STEP_EXECUTION_CONTEXT",
            "SELECT PARAMETER_VALUE FROM BATCH_JOB_EXECUTION_PARAMS"};

    private JobRepositoryText() {
    }

    private static String decoded(String value) {
        if (value == null) {
            return "";
        }
        try {
            return new String(Base64.getDecoder().decode(value.strip()), StandardCharsets.ISO_8859_1);
        } catch (IllegalArgumentException notBase64) {
            return "";
        }
    }

    public static String of(EtlRun run) throws SQLException, IOException {
        return of(run.home());
    }

    /** Empty when no command created the repository (a refusal before Spring starts creates nothing). */
    public static String of(Path home) throws SQLException, IOException {
        StringBuilder all = new StringBuilder();
        if (!Files.exists(home.resolve("data/etl.mv.db"))) {
            return "";
        }
        try (Connection c = EtlRun.openH2(home); Statement s = c.createStatement()) {
            for (String query : QUERIES) {
                try (ResultSet rs = s.executeQuery(query)) {
                    while (rs.next()) {
                        String value = rs.getString(1);
                        all.append(value).append('\n').append(decoded(value)).append('\n');
                    }
                }
            }
        }
        return all.toString();
    }
}
