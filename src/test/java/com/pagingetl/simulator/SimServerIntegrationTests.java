package com.pagingetl.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.pagingetl.simulator.SimulatedFaults.Decision;

/**
 * The kit's HTTP server and admin surface over real sockets: exactly the handler's status, headers and body,
 * keep-alive, request bodies (sized and chunked), the wire faults (reset without answer, answer cut mid-body),
 * the request log and the fault-script routes shared by all simulators.
 */
@Timeout(60)
class SimServerIntegrationTests {

    private enum Kind { BOOM }

    private final SimulatedFaults<Kind> faults = new SimulatedFaults<>(1, 0, 0, 0, null, null, List.of(Kind.BOOM));
    private final SimAdmin admin = new SimAdmin().faults(faults, Kind.class).post("touch", () -> { });
    private final List<SimRequest> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private SimServer server;

    @BeforeEach
    void start() {
        server = SimServer.start(0, this::answer, admin);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private SimResponse answer(SimRequest request) {
        seen.add(request);
        Decision<Kind> fault = faults.next();
        if (!fault.none()) {
            return fault.status() > 0 ? SimResponse.of(fault.status(), "text/plain", "failed")
                    : SimResponse.of(500, "text/plain", "boom");
        }
        return switch (request.path()) {
            case "/reset" -> SimResponse.reset();
            case "/cut" -> SimResponse.of(200, "application/json", "{\"items\":[1,2,3,4,5,6,7,8,9]}").cut();
            case "/gzip" -> SimResponse.of(200, "application/json", "{\"a\":1}").gzip();
            case "/slow" -> SimResponse.of(200, "text/plain", "late").delayed(200);
            default -> SimResponse.of(201, "application/json", new String(request.body(), StandardCharsets.UTF_8))
                    .header("X-Echo", request.param("q"));
        };
    }

    @Test
    void servesExactlyTheHandlersAnswerOnLoopbackWithBodiesAndQuery() throws Exception {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/x?q=a%20b"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"k\":\"v\"}")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(server.baseUrl()).isEqualTo("http://127.0.0.1:" + server.port());
        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(r.body()).isEqualTo("{\"k\":\"v\"}");
        assertThat(r.headers().firstValue("X-Echo")).hasValue("a b");
        assertThat(r.headers().map().keySet()).map(String::toLowerCase)
                .containsExactlyInAnyOrder("content-type", "content-length", "x-echo");
        assertThat(seen.get(0).method()).isEqualTo("POST");
        assertThat(seen.get(0).absoluteUrl()).isEqualTo(server.baseUrl() + "/x?q=a%20b");
    }

    @Test
    void readsAChunkedBodyAndKeepsTheConnectionForTheNextRequest() throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /x?q=1 HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "3\r\nabc\r\n2;ext=1\r\nde\r\n0\r\n\r\n"
                    + "GET /x?q=2 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            String both = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);

            assertThat(both).startsWith("HTTP/1.1 201 ").contains("\r\n\r\nabcdeHTTP/1.1 201 ").contains("X-Echo: 2")
                    .contains("Connection: close");
        }
        assertThat(seen).extracting(r -> new String(r.body(), StandardCharsets.UTF_8)).containsExactly("abcde", "");
    }

    @Test
    void gzipAndLatencyAreTheHandlersChoice() throws Exception {
        HttpResponse<byte[]> gz = client.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/gzip")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<String> slow = client.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/slow")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(gz.headers().firstValue("Content-Encoding")).hasValue("gzip");
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz.body()))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
        }
        assertThat(slow.body()).isEqualTo("late");
    }

    @Test
    void aResetAndACutAnswerFailTheExchangeAndTheServerGoesOn() throws Exception {
        assertThatThrownBy(() -> client.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/reset")).build(),
                HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> client.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/cut")).build(),
                HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class);
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            socket.getOutputStream().write("GET /cut HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            byte[] got = readUntilClosed(socket.getInputStream());
            String text = new String(got, StandardCharsets.ISO_8859_1);
            assertThat(text).contains("Content-Length: 29").endsWith("\r\n\r\n{\"items\":[1,2,");
        }
        assertThat(client.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/x?q=1")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(201);
    }

    @Test
    void theAdminSurfaceCountsApiRequestsOnlyAndScriptsFaults() throws Exception {
        call("POST", "/__admin/sim/requests/reset");
        assertThat(call("GET", "/__admin/sim/requests").body()).isEqualTo("{\"requests\":0,\"firstRequestEpochMs\":0}");
        assertThat(call("POST", "/__admin/sim/faults/next?kind=BOOM").statusCode()).isEqualTo(200);
        assertThat(call("GET", "/x?q=1").statusCode()).isEqualTo(500);
        assertThat(call("POST", "/__admin/sim/faults/fail-after?n=1&status=503").statusCode()).isEqualTo(200);
        assertThat(call("GET", "/x?q=1").statusCode()).isEqualTo(201);
        assertThat(call("GET", "/x?q=1").statusCode()).isEqualTo(503);
        call("POST", "/__admin/sim/faults/clear");
        assertThat(call("GET", "/x?q=1").statusCode()).isEqualTo(201);

        assertThat(admin.meter().requests()).isEqualTo(4);
        assertThat(admin.meter().firstRequestEpochMs()).isPositive();
        assertThat(call("GET", "/__admin/sim/requests").body()).startsWith("{\"requests\":4,");
        HttpResponse<String> badKind = call("POST", "/__admin/sim/faults/next?kind=NOPE");
        HttpResponse<String> noStatus = call("POST", "/__admin/sim/faults/fail-after?n=1");
        HttpResponse<String> unknown = call("GET", "/__admin/sim/nothing");
        assertThat(badKind.statusCode()).isEqualTo(400);
        assertThat(noStatus.statusCode()).isEqualTo(400);
        assertThat(noStatus.body()).contains("status is required");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("POST /__admin/sim/touch".replace("/__admin/sim/", ""));
        assertThat(admin.describe(server.baseUrl())).contains("POST /__admin/sim/faults/next", "GET /__admin/sim/requests",
                "POST /__admin/sim/touch", "fault kinds BOOM");
    }

    @Test
    void servesSixteenConcurrentSlowClientsAtOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                calls.add(() -> client.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/slow"))
                        .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
            }
            for (Future<Integer> f : pool.invokeAll(calls)) {
                assertThat(f.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(seen).hasSize(16);
    }

    private HttpResponse<String> call(String method, String target) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + target))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] readUntilClosed(InputStream in) {
        java.io.ByteArrayOutputStream got = new java.io.ByteArrayOutputStream();
        byte[] buffer = new byte[256];
        try {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                got.write(buffer, 0, n);
            }
        } catch (IOException e) {
            // The stream ends early; what came before is what the test checks.
        }
        return got.toByteArray();
    }
}
