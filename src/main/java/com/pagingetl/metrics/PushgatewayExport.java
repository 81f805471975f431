package com.pagingetl.metrics;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.pagingetl.launch.UsageException;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.exporter.pushgateway.Format;
import io.prometheus.metrics.exporter.pushgateway.PushGateway;
import io.prometheus.metrics.exporter.pushgateway.Scheme;

/**
 * The run's meters in a Prometheus registry, pushed to a Pushgateway once the run has ended (completed, failed or
 * stopped), as the group {@code job=<job>, scope=<scope>}: each run replaces its scope's previous series. The only
 * class that names Prometheus types, created only when {@code etl.metrics.pushgateway-url} is set.
 */
final class PushgatewayExport implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PushgatewayExport.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final URI gateway;
    private RunMetricsListener run;

    /** @param url {@code http(s)://host:port} of the Pushgateway */
    PushgatewayExport(String url) {
        this.gateway = parse(url);
    }

    static URI parse(String url) {
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            throw new UsageException("etl.metrics.pushgateway-url=" + url + " is not a URL: " + e.getMessage());
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
                || !(uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/"))
                || uri.getRawQuery() != null || uri.getUserInfo() != null) {
            throw new UsageException("etl.metrics.pushgateway-url=" + url
                    + " must be http://host:port or https://host:port (the Pushgateway's address, no path)");
        }
        return uri;
    }

    MeterRegistry registry() {
        return registry;
    }

    void watch(RunMetricsListener listener) {
        this.run = listener;
    }

    /** Pushes the meters of the run that ended; a command that ran no job pushes nothing. */
    @Override
    public void close() {
        if (run != null && run.job() != null) {
            push(run.job(), run.scope());
        }
        EtlMeters.unbind(registry);
        registry.close();
    }

    private void push(String job, String scope) {
        int port = gateway.getPort() != -1 ? gateway.getPort() : "https".equals(gateway.getScheme()) ? 443 : 80;
        PushGateway.Builder builder = PushGateway.builder()
                .scheme("https".equals(gateway.getScheme()) ? Scheme.HTTPS : Scheme.HTTP)
                .address(gateway.getHost() + ":" + port)
                .format(Format.PROMETHEUS_TEXT)
                .connectionTimeout(TIMEOUT)
                .readTimeout(TIMEOUT)
                .registry(registry.getPrometheusRegistry())
                .job(job);
        RunMetricsListener.groupingKey(job, scope).forEach((k, v) -> {
            if (!k.equals("job")) {
                builder.groupingKey(k, v);
            }
        });
        try {
            builder.build().push();
            log.info("metrics of {} [{}] pushed to {}", job, scope, gateway);
        } catch (IOException | RuntimeException e) {
            // Metrics describe the run; they must never change its outcome or exit code.
            log.warn("pushing the metrics of {} [{}] to {} failed: {}", job, scope, gateway, e.toString());
        }
    }
}
