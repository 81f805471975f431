package com.pagingetl.simulator.rapid;

import com.pagingetl.simulator.QueryStrings;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.pagingetl.simulator.SimulatedFaults;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * The WireMock transformer behind the one catch-all stub: counts the request, applies faults, checks the signature
 * and the required {@code Accept}, {@code Accept-Encoding} and {@code User-Agent}, routes to the pager, the file endpoints or the admin endpoints, and encodes the
 * answer (gzip JSON, Rapid headers, optional latency). Thread-safe.
 */
final class RapidRequestHandler implements ResponseDefinitionTransformerV2 {

    static final String CONTENT_PATH = "/v3/properties/content";
    static final String INACTIVE_PATH = "/v3/properties/inactive";
    static final String CATALOG_FILE_PATH = "/v3/files/properties/catalog";
    static final String CONTENT_FILE_PATH = "/v3/files/properties/content";
    static final String ADMIN_PREFIX = "/_sim/rapid/";
    private static final List<String> API_PATHS = List.of(CONTENT_PATH, INACTIVE_PATH, CATALOG_FILE_PATH,
            CONTENT_FILE_PATH);

    private final RapidSimulator simulator;
    private final RapidPager pager;
    private final RapidFiles files;
    private final RapidAuthenticator authenticator;
    private final SimulatedFaults<RapidFault> faults;
    private final RapidAdmin admin;
    private final RapidOptions options;
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

    RapidRequestHandler(RapidSimulator simulator, RapidPager pager, RapidFiles files, RapidAuthenticator authenticator,
                        SimulatedFaults<RapidFault> faults, RapidAdmin admin, RapidOptions options) {
        this.simulator = simulator;
        this.pager = pager;
        this.files = files;
        this.authenticator = authenticator;
        this.faults = faults;
        this.admin = admin;
        this.options = options;
    }

    @Override
    public String getName() {
        return "rapid-simulator";
    }

    @Override
    public boolean applyGlobally() {
        return true;
    }

    int count(String path) {
        AtomicInteger n = counts.get(path);
        return n == null ? 0 : n.get();
    }

    Map<String, Integer> counts() {
        Map<String, Integer> out = new java.util.TreeMap<>();
        counts.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        Request request = event.getRequest();
        String url = request.getUrl();
        String path = QueryStrings.path(url);
        Map<String, List<String>> params = QueryStrings.parseUrl(url);
        try {
            if (path.startsWith(ADMIN_PREFIX)) {
                return plain(admin.handle(request.getMethod(), path.substring(ADMIN_PREFIX.length()), params), false);
            }
            if (!API_PATHS.contains(path)) {
                return plain(RapidReply.error(RapidError.notFound(path)), acceptsGzip(request));
            }
            counts.computeIfAbsent(path, k -> new AtomicInteger()).incrementAndGet();
            simulator.requestMeter().record();
            return api(request, path, params);
        } catch (RapidApiException e) {
            return plain(RapidReply.error(e.error()), acceptsGzip(request));
        } catch (RuntimeException e) {
            // An unexpected failure of the simulator itself still answers like the API.
            return plain(RapidReply.error(RapidError.internal()), acceptsGzip(request));
        }
    }

    private ResponseDefinition api(Request request, String path, Map<String, List<String>> params) {
        boolean gzip = acceptsGzip(request);
        SimulatedFaults.Decision<RapidFault> decision = faults.next();
        if (decision.status() > 0) {
            return send(withApiHeaders(RapidReply.error(RapidError.ofStatus(decision.status()))), gzip, null);
        }
        RapidFault fault = decision.fault();
        if (fault != null) {
            switch (fault) {
                case SERVER_ERROR_500 -> {
                    return send(withApiHeaders(RapidReply.error(RapidError.internal())), gzip, null);
                }
                case SERVICE_UNAVAILABLE_503 -> {
                    return send(withApiHeaders(RapidReply.error(RapidError.unavailable())), gzip, null);
                }
                case RATE_LIMIT_429 -> {
                    // The spec's rate headers, no Retry-After (not in the spec): a client waits for the reset.
                    RapidReply reply = withApiHeaders(RapidReply.error(RapidError.tooManyRequests()));
                    reply.header("Rate-Limit-Minute-Remaining", "0");
                    reply.header("Rate-Limit-Minute-Reset", Long.toString(simulator.now().toEpochMilli()
                            + options.retryAfterSeconds() * 1000L));
                    return send(reply, gzip, null);
                }
                case BAD_REQUEST_400 -> {
                    return send(withApiHeaders(RapidReply.error(RapidError.ofStatus(400))), gzip, null);
                }
                case FORBIDDEN_403 -> {
                    return send(withApiHeaders(RapidReply.error(RapidError.unauthorized())), gzip, null);
                }
                case HTML_502 -> {
                    byte[] html = ("<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad "
                            + "Gateway</h1></center></body></html>").getBytes(StandardCharsets.UTF_8);
                    return delayed(ResponseDefinitionBuilder.responseDefinition().withStatus(502)
                            .withHeader("Content-Type", "text/html").withBody(html));
                }
                case NON_JSON_200 -> {
                    RapidReply reply = withApiHeaders(new RapidReply(200,
                            "Service temporarily degraded, please retry".getBytes(StandardCharsets.UTF_8)));
                    return send(reply, true, null);
                }
                case CONNECTION_RESET -> {
                    return delayed(ResponseDefinitionBuilder.responseDefinition()
                            .withFault(Fault.CONNECTION_RESET_BY_PEER));
                }
                default -> {
                    // TRUNCATED_GZIP, MALFORMED_LINK, FOREIGN_HOST_LINK and SELF_LINK alter a real answer below.
                }
            }
        }
        RapidReply reply;
        try {
            if (!RequestMethod.GET.equals(request.getMethod())) {
                throw new RapidApiException(new RapidError(405, "method_not_allowed",
                        "Only GET is supported on " + path + ".", List.of(), List.of()));
            }
            authenticator.verify(request.getHeader("Authorization"), simulator.now().getEpochSecond());
            requireHeaders(request, gzip);
            reply = switch (path) {
                case CONTENT_PATH -> pager.content(params);
                case INACTIVE_PATH -> pager.inactive(params);
                case CATALOG_FILE_PATH -> files.link(params, true);
                default -> files.link(params, false);
            };
        } catch (RapidApiException e) {
            reply = RapidReply.error(e.error());
            if (e.error().status() == 401) {
                reply.header("WWW-Authenticate", RapidAuthenticator.WWW_AUTHENTICATE);
            }
        }
        withApiHeaders(reply);
        if (fault == RapidFault.MALFORMED_LINK) {
            reply.header("Link", "<" + (reply.nextUrl != null ? reply.nextUrl : "http://127.0.0.1/v3/properties/content")
                    + "; rel=next expires");
        } else if (fault == RapidFault.FOREIGN_HOST_LINK) {
            String next = reply.nextUrl != null ? reply.nextUrl.replaceFirst("^http://[^/]+", "http://evil.example.test")
                    : "http://evil.example.test" + CONTENT_PATH + "?token=stolen";
            reply.header("Link", "<" + next + ">; rel=\"next\"; expires="
                    + (reply.linkExpires != null ? reply.linkExpires : "2099-01-01T00:00:00.000000000Z"));
        } else if (fault == RapidFault.SELF_LINK) {
            reply.header("Link", "<" + request.getAbsoluteUrl() + ">; rel=\"next\"; expires="
                    + (reply.linkExpires != null ? reply.linkExpires : "2099-01-01T00:00:00.000000000Z"));
        }
        return send(reply, gzip, fault == RapidFault.TRUNCATED_GZIP ? fault : null);
    }

