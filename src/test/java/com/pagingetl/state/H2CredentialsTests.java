package com.pagingetl.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class H2CredentialsTests {

    @Test
    void onlyH2FileDatabasesHaveACredentialsFile() {
        assertThat(H2Credentials.databaseFile("jdbc:h2:file:./data/etl;AUTO_SERVER=TRUE;WRITE_DELAY=0")).isEqualTo(Path.of("./data/etl"));
        assertThat(H2Credentials.databaseFile("jdbc:h2:/var/lib/etl/etl")).isEqualTo(Path.of("/var/lib/etl/etl"));
        assertThat(H2Credentials.databaseFile("jdbc:h2:mem:test")).isNull();
        assertThat(H2Credentials.databaseFile("jdbc:h2:tcp://db/etl")).isNull();
        assertThat(H2Credentials.databaseFile("jdbc:postgresql://db/etl")).isNull();
        assertThat(H2Credentials.credentialsFile(Path.of("data/etl"))).isEqualTo(Path.of("data/etl.credentials"));
    }
}
