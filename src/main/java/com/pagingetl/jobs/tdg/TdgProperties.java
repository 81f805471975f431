package com.pagingetl.jobs.tdg;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import com.pagingetl.launch.ApiBaseUrl;
import com.pagingetl.launch.UsageException;

/**
 * {@code etl.jobs.tdg-versions.*}; the environment variables TDG_BASE_URL and TDG_TOKEN feed the first
 * two (see application.properties).
 *
 * @param baseUrl     the grid's origin, e.g. {@code https://tdg-router:8443}; the job posts to {@code <baseUrl>/graphql};
 *                    https only, except to a loopback address (the simulator), since the token goes with every request
 * @param token       application token, sent as {@code Authorization: Bearer <token>} (secret)
 * @param chunkSize   objects per commit (each commit is two disk syncs: the part, the job repository)
 * @param pageSize    {@code first} of every page; 0 means the grid's returned hard limit, and a larger value
 *                    is lowered to that limit
 * @param updateField per type, an indexed field the grid sets on every write (e.g. {@code Account=updated_at}):
 *                    later runs of that type read only objects whose field is above the last run's highest value
 * @param fieldsFile  a GraphQL selection set to use instead of {@code jobs/tdgVersions/<Type>.graphql}
 * @param clockMargin when the grid cannot tell its newest version, the snapshot is pinned at the local clock
 *                    less this margin, so that a client clock ahead of the grid's does not take in writes
 *                    made while the run pages
 */
@ConfigurationProperties("etl.jobs.tdg-versions")
public record TdgProperties(URI baseUrl, String token, @DefaultValue("2000") int chunkSize,
                            @DefaultValue("0") int pageSize, Map<String, String> updateField, Path fieldsFile,
                            @DefaultValue("2s") Duration clockMargin) {

    public TdgProperties {
        updateField = updateField == null ? Map.of() : Map.copyOf(updateField);
    }

    boolean hasBaseUrl() {
        return baseUrl != null && baseUrl.getScheme() != null && baseUrl.getHost() != null;
    }

    void validate() {
        ApiBaseUrl.require(baseUrl, "etl.jobs.tdg-versions.base-url (TDG_BASE_URL)");
        if (token == null || token.isBlank()) {
            throw new UsageException("etl.jobs.tdg-versions.token is not set: export TDG_TOKEN (or use --simulate)");
        }
        if (chunkSize < 1) {
            throw new UsageException("etl.jobs.tdg-versions.chunk-size must be at least 1, was " + chunkSize);
        }
        if (pageSize < 0) {
            throw new UsageException("etl.jobs.tdg-versions.page-size must be 0 (the grid's limit) or more, was " + pageSize);
        }
        if (clockMargin == null || clockMargin.isNegative()) {
            throw new UsageException("etl.jobs.tdg-versions.clock-margin must not be negative, was " + clockMargin);
        }
        updateField.forEach((type, field) -> {
            if (!TdgParameters.TYPE.matcher(field).matches()) {
                throw new UsageException("etl.jobs.tdg-versions.update-field." + type + "=" + field
                        + " is not a field name");
            }
        });
    }

    /** The update-time field configured for {@code type}, or null. */
    String updateFieldOf(String type) {
        String field = updateField.get(type);
        return field == null || field.isBlank() ? null : field;
    }

    URI graphqlUri() {
        String base = baseUrl.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/graphql");
    }
}
