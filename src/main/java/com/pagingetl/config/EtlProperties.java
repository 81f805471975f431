package com.pagingetl.config;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import com.pagingetl.http.HttpSettings;

/**
 * Settings shared by all jobs ({@code etl.*}).
 *
 * @param outputDir        root of published files ({@code output/<job>/...})
 * @param progressInterval how often each running reader logs a progress line
 * @param lockStaleAfter   a run lock held from another host is taken over after this long without heartbeat
 * @param http             transport settings, see {@link HttpSettings}
 * @param readAhead        each reader fetches its next page while the current one is written (one request more
 *                         in flight per reader), see {@link com.pagingetl.paging.ReadAhead}
 * @param metrics          {@code etl.metrics.*}, see {@link com.pagingetl.metrics.MetricsConfiguration}
 * @param openlineage      {@code etl.openlineage.*}, see {@link com.pagingetl.lineage.LineageConfiguration}
 */
@ConfigurationProperties("etl")
public record EtlProperties(@DefaultValue("output") Path outputDir,
                            @DefaultValue("10s") Duration progressInterval,
                            @DefaultValue("2m") Duration lockStaleAfter,
                            @DefaultValue Http http,
                            @DefaultValue("true") boolean readAhead,
                            @DefaultValue Metrics metrics,
                            @DefaultValue Openlineage openlineage) {

    /** @param pushgatewayUrl {@code http(s)://host:port} of a Prometheus Pushgateway; no metrics when absent */
    public record Metrics(String pushgatewayUrl) {
    }

    /**
     * @param url       where OpenLineage run events are posted (e.g. Marquez's {@code http://host:5000/api/v1/lineage});
     *                  no events when absent
     * @param namespace the job namespace of the events
     */
    public record Openlineage(String url, @DefaultValue("paging-etl") String namespace) {
    }

    /** {@code etl.http.*}. */
    public record Http(@DefaultValue("10s") Duration connectTimeout, @DefaultValue("120s") Duration requestTimeout,
                       @DefaultValue("6") int maxAttempts, @DefaultValue("500ms") Duration initialBackoff,
                       @DefaultValue("30s") Duration maxBackoff, @DefaultValue("5m") Duration maxServerWait,
                       @DefaultValue("0") double requestsPerSecond,
                       @DefaultValue("paging-etl/0.1") String userAgent) {

        public HttpSettings settings() {
            return new HttpSettings(connectTimeout, requestTimeout, maxAttempts, initialBackoff, maxBackoff,
                    maxServerWait, requestsPerSecond, userAgent);
        }
    }
}
