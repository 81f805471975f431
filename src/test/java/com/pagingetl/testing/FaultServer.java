package com.pagingetl.testing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A loopback HTTP proxy in front of any simulator whose answers a test replaces or alters request by request:
 * a rule (which requests, how many times, what answer) applies to the first requests it matches, everything
 * else is forwarded unchanged. Absolute URLs of the simulator in response headers ({@code Link}, {@code Location})
 * are rewritten to the proxy's, so that paging stays on the proxy. Every request is recorded, headers included,
 * so that a test can see what credentials went where. Thread-safe; the server listens on 127.0.0.1 only.
 *
 * <p>It never uses a simulator's own fault injection: the faults are made here, from the simulator's real answers.
 */
public final class FaultServer implements AutoCloseable {

    /** One request as received. {@code number} counts from 1 across the server's life. */
    public record Request(int number, String method, String pathAndQuery, Map<String, String> headers, byte[] body) {
        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** Values the request carried as credentials in its headers: bearer tokens, API keys and signatures. */
        public List<String> credentials() {
            List<String> found = new ArrayList<>();
            Matcher m = CREDENTIAL.matcher(headers.toString());
            while (m.find()) {
                found.add(m.group(1));
            }
            return found;
        }
    }

    private static final Pattern CREDENTIAL = Pattern.compile("(?i)(?:Bearer\\s+|Signature=|APIKey=)([^,;\\s\"]+)");

    /** An answer a rule sends, or the upstream answer it alters. Mutable, for the rule's use only. */
    public static final class Answer {
        public int status;
        /** Names compare ignoring case, as in HTTP. */
        public final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        public byte[] body;

        public Answer(int status, String contentType, String body) {
            this.status = status;
            if (contentType != null) {
                headers.put("Content-Type", contentType);
            }
            this.body = body.getBytes(StandardCharsets.UTF_8);
        }

        Answer(int status, byte[] body) {
            this.status = status;
            this.body = body;
        }

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        Answer copy() {
            Answer copy = new Answer(status, body.clone());
            copy.headers.putAll(headers);
            return copy;
        }

        public Answer body(String text) {
            this.body = text.getBytes(StandardCharsets.UTF_8);
            return this;
        }
    }

    /** How a matched request is answered: from nothing, or from the simulator's real answer. */
    public interface Fault {
        Answer answer(Request request, Upstream upstream) throws IOException, InterruptedException;
    }

    /** The simulator behind the proxy, asked on demand so that a fault can answer without it. */
    public interface Upstream {
        Answer forward() throws IOException, InterruptedException;
    }

    private static final Set<String> NOT_FORWARDED = Set.of("host", "connection", "content-length", "transfer-encoding",
            "upgrade", "http2-settings", "expect");

