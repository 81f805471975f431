package com.pagingetl.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

class RepositoryOutageTests {

    @Test
    void connectionFailuresAnywhereInTheChainAreOutages() {
        assertThat(RepositoryOutage.isUnreachable(new BeanCreationException("jobRepository",
                new IllegalStateException("initializing", new SQLException("Connection to localhost:5432 refused", "08001")))))
                .isTrue();
        assertThat(RepositoryOutage.isUnreachable(new CannotGetJdbcConnectionException("no connection"))).isTrue();
        assertThat(RepositoryOutage.isUnreachable(new SQLTransientConnectionException("request timed out after 5000ms"))).isTrue();
        assertThat(RepositoryOutage.isUnreachable(new RuntimeException(new ConnectException("Connection refused")))).isTrue();
    }

    @Test
    void wrongPasswordsUnknownDatabasesAndOtherErrorsAreNot() {
        assertThat(RepositoryOutage.isUnreachable(new SQLException("password authentication failed", "28P01"))).isFalse();
        assertThat(RepositoryOutage.isUnreachable(new SQLException("database \"etl\" does not exist", "3D000"))).isFalse();
        assertThat(RepositoryOutage.isUnreachable(new IllegalStateException("unsupported job repository database"))).isFalse();
    }

    @Test
    void aPasswordInTheUrlIsNeverShown() {
        assertThat(RepositoryOutage.safeUrl("jdbc:postgresql://db:5432/etl?user=etl&password=s3cret&ssl=true"))
                .isEqualTo("jdbc:postgresql://db:5432/etl?user=etl&password=***&ssl=true");
        assertThat(RepositoryOutage.safeUrl("jdbc:postgresql://etl:s3cret@db/etl")).isEqualTo("jdbc:postgresql://etl:***@db/etl");
        assertThat(RepositoryOutage.safeUrl("jdbc:h2:file:./data/etl;AUTO_SERVER=TRUE;PASSWORD=s3cret"))
                .isEqualTo("jdbc:h2:file:./data/etl;AUTO_SERVER=TRUE;PASSWORD=***");
    }
}
