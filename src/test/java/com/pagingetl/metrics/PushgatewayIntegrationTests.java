package com.pagingetl.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.pagingetl.launch.ExitCodes;
import com.pagingetl.testing.EtlRun;
import com.pagingetl.testing.StubHttpServer;

/** A systaxRules run with {@code etl.metrics.pushgateway-url} pushes its series to a (stub) Pushgateway once it ends. */
class PushgatewayIntegrationTests {

    private static final Pattern SAMPLE = Pattern.compile("(?m)^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*})? (\\S+)$");

    @TempDir
    Path home;

    @Test
    void completedRunPushesBatchAndJobSeriesGroupedByJobAndScope() throws IOException {
        try (StubHttpServer gateway = new StubHttpServer(200)) {
            EtlRun.Result result = new EtlRun(home, "--etl.metrics.pushgateway-url=" + gateway.url())
                    .run("--job=systaxRules", "--simulate", "sim.size=450", "sim.seed=3", "sim.errorRate=0.2",
                            "sim.rateLimitRate=0.1", "sim.retryAfterSeconds=0", "paginacao=50");
            assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.COMPLETED);

            assertThat(gateway.requests()).hasSize(1);
            StubHttpServer.Request push = gateway.requests().get(0);
            assertThat(push.method()).isEqualTo("PUT");
            assertThat(groupingKey(push.path())).containsEntry("job", "systaxRules")
                    .containsEntry("scope", scope(result.out()));
            Map<String, Double> series = series(push.body());

            assertThat(series).containsEntry("etl_records_total", 450.0)
                    .containsEntry("etl_published_records_total", 450.0)
                    .containsKey("etl_pages_total")
                    .containsKey("etl_published_bytes_total")
                    .containsKey("etl_http_requests_total{status=\"200\"}")
                    .containsKey("etl_run_end_timestamp_seconds{status=\"COMPLETED\"}");
            assertThat(series.get("etl_published_bytes_total")).isPositive();
            // Every transient answer but the last attempt's is retried, and this run never ran out of attempts.
            double transientAnswers = series.entrySet().stream()
                    .filter(e -> e.getKey().matches("etl_http_requests_total\\{status=\"(429|500|503)\"}"))
                    .mapToDouble(Map.Entry::getValue).sum();
            assertThat(transientAnswers).isPositive();
            assertThat(series).containsEntry("etl_http_retries_total", transientAnswers);
            assertThat(series.getOrDefault("etl_http_rate_limit_waits_seconds_count", 0.0))
                    .isEqualTo(series.getOrDefault("etl_http_requests_total{status=\"429\"}", 0.0));
            assertThat(series.keySet()).anyMatch(k -> k.startsWith("spring_batch_job_seconds_count{")
                    && k.contains("spring_batch_job_name=\"systaxRules\"") && k.contains("spring_batch_job_status=\"COMPLETED\""));
            assertThat(series.keySet()).anyMatch(k -> k.startsWith("spring_batch_step_seconds_count{"));
            assertThat(push.body()).doesNotContain("demo-systax-password");
        }
    }

    @Test
    void failedRunPushesToo() throws IOException {
        try (StubHttpServer gateway = new StubHttpServer(200)) {
            EtlRun.Result result = new EtlRun(home, "--etl.metrics.pushgateway-url=" + gateway.url(),
                    "--etl.http.max-attempts=1")
                    .run("--job=systaxRules", "--simulate", "sim.size=300", "sim.seed=3", "sim.errorRate=1");
            assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.FAILED);

            assertThat(gateway.requests()).hasSize(1);
            assertThat(series(gateway.requests().get(0).body()))
                    .containsKey("etl_run_end_timestamp_seconds{status=\"FAILED\"}")
                    .doesNotContainKey("etl_published_bytes_total");
        }
    }

    @Test
    void aPushgatewayThatRefusesDoesNotChangeTheOutcome() throws IOException {
        try (StubHttpServer gateway = new StubHttpServer(500)) {
            EtlRun.Result result = new EtlRun(home, "--etl.metrics.pushgateway-url=" + gateway.url())
                    .run("--job=systaxRules", "--simulate", "sim.size=100");
            assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.COMPLETED);
            assertThat(gateway.requests()).hasSize(1);
        }
    }

    @Test
    void aPushgatewayUrlWithAPathIsAUsageError() {
        EtlRun.Result result = new EtlRun(home, "--etl.metrics.pushgateway-url=http://127.0.0.1:9091/metrics")
                .run("--job=systaxRules", "--simulate", "sim.size=10");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.lastErrorLine()).contains("etl.metrics.pushgateway-url");
    }

    @Test
    void watermarksThatAreTimesHaveAnAge() {
        assertThat(RunMetricsListener.time("2026-11-29")).contains(Instant.parse("2026-11-29T00:00:00Z"));
        assertThat(RunMetricsListener.time("2026-11-29T10:15:30Z")).contains(Instant.parse("2026-11-29T10:15:30Z"));
        assertThat(RunMetricsListener.time("2026-11-29T10:15:30+01:00")).contains(Instant.parse("2026-11-29T09:15:30Z"));
        assertThat(RunMetricsListener.time("184467")).isEmpty();
    }

    /** {@code /metrics/job/<job>/<label>/<value>...}, values either URL-encoded or {@code <label>@base64/<value>}. */
    private static Map<String, String> groupingKey(String path) {
        assertThat(path).startsWith("/metrics/");
        List<String> parts = List.of(path.substring("/metrics/".length()).split("/"));
        Map<String, String> key = new LinkedHashMap<>();
        for (int i = 0; i + 1 < parts.size(); i += 2) {
            String label = parts.get(i);
            String value = parts.get(i + 1);
            if (label.endsWith("@base64")) {
                key.put(label.substring(0, label.length() - "@base64".length()),
                        new String(Base64.getUrlDecoder().decode(value), java.nio.charset.StandardCharsets.UTF_8));
            } else {
                key.put(label, java.net.URLDecoder.decode(value, java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return key;
    }

    /** Prometheus text exposition: "name{labels}" to value. */
    private static Map<String, Double> series(String text) {
        Map<String, Double> series = new LinkedHashMap<>();
        Matcher m = SAMPLE.matcher(text);
        while (m.find()) {
            series.put(m.group(1) + (m.group(2) == null ? "" : m.group(2)), Double.parseDouble(m.group(3)));
        }
        return series;
    }

    private static String scope(String out) {
        Matcher m = Pattern.compile("systaxRules \\[(.*)\\]: starting run").matcher(out);
        assertThat(m.find()).as(out).isTrue();
        return m.group(1);
    }
}
