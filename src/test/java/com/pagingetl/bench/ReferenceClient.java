package com.pagingetl.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * The yardstick of the benchmark: a bare client of one API that pages exactly as the job does (same plan,
 * same requests, same concurrency) and writes the same records, with nothing else: no framework, no
 * checkpoints, no retries. Implementations share nothing with the jobs' readers and writers.
 */
interface ReferenceClient {

    /**
     * Reads everything the job would read into gzip JSON Lines files under {@code context.outDir()}.
     *
     * @return the number of records written
     * @throws IOException on any failed request or unexpected answer; a reference run never retries
     */
    long extract(Context context) throws Exception;

    /**
     * What one reference run gets, as the job gets it: base URL and credentials from the job's environment
     * variables, the concurrency and the job parameters given to the benchmark.
     */
    record Context(URI baseUrl, Map<String, String> env, int concurrency, Map<String, String> params, Path outDir,
                   HttpClient http) {

        static HttpClient newHttpClient() {
            // HTTP/1.1 as the jobs use; the JDK's default would try an h2c upgrade on every connection.
            return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10)).build();
        }

        String param(String name, String defaultValue) {
            String v = params.get(name);
            return v == null || v.isBlank() ? defaultValue : v.trim();
        }

        String env(String name) {
            String v = env.get(name);
            if (v == null || v.isBlank()) {
                throw new IllegalArgumentException("environment variable " + name + " is not set");
            }
            return v;
        }

        URI resolve(String path) {
            String base = baseUrl.toString();
            return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path);
        }

        /** Sends {@code request} and returns the (gunzipped) body of a 200 answer; anything else is an error. */
        byte[] send(HttpRequest request) throws IOException, InterruptedException {
            return body(sendForResponse(request), request);
        }

        HttpResponse<byte[]> sendForResponse(HttpRequest request) throws IOException, InterruptedException {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                byte[] b = body(response, request);
                throw new IOException(request.method() + " " + request.uri() + " answered HTTP " + response.statusCode()
                        + ": " + new String(b, 0, Math.min(b.length, 300), StandardCharsets.UTF_8));
            }
            return response;
        }

        static byte[] body(HttpResponse<byte[]> response, HttpRequest request) {
            byte[] raw = response.body();
            if (!response.headers().firstValue("Content-Encoding").orElse("").equalsIgnoreCase("gzip")) {
                return raw;
            }
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(raw), 1 << 16)) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot gunzip the answer of " + request.uri(), e);
            }
        }

        static HttpRequest.BodyPublisher json(String body) {
            return HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8);
        }
    }
}
