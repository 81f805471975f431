package com.pagingetl.simulator.rapid;

import com.pagingetl.simulator.ApiRequestMeter;
import com.pagingetl.simulator.SimRequest;
import com.pagingetl.simulator.SimResponse;
import com.pagingetl.simulator.SimServer;
import com.pagingetl.simulator.SimulatedFaults;

import java.util.List;
import java.util.Map;

/**
 * The Rapid API on the kit's server: counts the request, applies faults, checks the signature and the required
 * {@code Accept}, {@code Accept-Encoding} and {@code User-Agent}, routes to the endpoints, and
 * encodes the answer (gzip JSON, Rapid headers, optional latency). Thread-safe.
 */
final class RapidRequestHandler implements SimServer.Handler {

    static final String CONTENT_PATH = "/v3/properties/content";
    static final String INACTIVE_PATH = "/v3/properties/inactive";
    static final String CATALOG_FILE_PATH = "/v3/files/properties/catalog";
    static final String CONTENT_FILE_PATH = "/v3/files/properties/content";
    /** Where the bulk files' {@code href} points, standing in for the signed S3 URL (no Authorization). */
    static final String FILES_PREFIX = "/_sim/rapid/files/";
    private static final List<String> API_PATHS = List.of(CONTENT_PATH, INACTIVE_PATH, CATALOG_FILE_PATH,
            CONTENT_FILE_PATH);
    static final String JSON = "application/json;charset=UTF-8";

    private final RapidSimulator simulator;
    private final RapidEndpoints endpoints;
    private final RapidAuthenticator authenticator;
    private final SimulatedFaults<RapidFault> faults;
    private final RapidOptions options;
    private final ApiRequestMeter meter;

    /** {@code meter} tallies the requests of each API path, faulted ones included. */
    RapidRequestHandler(RapidSimulator simulator, RapidEndpoints endpoints, RapidAuthenticator authenticator,
                        SimulatedFaults<RapidFault> faults, RapidOptions options, ApiRequestMeter meter) {
        this.simulator = simulator;
        this.endpoints = endpoints;
        this.authenticator = authenticator;
        this.faults = faults;
        this.options = options;
        this.meter = meter;
    }

    @Override
    public SimResponse handle(SimRequest request) {
        String path = request.path();
        try {
            if (path.startsWith(FILES_PREFIX) && request.is("GET")) {
                return endpoints.file(path.substring(FILES_PREFIX.length()), request.params());
            }
            if (!API_PATHS.contains(path)) {
                return gzipped(error(RapidError.notFound(path)), request.acceptsGzip());
            }
            meter.tally(path);
            return api(request, path, request.params());
        } catch (RapidApiException e) {
            return gzipped(error(e.error()), request.acceptsGzip());
        } catch (RuntimeException e) {
            // An unexpected failure of the simulator itself still answers like the API.
            return gzipped(error(RapidError.ofStatus(500)), request.acceptsGzip());
        }
    }

