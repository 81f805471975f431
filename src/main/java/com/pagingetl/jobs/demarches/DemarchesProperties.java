package com.pagingetl.jobs.demarches;

import java.net.URI;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import com.pagingetl.launch.UsageException;

/**
 * {@code etl.jobs.demarches-dossiers.*}; the environment variables DEMARCHES_BASE_URL and DEMARCHES_API_TOKEN
 * feed the first two (see application.properties).
 *
 * @param baseUrl       API origin; the job POSTs to {@code <base-url>/api/v2/graphql}. https only, except
 *                      to a loopback address (the simulator), so that the token never travels in clear
 * @param token         API token (secret), sent as {@code Authorization: Bearer}
 * @param dossiersQuery path of a GraphQL document to use instead of the shipped {@code dossiers.graphql}
 * @param deletedQuery  path of a GraphQL document to use instead of the shipped {@code deleted-dossiers.graphql}
 * @param chunkSize     records per commit
 */
@ConfigurationProperties("etl.jobs.demarches-dossiers")
public record DemarchesProperties(@DefaultValue("https://www.demarches-simplifiees.fr") URI baseUrl, String token,
                                  String dossiersQuery, String deletedQuery, @DefaultValue("100") int chunkSize) {

    static final String PREFIX = "etl.jobs.demarches-dossiers.";

    void validate() {
        if (baseUrl == null || baseUrl.getScheme() == null || baseUrl.getHost() == null) {
            throw new UsageException(PREFIX + "base-url (DEMARCHES_BASE_URL) must be an absolute URL, was " + baseUrl);
        }
        String scheme = baseUrl.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && isLoopback(baseUrl.getHost()))) {
            throw new UsageException(PREFIX + "base-url (DEMARCHES_BASE_URL) must be https:// (the API token would travel"
                    + " in clear); plain http is allowed only to localhost, was " + scheme + "://" + baseUrl.getHost());
        }
        if (token == null || token.isBlank()) {
            throw new UsageException(PREFIX + "token is not set: export DEMARCHES_API_TOKEN (or use --simulate)");
        }
        if (chunkSize < 1) {
            throw new UsageException(PREFIX + "chunk-size must be at least 1, was " + chunkSize);
        }
    }

    private static boolean isLoopback(String host) {
        return host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]") || host.equals("::1");
    }
}
