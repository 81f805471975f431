package com.pagingetl.simulator.rapid;

import com.github.tomakehurst.wiremock.http.RequestMethod;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Admin endpoints under {@code /_sim/rapid/} (no authentication, loopback only) mirroring the Java test API:
 * stats, fault injection, link expiry, clock skew, data mutations and the bulk files. Thread-safe.
 */
final class RapidAdmin {

    private final RapidSimulator simulator;
    private RapidFiles files;

    RapidAdmin(RapidSimulator simulator) {
        this.simulator = simulator;
    }

    void files(RapidFiles files) {
        this.files = files;
    }

    RapidReply handle(RequestMethod method, String path, Map<String, List<String>> params) {
        try {
            return route(method, path, params);
        } catch (IllegalArgumentException e) {
            return RapidReply.error(RapidError.invalidInput(List.of(RapidError.param("admin.invalid",
                    String.valueOf(e.getMessage()), path))));
        }
    }

    private RapidReply route(RequestMethod method, String path, Map<String, List<String>> params) {
        if (path.startsWith("files/") && RequestMethod.GET.equals(method)) {
            return files.file(path.substring("files/".length()), params);
        }
        if (path.equals("stats") && RequestMethod.GET.equals(method)) {
            ObjectNode stats = JsonMapper.shared().createObjectNode();
            stats.put("totalActive", simulator.totalActive());
            stats.put("contentRequests", simulator.contentRequestCount());
            ObjectNode requests = stats.putObject("requests");
            simulator.requestCounts().forEach(requests::put);
            ObjectNode countries = stats.putObject("activeByCountry");
            simulator.activeCountsByCountry().forEach(countries::put);
            return json(stats.toString());
        }
        if (!RequestMethod.POST.equals(method)) {
            return RapidReply.error(RapidError.notFound(path));
        }
        switch (path) {
            case "faults/next" -> simulator.injectNext(RapidFault.valueOf(param(params, "kind")));
            case "faults/fail-after" -> simulator.failRequestsAfter(Integer.parseInt(param(params, "n")),
                    Integer.parseInt(param(params, "status")));
            case "faults/clear" -> simulator.clearFaults();
            case "links/expire" -> simulator.expireAllLinks();
            case "clock" -> simulator.setClockOffset(Duration.ofSeconds(Long.parseLong(param(params, "offsetSeconds"))));
            case "properties/touch" -> simulator.touch(param(params, "property_id"));
            case "properties/deactivate" -> simulator.deactivate(param(params, "property_id"));
            default -> {
                return RapidReply.error(RapidError.notFound(path));
            }
        }
        return json("{\"ok\":true}");
    }

    private static String param(Map<String, List<String>> params, String name) {
        List<String> v = params.get(name);
        if (v == null || v.isEmpty()) {
            throw new RapidApiException(RapidError.invalidInput(List.of(RapidError.param(name + ".required",
                    name + " is required.", name))));
        }
        return v.get(0);
    }

    private static RapidReply json(String body) {
        return new RapidReply(200, body.getBytes(StandardCharsets.UTF_8));
    }
}
