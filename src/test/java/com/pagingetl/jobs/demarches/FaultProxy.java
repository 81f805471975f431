package com.pagingetl.jobs.demarches;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A loopback HTTP proxy in front of a simulator that fails or holds requests from a given request number
 * on, so that a test can make a run fail, or kill it, at a known position. Thread-safe.
 */
final class FaultProxy implements AutoCloseable {

    private static final List<String> FORWARDED = List.of("Content-Type", "RateLimit-Remaining", "RateLimit-Reset", "Retry-After");

    private final URI target;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final HttpClient client = HttpClient.newHttpClient();
    private final AtomicInteger requests = new AtomicInteger();
    private volatile int failFrom = Integer.MAX_VALUE;
    private volatile int holdFrom = Integer.MAX_VALUE;
    private volatile CountDownLatch held = new CountDownLatch(1);
    private volatile CountDownLatch release = new CountDownLatch(1);

    FaultProxy(String targetBaseUrl) throws IOException {
        this.target = URI.create(targetBaseUrl);
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    int requests() {
        return requests.get();
    }

    /** Request number {@code n} (counted from 1) and every later one get HTTP 500. */
    void failFromRequest(int n) {
        failFrom = n;
    }

    /** Request number {@code n} and every later one wait until {@link #heal()}. */
    void holdFromRequest(int n) {
        holdFrom = n;
    }

    boolean awaitHeld(long seconds) throws InterruptedException {
        return held.await(seconds, TimeUnit.SECONDS);
    }

    /** Back to a plain proxy: no more failures, held requests go on. */
    void heal() {
        failFrom = Integer.MAX_VALUE;
        holdFrom = Integer.MAX_VALUE;
        release.countDown();
        release = new CountDownLatch(1);
        held = new CountDownLatch(1);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            int n = requests.incrementAndGet();
            if (n >= holdFrom) {
                CountDownLatch waitFor = release;
                held.countDown();
                try {
                    waitFor.await(5, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            if (n >= failFrom) {
                byte[] error = "{\"errors\":[{\"message\":\"Internal Server Error\",\"extensions\":{\"code\":\"internal_server_error\"}}],\"data\":null}"
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(500, error.length);
                exchange.getResponseBody().write(error);
                return;
            }
            HttpRequest.Builder forward = HttpRequest.newBuilder(target.resolve(exchange.getRequestURI().getPath()))
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
            for (String header : List.of("Authorization", "Content-Type", "Accept")) {
                String value = exchange.getRequestHeaders().getFirst(header);
                if (value != null) {
                    forward.header(header, value);
                }
            }
            HttpResponse<byte[]> response = client.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
            for (String header : FORWARDED) {
                response.headers().firstValue(header).ifPresent(v -> exchange.getResponseHeaders().add(header, v));
            }
            exchange.sendResponseHeaders(response.statusCode(), response.body().length == 0 ? -1 : response.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response.body());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        heal();
        server.stop(0);
        executor.shutdownNow();
    }
}