    private final String target;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1).build();
    private final AtomicInteger counter = new AtomicInteger();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final List<Rule> rules = new CopyOnWriteArrayList<>();
    private final Map<Integer, Answer> forwarded = new ConcurrentHashMap<>();

    private static final class Rule {
        final Predicate<Request> which;
        final Fault fault;
        final AtomicInteger left;

        Rule(Predicate<Request> which, Fault fault, int times) {
            this.which = which;
            this.fault = fault;
            this.left = new AtomicInteger(times);
        }

        boolean take(Request request) {
            if (!which.test(request)) {
                return false;
            }
            return left.getAndUpdate(n -> n > 0 ? n - 1 : n) > 0;
        }
    }

    /** A proxy in front of {@code targetBaseUrl}; or, with null, a server that answers 404 unless a rule matches. */
    public FaultServer(String targetBaseUrl) {
        this.target = targetBaseUrl == null ? null : stripSlash(targetBaseUrl);
        try {
            this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** {@code fault} answers the next {@code times} requests that match {@code which}. */
    public FaultServer on(Predicate<Request> which, int times, Fault fault) {
        rules.add(new Rule(which, fault, times));
        return this;
    }

    /** {@code fault} answers every request that matches {@code which} until {@link #heal()}. */
    public FaultServer always(Predicate<Request> which, Fault fault) {
        return on(which, Integer.MAX_VALUE, fault);
    }

    /** Back to a plain proxy. */
    public void heal() {
        rules.clear();
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public int requestCount() {
        return counter.get();
    }

    // ---- faults ----

    public static Fault respond(int status, String contentType, String body) {
        return (request, upstream) -> new Answer(status, contentType, body);
    }

    /** The upstream answer, changed by {@code change}. */
    public static Fault alter(UnaryOperator<Answer> change) {
        return (request, upstream) -> change.apply(upstream.forward());
    }

    /** The upstream answer gzip-compressed and cut in the middle of the compressed stream, announced as gzip. */
    public static Fault truncatedGzip() {
        return alter(answer -> {
            byte[] gzip = gzip(answer.body);
            answer.body = Arrays.copyOf(gzip, Math.max(12, gzip.length / 2));
            answer.headers.put("Content-Encoding", "gzip");
            return answer;
        });
    }

    /**
     * The simulator's earlier answer to the {@code back}-th previous request of the same {@code kind}: with 1, the
     * server repeats the page before (its position does not advance); with 2, it goes back one page further.
     */
    public Fault earlierAnswer(Predicate<Request> kind, int back) {
        return (request, upstream) -> {
            List<Request> earlier = requests.stream().filter(r -> r.number() < request.number() && kind.test(r)
                    && forwarded.containsKey(r.number())).toList();
            if (earlier.size() < back) {
                throw new IllegalStateException("request " + request.number() + " has fewer than " + back + " earlier answers");
            }
            return forwarded.get(earlier.get(earlier.size() - back).number()).copy();
        };
    }

    /**
     * A GraphQL answer with {@code errors}: with {@code withData}, the simulator's real answer (its {@code data}) with
     * the error added beside it; otherwise the error alone, with {@code data} null.
     */
    public static Fault graphqlError(String errorJson, boolean withData) {
        return withData
                ? alter(answer -> answer.body("{\"errors\":[" + errorJson + "]," + answer.bodyText().substring(1)))
                : respond(200, "application/json", "{\"errors\":[" + errorJson + "],\"data\":null}");
    }

    /** A redirect to {@code location}, which a client must not follow with the API's credentials. */
    public static Fault redirect(String location) {
        return (request, upstream) -> {
            Answer answer = new Answer(307, "text/html", "<html><body>moved</body></html>");
            answer.headers.put("Location", location);
            return answer;
        };
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    // ---- serving ----

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, String.join(",", values)));
            Request request = new Request(counter.incrementAndGet(), exchange.getRequestMethod(),
                    exchange.getRequestURI().toString(), headers, body);
            requests.add(request);
            Upstream upstream = () -> forward(request);
            Fault fault = null;
            for (Rule rule : rules) {
                if (rule.take(request)) {
                    fault = rule.fault;
                    break;
                }
            }
            Answer answer = fault != null ? fault.answer(request, upstream)
                    : target != null ? upstream.forward() : new Answer(404, "text/plain", "no such resource");
            answer.headers.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.sendResponseHeaders(answer.status, answer.body.length == 0 ? -1 : answer.body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer.body);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Answer forward(Request request) throws IOException, InterruptedException {
        HttpRequest.Builder forward = HttpRequest.newBuilder(URI.create(target + request.pathAndQuery()))
                .method(request.method(), HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach((name, value) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                forward.header(name, value);
            }
        });
        HttpResponse<byte[]> response = client.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
        // Faults alter bodies as text: the proxy answers uncompressed, which a client asking for gzip must accept.
        boolean gzip = response.headers().firstValue("Content-Encoding").orElse("").equalsIgnoreCase("gzip");
        Answer answer = new Answer(response.statusCode(), gzip ? gunzip(response.body()) : response.body());
        response.headers().map().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!lower.equals(":status") && !NOT_FORWARDED.contains(lower) && !lower.equals("date")
                    && !lower.equals("content-encoding")) {
                answer.headers.put(name, String.join(",", values).replace(target, baseUrl()));
            }
        });
        forwarded.put(request.number(), answer.copy());
        return answer;
    }

    private static byte[] gunzip(byte[] bytes) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        }
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** A second, unrelated origin for tests that check that nothing is sent to it. */
    public static FaultServer foreignOrigin() {
        return new FaultServer(null);
    }

    /** Requests whose body or path contains {@code text}. */
    public static Predicate<Request> containing(String text) {
        return r -> r.bodyText().contains(text) || r.pathAndQuery().contains(text);
    }

    /** Requests numbered {@code n} and later. */
    public static Predicate<Request> fromRequest(int n) {
        return r -> r.number() >= n;
    }

    public static Predicate<Request> any() {
        return r -> true;
    }

    @Override
    public void close() {
        heal();
        server.stop(0);
        executor.shutdownNow();
    }
}
