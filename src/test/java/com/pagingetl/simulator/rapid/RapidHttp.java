package com.pagingetl.simulator.rapid;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/** A minimal Rapid client for the tests: signs each request, asks for gzip and gunzips itself. */
final class RapidHttp {

    record Response(int status, HttpResponse<byte[]> raw, String body) {
        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        JsonNode json() {
            return JsonMapper.shared().readTree(body);
        }

        /** The URL inside {@code Link: <url>; rel="next"; ...}, or null. */
        String next() {
            String link = header("Link");
            return link == null ? null : link.substring(link.indexOf('<') + 1, link.indexOf('>'));
        }
    }

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final RapidSimulator simulator;

    RapidHttp(RapidSimulator simulator) {
        this.simulator = simulator;
    }

    /** GET with a valid signature and gzip. {@code pathOrUrl} is {@code /v3/...?...} or a whole URL. */
    Response get(String pathOrUrl) {
        return get(pathOrUrl, simulator.authorizationHeader(), "gzip");
    }

    Response get(String pathOrUrl, String authorization, String acceptEncoding) {
        String url = pathOrUrl.startsWith("http") ? pathOrUrl : simulator.baseUrl() + pathOrUrl;
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json").header("User-Agent", "paging-etl-tests/1.0");
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        if (acceptEncoding != null) {
            b.header("Accept-Encoding", acceptEncoding);
        }
        return exchange(b);
    }

    private Response exchange(HttpRequest.Builder b) {
        try {
            HttpResponse<byte[]> r = client.send(b.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            boolean gz = "gzip".equals(r.headers().firstValue("Content-Encoding").orElse(null));
            return new Response(r.statusCode(), r, gz ? gunzip(r.body()) : new String(r.body(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * GET with a valid signature, gzip, and only the given other headers. The JDK client adds a
     * {@code User-Agent} of its own unless the request names one, so a missing one is sent blank.
     */
    Response send(String pathOrUrl, Map<String, String> headers) {
        String url = pathOrUrl.startsWith("http") ? pathOrUrl : simulator.baseUrl() + pathOrUrl;
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", simulator.authorizationHeader()).header("Accept-Encoding", "gzip");
        headers.forEach(b::header);
        if (!headers.containsKey("User-Agent")) {
            b.header("User-Agent", "");
        }
        return exchange(b);
    }

    HttpResponse<byte[]> raw(String pathOrUrl) throws IOException, InterruptedException {
        String url = pathOrUrl.startsWith("http") ? pathOrUrl : simulator.baseUrl() + pathOrUrl;
        return client.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", simulator.authorizationHeader())
                .header("Accept", "application/json")
                .header("Accept-Encoding", "gzip").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<byte[]> post(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(simulator.baseUrl() + path))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static String gunzip(byte[] bytes) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
