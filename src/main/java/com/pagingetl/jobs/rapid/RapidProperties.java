package com.pagingetl.jobs.rapid;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import com.pagingetl.launch.ApiBaseUrl;
import com.pagingetl.launch.UsageException;

/**
 * {@code etl.jobs.rapid-content.*}; the environment variables RAPID_BASE_URL, RAPID_API_KEY and
 * RAPID_SHARED_SECRET feed the first three (see application.properties).
 *
 * @param baseUrl          API origin, {@code https://api.ean.com} in production; paths {@code /v3/...} are appended;
 *                         https only, except to a loopback address (the simulator)
 * @param apiKey           Rapid API key (secret)
 * @param sharedSecret     Rapid shared secret (secret)
 * @param chunkSize        records per commit
 * @param maxRestarts      times one partition may start over after expired links before the run fails
 * @param linkSafetyMargin a next link closer than this to its {@code expires} is treated as expired
 */
@ConfigurationProperties("etl.jobs.rapid-content")
public record RapidProperties(@DefaultValue("https://api.ean.com") URI baseUrl, String apiKey, String sharedSecret,
                              @DefaultValue("500") int chunkSize, @DefaultValue("3") int maxRestarts,
                              @DefaultValue("5s") Duration linkSafetyMargin) {

    void validate() {
        ApiBaseUrl.require(baseUrl, "etl.jobs.rapid-content.base-url (RAPID_BASE_URL)");
        if (apiKey == null || apiKey.isBlank()) {
            throw new UsageException("etl.jobs.rapid-content.api-key is not set: export RAPID_API_KEY (or use --simulate)");
        }
        if (sharedSecret == null || sharedSecret.isBlank()) {
            throw new UsageException("etl.jobs.rapid-content.shared-secret is not set: export RAPID_SHARED_SECRET (or use --simulate)");
        }
        if (chunkSize < 1) {
            throw new UsageException("etl.jobs.rapid-content.chunk-size must be at least 1, was " + chunkSize);
        }
    }
}
