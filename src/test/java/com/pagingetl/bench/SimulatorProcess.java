package com.pagingetl.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A simulator running standalone in its own JVM ({@code etl.jar simulate <api> --port N sim.*=...}), so that
 * its CPU and memory are not the client's, and its request meter: {@code GET /__admin/sim/requests} (API
 * requests since the last reset and when the first arrived) and {@code POST /__admin/sim/requests/reset}.
 * Closing it stops the process.
 */
public final class SimulatorProcess implements AutoCloseable {

    /** API requests since the last reset, and the wall-clock time of the first (0 when none came). */
    public record Meter(long requests, long firstRequestEpochMs) {
    }

    private final Process process;
    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private SimulatorProcess(Process process, String baseUrl) {
        this.process = process;
        this.baseUrl = baseUrl;
    }

    /** Starts the simulator and returns once it answers on its admin route; fails with its output if it dies. */
    public static SimulatorProcess start(Launcher launcher, List<String> jvmOptions, String api, Map<String, String> options,
                                  Path log, Duration timeout) throws IOException, InterruptedException {
        int port = freePort();
        List<String> args = new ArrayList<>(List.of("simulate", api, "--port", Integer.toString(port)));
        options.forEach((k, v) -> args.add("sim." + k + "=" + v));
        Process process = new ProcessBuilder(launcher.etl(jvmOptions, args)).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        SimulatorProcess simulator = new SimulatorProcess(process, "http://127.0.0.1:" + port);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new IOException("the " + api + " simulator exited with " + process.exitValue() + "; its output:\n"
                        + MeasuredProcess.tail(log, 30));
            }
            try {
                simulator.meter();
                return simulator;
            } catch (IOException notYet) {
                if (System.nanoTime() > deadline) {
                    simulator.close();
                    throw new IOException("the " + api + " simulator did not answer within " + timeout.toSeconds()
                            + " s; its output:\n" + MeasuredProcess.tail(log, 30));
                }
                Thread.sleep(200);
            }
        }
    }

    public String baseUrl() {
        return baseUrl;
    }

    public Meter meter() throws IOException, InterruptedException {
        return call(HttpRequest.newBuilder(URI.create(baseUrl + "/__admin/sim/requests")).GET());
    }

    /**
     * CPU seconds (user + sys, every thread) the simulator's process has used so far; NaN when the platform does
     * not tell. On Linux the JDK reads them from {@code /proc/<pid>/stat} (utime + stime).
     */
    public double cpuSeconds() {
        return process.info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(Double.NaN);
    }

    public void reset() throws IOException, InterruptedException {
        call(HttpRequest.newBuilder(URI.create(baseUrl + "/__admin/sim/requests/reset"))
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    private Meter call(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException("simulator admin answered HTTP " + response.statusCode());
        }
        byte[] b = response.body();
        return new Meter(Long.parseLong(JsonBytes.text(b, JsonBytes.path(b, "requests"))),
                Long.parseLong(JsonBytes.text(b, JsonBytes.path(b, "firstRequestEpochMs"))));
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