    /** The headers the OpenAPI marks required: {@code Accept: application/json}, {@code Accept-Encoding: gzip}, a User-Agent. */
    private static void requireHeaders(Request request, boolean gzip) {
        String accept = request.getHeader("Accept");
        if (accept == null || !accept.toLowerCase(java.util.Locale.ROOT).contains("application/json")) {
            throw new RapidApiException(RapidError.header("Accept", "The Accept header is required and must be "
                    + "application/json.", accept));
        }
        if (!gzip) {
            throw new RapidApiException(RapidError.header("Accept-Encoding", "The Accept-Encoding header is required "
                    + "and must be gzip.", request.getHeader("Accept-Encoding")));
        }
        String agent = request.getHeader("User-Agent");
        if (agent == null || agent.isBlank()) {
            throw new RapidApiException(RapidError.header("User-Agent", "The User-Agent header is required: "
                    + "{app name}/{app version}.", null));
        }
    }

    private RapidReply withApiHeaders(RapidReply reply) {
        long now = simulator.now().toEpochMilli();
        reply.header("Region", "us-west-2");
        reply.header("Rate-Limit-Day-Remaining", "98");
        reply.header("Rate-Limit-Day-Reset", Long.toString((now / 86_400_000L + 1) * 86_400_000L));
        reply.header("Rate-Limit-Minute-Remaining", "95");
        reply.header("Rate-Limit-Minute-Reset", Long.toString((now / 60_000L + 1) * 60_000L));
        reply.header("Rate-Limit-Reduction-Status", "inactive");
        return reply;
    }

    /** JSON answer, gzip-encoded when the client accepts it; {@code truncate} cuts the gzip stream. */
    private ResponseDefinition send(RapidReply reply, boolean gzip, RapidFault truncate) {
        ResponseDefinitionBuilder b = ResponseDefinitionBuilder.responseDefinition().withStatus(reply.status)
                .withHeader("Content-Type", "application/json;charset=UTF-8");
        reply.headers.forEach(b::withHeader);
        byte[] body = reply.body;
        if (gzip) {
            body = gzip(body);
            if (truncate != null) {
                body = Arrays.copyOf(body, Math.max(10, body.length / 2));
            }
            b.withHeader("Content-Encoding", "gzip");
        }
        return delayed(b.withBody(body));
    }

    private ResponseDefinition plain(RapidReply reply, boolean gzip) {
        ResponseDefinitionBuilder b = ResponseDefinitionBuilder.responseDefinition().withStatus(reply.status);
        if (!reply.headers.containsKey("Content-Type")) {
            b.withHeader("Content-Type", "application/json;charset=UTF-8");
        }
        reply.headers.forEach(b::withHeader);
        byte[] body = reply.body;
        if (gzip && reply.headers.get("Content-Type") == null) {
            body = gzip(body);
            b.withHeader("Content-Encoding", "gzip");
        }
        return b.withBody(body).build();
    }

    private ResponseDefinition delayed(ResponseDefinitionBuilder b) {
        if (options.latencyMs() > 0) {
            b.withFixedDelay((int) options.latencyMs());
        }
        return b.build();
    }

    private static boolean acceptsGzip(Request request) {
        String accept = request.getHeader("Accept-Encoding");
        return accept != null && accept.toLowerCase(java.util.Locale.ROOT).contains("gzip");
    }

    static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, data.length / 6));
        try (OutputStream gz = new FastGzip(out)) {
            gz.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** gzip at the fastest level: pages are large and the simulator must keep up with parallel readers. */
    static final class FastGzip extends GZIPOutputStream {
        FastGzip(OutputStream out) throws IOException {
            super(out, 64 * 1024);
            def.setLevel(Deflater.BEST_SPEED);
        }
    }
}
