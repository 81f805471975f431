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
 */
@ConfigurationProperties("etl")
public record EtlProperties(@DefaultValue("output") Path outputDir,
                            @DefaultValue("10s") Duration progressInterval,
                            @DefaultValue("2m") Duration lockStaleAfter,
                            @DefaultValue Http http,
                            @DefaultValue("true") boolean readAhead) {

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
