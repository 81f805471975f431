package com.pagingetl.jobs.demarches;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import com.pagingetl.launch.ApiBaseUrl;
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
        ApiBaseUrl.require(baseUrl, PREFIX + "base-url (DEMARCHES_BASE_URL)");
        if (token == null || token.isBlank()) {
            throw new UsageException(PREFIX + "token is not set: export DEMARCHES_API_TOKEN (or use --simulate)");
        }
        if (chunkSize < 1) {
            throw new UsageException(PREFIX + "chunk-size must be at least 1, was " + chunkSize);
        }
    }
}
