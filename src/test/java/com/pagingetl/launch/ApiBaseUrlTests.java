package com.pagingetl.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApiBaseUrlTests {

    @ParameterizedTest
    @ValueSource(strings = {"https://api.ean.com", "https://10.0.0.7:8443/api", "http://127.0.0.1:8089",
            "http://127.1.2.3", "http://localhost:9000/x", "http://LOCALHOST", "http://[::1]:8080",
            "http://[0:0:0:0:0:0:0:1]:8080"})
    void httpsAnywhereAndPlainHttpToLoopbackAreAccepted(String url) {
        assertThat(ApiBaseUrl.require(url, "etl.jobs.x.base-url (X_BASE_URL)").toString()).isEqualTo(url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://api.ean.com", "http://10.0.0.7:8080", "http://128.0.0.1", "http://localhost.evil.test",
            "http://[::2]:8080", "http://127.0.0.1.nip.io"})
    void plainHttpToAnotherHostIsRefusedNamingTheProperty(String url) {
        assertThatThrownBy(() -> ApiBaseUrl.require(url, "etl.jobs.x.base-url (X_BASE_URL)"))
                .isInstanceOf(UsageException.class)
                .hasMessageStartingWith("etl.jobs.x.base-url (X_BASE_URL) must be https://")
                .hasMessageContaining("in clear");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "api.ean.com", "ftp://api.ean.com", "https://", "not a url"})
    void aUrlThatIsNotAbsoluteHttpIsRefused(String url) {
        assertThatThrownBy(() -> ApiBaseUrl.require(url, "etl.jobs.x.base-url (X_BASE_URL)"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("must be an absolute https:// URL");
    }
}
