package com.pagingetl.simulator;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The HTTP/1.1 server of every simulator, bound to 127.0.0.1 only. It sends exactly what the simulator's
 * {@link SimResponse} holds (plus {@code Content-Length}), keeps connections alive, and carries out the wire faults
 * a plain server cannot: a reset without answer and an answer cut mid-body. Requests under {@code /__admin/sim/} go
 * to the {@link SimAdmin}; every other request goes to the API's handler and is counted by the admin's
 * {@link ApiRequestMeter}.
 *
 * <p>One thread per open connection (a cached pool of daemon threads): latency is a sleep in that thread, so the
 * simulator never caps a client's concurrency. Thread-safe; the handler is called concurrently.
 */
public final class SimServer implements AutoCloseable {

    /** A simulated API: one answer per request, called concurrently. */
    @FunctionalInterface
    public interface Handler {
        SimResponse handle(SimRequest request);
    }

    private static final String ADMIN_PREFIX = "/__admin/sim/";
    private static final Map<Integer, String> REASONS = Map.ofEntries(Map.entry(200, "OK"),
            Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"), Map.entry(403, "Forbidden"),
            Map.entry(404, "Not Found"), Map.entry(405, "Method Not Allowed"), Map.entry(410, "Gone"),
            Map.entry(422, "Unprocessable Entity"), Map.entry(429, "Too Many Requests"),
            Map.entry(500, "Internal Server Error"), Map.entry(502, "Bad Gateway"),
            Map.entry(503, "Service Unavailable"), Map.entry(504, "Gateway Timeout"));
    private static final int MAX_HEAD_BYTES = 64 * 1024;
    /** A connection idle this long is closed, which frees its thread; clients open a new one. */
    private static final int IDLE_MS = 120_000;

    private final Handler api;
    private final SimAdmin admin;
    private final ServerSocket listener;
    private final String baseUrl;
    private final ExecutorService connections;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();

