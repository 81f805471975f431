package com.pagingetl.jobs.systax;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import com.pagingetl.launch.ApiBaseUrl;
import com.pagingetl.launch.UsageException;

/**
 * {@code etl.jobs.systax-rules.*}; the environment variables SYSTAX_BASE_URL, SYSTAX_USERNAME, SYSTAX_PASSWORD,
 * SYSTAX_LOGIN_PATH and SYSTAX_RULES_PATH feed the first five (see application.properties).
 *
 * @param baseUrl            API origin, optionally with a path prefix; the two paths are appended to it; https only,
 *                           except to a loopback address (the simulator), since the password and token go with it
 * @param username           login user ({@code usuario})
 * @param password           login password ({@code senha}; secret)
 * @param loginPath          path of the token endpoint (assumed shape, see the job README)
 * @param rulesPath          path of the rules endpoint (assumed shape, see the job README)
 * @param chunkSize          rules per commit; each commit forces the part and updates the job repository, which cost
 *                           about as much as reading a few pages, so the default spans 20 pages
 * @param firstIdCenario     {@code id_cenario} of a process's first request (the lowest scenario, or 1)
 * @param firstCodigoProduto {@code codigo_produto} of a process's first request (the lowest product, or 1)
 */
@ConfigurationProperties("etl.jobs.systax-rules")
public record SystaxRulesProperties(String baseUrl, String username, String password,
                                    @DefaultValue("/auth/login") String loginPath,
                                    @DefaultValue("/api/v1/regras") String rulesPath,
                                    @DefaultValue("2000") int chunkSize,
                                    @DefaultValue("1") long firstIdCenario,
                                    @DefaultValue("1") long firstCodigoProduto) {

    private static final String PREFIX = "etl.jobs.systax-rules.";

    void validate() {
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new UsageException(PREFIX + "base-url is not set: export SYSTAX_BASE_URL (or use --simulate)");
        }
        ApiBaseUrl.require(baseUrl, PREFIX + "base-url (SYSTAX_BASE_URL)");
        if (URI.create(baseUrl.trim()).getRawQuery() != null) {
            throw new UsageException(PREFIX + "base-url (SYSTAX_BASE_URL) must not have a query, was '" + baseUrl + "'");
        }
        if (username == null || username.isBlank()) {
            throw new UsageException(PREFIX + "username is not set: export SYSTAX_USERNAME (or use --simulate)");
        }
        if (password == null || password.isBlank()) {
            throw new UsageException(PREFIX + "password is not set: export SYSTAX_PASSWORD (or use --simulate)");
        }
        requirePath("login-path", loginPath);
        requirePath("rules-path", rulesPath);
        if (chunkSize < 1) {
            throw new UsageException(PREFIX + "chunk-size must be at least 1, was " + chunkSize);
        }
        if (firstIdCenario < 0 || firstCodigoProduto < 0) {
            throw new UsageException(PREFIX + "first-id-cenario and first-codigo-produto must not be negative");
        }
    }

    private static void requirePath(String name, String path) {
        if (path == null || !path.startsWith("/") || path.contains("?") || path.contains("#") || path.contains("//")) {
            throw new UsageException(PREFIX + name + " must be a path starting with / (no query), was '" + path + "'");
        }
    }
}
