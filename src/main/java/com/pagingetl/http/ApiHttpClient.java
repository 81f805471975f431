package com.pagingetl.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.pagingetl.metrics.EtlMeters;

/**
 * The one place where the suite talks HTTP. Adds the common headers, enforces the API origin, retries
 * transient failures (IO errors, 429, 500, 502, 503, 504) with exponential backoff and jitter, honours
 * {@code Retry-After} and rate-limit reset headers, paces requests through a {@link RateLimiter} shared
 * by all threads of a job, and decodes gzip bodies.
 *
 * <p>Every other status is returned to the caller, who knows what the API means by it. Redirects are
 * never followed and TLS verification is the JDK's default, so credentials reach only the configured
 * origin. Thread-safe; one instance per job.
 */
public final class ApiHttpClient {

    private static final Logger log = LoggerFactory.getLogger(ApiHttpClient.class);

    private final HttpClient client;
    private final HttpSettings settings;
    private final RateLimiter rateLimiter;
    private final RetryDelays delays;
    private final URI origin;

    public ApiHttpClient(HttpSettings settings, URI apiBaseUrl) {
        this.settings = settings;
        this.rateLimiter = new RateLimiter(settings.requestsPerSecond());
        this.delays = new RetryDelays(settings);
        this.origin = originOf(apiBaseUrl);
        this.client = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /** The scheme, host and port credentials may be sent to. */
    public URI origin() {
        return origin;
    }

    /** True when {@code uri} has exactly the configured scheme, host and port. */
    public boolean isSameOrigin(URI uri) {
        return uri.isAbsolute() && origin.equals(originOf(uri));
    }

    /**
     * Sends the request built by {@code request} (called again for every attempt, so that signatures and
     * timestamps are fresh) and returns the first non-transient answer.
     *
     * @param operation what this call is, for messages: "fetch of page 7 of rapidContent partition US"
     * @throws ApiCallException when retries are exhausted, the body cannot be decoded, or the target is
     *                          not the configured origin
     */
    public ApiResponse send(String operation, Supplier<HttpRequest.Builder> request) {
        String lastProblem = "no attempt made";
        for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
            HttpRequest httpRequest = request.get()
                    .timeout(settings.requestTimeout())
                    .header("User-Agent", settings.userAgent())
                    .header("Accept-Encoding", "gzip")
                    .build();
            if (!isSameOrigin(httpRequest.uri())) {
                throw new ApiCallException(operation + " refused: " + describeTarget(httpRequest.uri())
                        + " is not the configured API origin " + origin + "; credentials are only sent there");
            }
            Duration wait;
            try {
                rateLimiter.acquire();
                HttpResponse<BodyBytes> raw = client.send(httpRequest, BodyBytes.handler());
                EtlMeters.response(raw.statusCode());
                ApiResponse response = decode(operation, raw);
                if (!isTransient(response.status())) {
                    return response;
                }
                lastProblem = "HTTP " + response.status() + " " + ResponseSummary.of(response);
                Optional<Duration> requested = delays.serverRequested(response, Instant.now());
                if (response.status() == 429 && requested.isPresent()) {
                    rateLimiter.pauseUntil(Instant.now().plus(requested.get()));
                    EtlMeters.rateLimitWait(requested.get());
                }
                int retryNumber = attempt;
                wait = requested.orElseGet(() -> delays.backoff(retryNumber));
            } catch (IOException e) {
                EtlMeters.response(-1);
                lastProblem = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
                wait = delays.backoff(attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ApiCallException(operation + " interrupted", e);
            }
            if (attempt < settings.maxAttempts()) {
                EtlMeters.retry();
                log.warn("{}: attempt {}/{} failed ({}); retrying in {} ms", operation, attempt,
                        settings.maxAttempts(), Secrets.redact(lastProblem), wait.toMillis());
                sleep(operation, wait);
            }
        }
        throw new ApiCallException(operation + " failed: " + lastProblem + " after " + settings.maxAttempts()
                + " attempts");
    }

    static boolean isTransient(int status) {
        return status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
    }

    /**
     * Inflates a gzip body. The client hands over the body whole ({@link BodyBytes}, one page at most), so an
     * IO error of the connection is an {@link IOException} of {@code send}, retried, and only a body that
     * arrived whole but does not inflate is refused as corrupt.
     */
    private static ApiResponse decode(String operation, HttpResponse<BodyBytes> raw) {
        String encoding = raw.headers().firstValue("Content-Encoding").orElse("").trim().toLowerCase(Locale.ROOT);
        byte[] bytes = raw.body().take();
        if (encoding.equals("gzip") && bytes.length > 0) {
            try {
                bytes = BodyBytes.gunzip(bytes);
            } catch (IOException e) {
                throw new ApiCallException(operation + " failed: HTTP " + raw.statusCode()
                        + " body is not valid gzip (" + e.getMessage() + "): truncated or corrupt response",
                        raw.statusCode(), e);
            }
        }
        return new ApiResponse(raw.uri(), raw.statusCode(), raw.headers(), bytes);
    }

    private static void sleep(String operation, Duration wait) {
        try {
            Thread.sleep(Math.max(0, wait.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiCallException(operation + " interrupted while waiting to retry", e);
        }
    }

    static URI originOf(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(scheme) ? 443 : 80;
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        return URI.create(scheme + "://" + host + ":" + port);
    }

    /** Scheme, host and port only: a URL's query may hold tokens that do not belong in messages. */
    static String describeTarget(URI uri) {
        return originOf(uri).toString();
    }
}