    private SimServer(int port, Handler api, SimAdmin admin) throws IOException {
        this.api = api;
        this.admin = admin;
        this.listener = new ServerSocket();
        listener.setReuseAddress(true);
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 512);
        this.baseUrl = "http://127.0.0.1:" + listener.getLocalPort();
        AtomicInteger threads = new AtomicInteger();
        this.connections = Executors.newCachedThreadPool(task -> {
            Thread t = new Thread(task, "sim-" + listener.getLocalPort() + "-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Binds 127.0.0.1 on {@code port} (a free one for 0) and serves until {@link #close}.
     *
     * @throws IllegalStateException naming the port when it cannot be bound
     */
    public static SimServer start(int port, Handler api, SimAdmin admin) {
        SimServer server;
        try {
            server = new SimServer(port, api, admin);
        } catch (IOException e) {
            throw new IllegalStateException("simulator cannot listen on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
        Thread acceptor = new Thread(server::accept, "sim-accept-" + server.port());
        acceptor.setDaemon(true);
        acceptor.start();
        return server;
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** {@code http://127.0.0.1:<port>}. */
    public String baseUrl() {
        return baseUrl;
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException e) {
            // Closing: nothing left to tell.
        }
        open.forEach(SimServer::closeQuietly);
        connections.shutdownNow();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept();
                open.add(socket);
                connections.execute(() -> serve(socket));
            } catch (IOException | java.util.concurrent.RejectedExecutionException e) {
                if (listener.isClosed()) {
                    return;
                }
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(IDLE_MS);
            InputStream in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
            SimRequest request;
            while ((request = read(in, out, socket.getInetAddress().getHostAddress())) != null) {
                SimResponse response = answer(request);
                if (response.delayMs() > 0) {
                    Thread.sleep(response.delayMs());
                }
                if (response.wire() == SimResponse.Wire.RESET) {
                    socket.setSoLinger(true, 0);
                    return;
                }
                if (response.wire() == SimResponse.Wire.CUT) {
                    // A plain close, not a reset: the client surely receives the half it must fail on.
                    write(out, response, response.body().length / 2, false);
                    return;
                }
                boolean close = "close".equalsIgnoreCase(request.header("Connection"));
                write(out, response, response.body().length, close);
                if (close) {
                    return;
                }
            }
        } catch (IOException e) {
            // The client went away, or sent no HTTP/1.1: nothing to answer.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            open.remove(socket);
        }
    }

    private SimResponse answer(SimRequest request) {
        try {
            if (request.path().startsWith(ADMIN_PREFIX)) {
                return admin.handle(request, request.path().substring(ADMIN_PREFIX.length()));
            }
            admin.meter().record();
            return api.handle(request);
        } catch (RuntimeException e) {
            // A defect of the simulator still answers, so that a client sees a 500 and not a hang.
            return SimResponse.of(500, "text/plain; charset=utf-8", "simulator failure: " + e);
        }
    }

    /** The next request of the connection, or null when the client closed it between requests. */
    private SimRequest read(InputStream in, OutputStream out, String clientIp) throws IOException {
        String requestLine = line(in, true);
        if (requestLine == null) {
            return null;
        }
        String[] parts = requestLine.split(" ");
        if (parts.length != 3 || !parts[2].startsWith("HTTP/1.")) {
            throw new BadRequest();
        }
        Map<String, String> headers = new HashMap<>();
        int headBytes = requestLine.length();
        for (String line = line(in, false); !line.isEmpty(); line = line(in, false)) {
            headBytes += line.length();
            int colon = line.indexOf(':');
            if (colon <= 0 || headBytes > MAX_HEAD_BYTES) {
                throw new BadRequest();
            }
            headers.merge(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim(),
                    (a, b) -> a + ", " + b);
        }
        if ("100-continue".equalsIgnoreCase(headers.get("expect"))) {
            out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }
        return new SimRequest(parts[0], parts[1], headers, body(in, headers), baseUrl, clientIp);
    }

    private static byte[] body(InputStream in, Map<String, String> headers) throws IOException {
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            for (int size = chunkSize(in); size > 0; size = chunkSize(in)) {
                body.write(in.readNBytes(size));
                line(in, false);
            }
            for (String trailer = line(in, false); !trailer.isEmpty(); trailer = line(in, false)) {
                // Trailers carry nothing a simulator reads.
            }
            return body.toByteArray();
        }
        String length = headers.get("content-length");
        if (length == null) {
            return new byte[0];
        }
        try {
            byte[] body = in.readNBytes(Integer.parseInt(length.trim()));
            if (body.length < Integer.parseInt(length.trim())) {
                throw new EOFException("request body shorter than its Content-Length");
            }
            return body;
        } catch (NumberFormatException e) {
            throw new BadRequest();
        }
    }

    private static int chunkSize(InputStream in) throws IOException {
        String line = line(in, false);
        int semicolon = line.indexOf(';');
        try {
            return Integer.parseInt((semicolon < 0 ? line : line.substring(0, semicolon)).trim(), 16);
        } catch (NumberFormatException e) {
            throw new BadRequest();
        }
    }

    /** One CRLF-terminated line; null at end of stream only when {@code eofAllowed} and nothing was read. */
    private static String line(InputStream in, boolean eofAllowed) throws IOException {
        StringBuilder line = new StringBuilder(64);
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                if (eofAllowed && line.isEmpty()) {
                    return null;
                }
                throw new EOFException("connection closed within a request");
            }
            if (line.length() > MAX_HEAD_BYTES) {
                throw new BadRequest();
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    private static void write(OutputStream out, SimResponse response, int bodyBytes, boolean close) throws IOException {
        StringBuilder head = new StringBuilder(256).append("HTTP/1.1 ").append(response.status()).append(' ')
                .append(reason(response.status())).append("\r\n");
        response.headers().forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("Content-Length: ").append(response.body().length).append("\r\n");
        if (close) {
            head.append("Connection: close\r\n");
        }
        out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(response.body(), 0, bodyBytes);
        out.flush();
    }

    private static String reason(int status) {
        return REASONS.getOrDefault(status, "Status " + status);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // Already gone.
        }
    }

    /** A request that is not HTTP/1.1: the connection is closed without answer, as a strict server does. */
    private static final class BadRequest extends IOException {
        BadRequest() {
            super("malformed HTTP request");
        }
    }
}
