package com.pagingetl.testing;

import java.nio.file.Path;
import java.util.List;

/**
 * The job repository a test's commands use: the default H2 file (in the test's own directory) or a fresh
 * database on the test JVM's shared PostgreSQL. Tests of what the repository does (restart, kill -9 and
 * resume, the run lock, --status) run on both.
 */
public enum RepositoryDatabase {
    H2 {
        @Override
        public List<String> springArgs(Path home) {
            return List.of("--spring.datasource.url=jdbc:h2:file:" + home.resolve("data/etl") + ";AUTO_SERVER=TRUE;WRITE_DELAY=0");
        }
    },
    POSTGRESQL {
        @Override
        public List<String> springArgs(Path home) {
            return List.of("--spring.datasource.url=" + PostgresServer.shared().freshDatabase(),
                    "--spring.datasource.username=" + PostgresServer.user());
        }
    };

    /** The spring.datasource.* arguments of a new repository for commands run from {@code home}. */
    public abstract List<String> springArgs(Path home);
}