    private SimResponse api(SimRequest request, String path, Map<String, List<String>> params) {
        boolean gzip = request.acceptsGzip();
        SimulatedFaults.Decision<RapidFault> decision = faults.next();
        if (decision.status() > 0) {
            return apiError(decision.status(), gzip);
        }
        RapidFault fault = decision.fault();
        SimResponse faulted = fault == null ? null : switch (fault) {
            case SERVER_ERROR_500 -> apiError(500, gzip);
            case SERVICE_UNAVAILABLE_503 -> apiError(503, gzip);
            case BAD_REQUEST_400 -> apiError(400, gzip);
            case FORBIDDEN_403 -> apiError(403, gzip);
            // The spec's rate headers, no Retry-After (not in the spec): a client waits for the reset.
            case RATE_LIMIT_429 -> apiError(429, gzip).header("Rate-Limit-Minute-Remaining", "0")
                    .header("Rate-Limit-Minute-Reset", Long.toString(simulator.now().toEpochMilli()
                            + options.retryAfterSeconds() * 1000L));
            case HTML_502 -> SimResponse.of(502, "text/html", "<html><head><title>502 Bad Gateway</title></head><body>"
                    + "<center><h1>502 Bad Gateway</h1></center></body></html>").delayed(options.latencyMs());
            case NON_JSON_200 -> send(withApiHeaders(SimResponse.of(200, JSON,
                    "Service temporarily degraded, please retry")), true);
            case CONNECTION_RESET -> SimResponse.reset().delayed(options.latencyMs());
            // TRUNCATED_GZIP, DROPPED_MID_BODY and the link faults alter a real answer below.
            default -> null;
        };
        if (faulted != null) {
            return faulted;
        }
        SimResponse reply;
        try {
            if (!request.is("GET")) {
                throw new RapidApiException(new RapidError(405, "method_not_allowed",
                        "Only GET is supported on " + path + ".", List.of(), List.of()));
            }
            authenticator.verify(request.header("Authorization"), simulator.now().getEpochSecond());
            requireHeaders(request, gzip);
            reply = switch (path) {
                case CONTENT_PATH -> endpoints.content(params);
                case INACTIVE_PATH -> endpoints.inactive(params);
                case CATALOG_FILE_PATH -> endpoints.fileLink(params, true);
                default -> endpoints.fileLink(params, false);
            };
        } catch (RapidApiException e) {
            reply = error(e.error());
            if (e.error().status() == 401) {
                reply.header("WWW-Authenticate", RapidAuthenticator.WWW_AUTHENTICATE);
            }
        }
        withApiHeaders(reply);
        String link = reply.header("Link");
        String nextUrl = link == null ? null : link.substring(1, link.indexOf('>'));
        String linkExpires = link == null ? "2099-01-01T00:00:00.000000000Z"
                : link.substring(link.lastIndexOf("expires=") + "expires=".length());
        if (fault == RapidFault.MALFORMED_LINK) {
            reply.header("Link", "<" + (nextUrl != null ? nextUrl : "http://127.0.0.1/v3/properties/content")
                    + "; rel=next expires");
        } else if (fault == RapidFault.FOREIGN_HOST_LINK) {
            String next = nextUrl != null ? nextUrl.replaceFirst("^http://[^/]+", "http://evil.example.test")
                    : "http://evil.example.test" + CONTENT_PATH + "?token=stolen";
            reply.header("Link", "<" + next + ">; rel=\"next\"; expires=" + linkExpires);
        } else if (fault == RapidFault.SELF_LINK) {
            reply.header("Link", "<" + request.absoluteUrl() + ">; rel=\"next\"; expires=" + linkExpires);
        }
        send(reply, gzip);
        if (fault == RapidFault.DROPPED_MID_BODY) {
            return reply.cut();
        }
        return fault == RapidFault.TRUNCATED_GZIP && gzip ? reply.truncated() : reply;
    }

    /** The headers the OpenAPI marks required: {@code Accept: application/json}, {@code Accept-Encoding: gzip}, a User-Agent. */
    private static void requireHeaders(SimRequest request, boolean gzip) {
        String accept = request.header("Accept");
        if (accept == null || !accept.toLowerCase(java.util.Locale.ROOT).contains("application/json")) {
            throw new RapidApiException(RapidError.header("Accept", "The Accept header is required and must be "
                    + "application/json.", accept));
        }
        if (!gzip) {
            throw new RapidApiException(RapidError.header("Accept-Encoding", "The Accept-Encoding header is required "
                    + "and must be gzip.", request.header("Accept-Encoding")));
        }
        String agent = request.header("User-Agent");
        if (agent == null || agent.isBlank()) {
            throw new RapidApiException(RapidError.header("User-Agent", "The User-Agent header is required: "
                    + "{app name}/{app version}.", null));
        }
    }

    private SimResponse apiError(int status, boolean gzip) {
        return send(withApiHeaders(error(RapidError.ofStatus(status))), gzip);
    }

    private SimResponse withApiHeaders(SimResponse reply) {
        long now = simulator.now().toEpochMilli();
        reply.header("Region", "us-west-2");
        reply.header("Rate-Limit-Day-Remaining", "98");
        reply.header("Rate-Limit-Day-Reset", Long.toString((now / 86_400_000L + 1) * 86_400_000L));
        reply.header("Rate-Limit-Minute-Remaining", "95");
        reply.header("Rate-Limit-Minute-Reset", Long.toString((now / 60_000L + 1) * 60_000L));
        reply.header("Rate-Limit-Reduction-Status", "inactive");
        return reply;
    }

    /** The answer with the API's latency, gzip-encoded when the client accepts it. */
    private SimResponse send(SimResponse reply, boolean gzip) {
        return gzipped(reply, gzip).delayed(options.latencyMs());
    }

    private static SimResponse gzipped(SimResponse reply, boolean gzip) {
        return gzip ? reply.gzip() : reply;
    }

    static SimResponse error(RapidError error) {
        return new SimResponse(error.status(), JSON, error.toJson());
    }
}
