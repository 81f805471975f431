package com.pagingetl.simulator.rapid;

import com.pagingetl.simulator.QueryStrings;
import com.pagingetl.simulator.KitSimulator;
import com.pagingetl.simulator.SimAdmin;
import com.pagingetl.simulator.SimServer;
import com.pagingetl.simulator.SimulatedFaults;
import com.pagingetl.simulator.SimulatorOption;
import com.pagingetl.simulator.SimulatorOptions;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * Embedded simulator of the Expedia Group Rapid v3 content API ({@code GET /v3/properties/content},
 * {@code /v3/properties/inactive}, {@code /v3/files/properties/{catalog,content}}) on 127.0.0.1, backed by a
 * deterministic generated catalogue. Besides the {@link ApiSimulator} contract it offers a Java API for tests of
 * the jobs: request counters, fault injection, link expiry, clock skew, data mutations and the expected results.
 *
 * <p>Thread-safe: requests are served concurrently; the test API may be called from any thread.
 */
public final class RapidSimulator extends KitSimulator<RapidFault> {

    private final RapidOptions options;
    private final RapidDataSet data;
    private final RapidEndpoints endpoints;
    private final RapidRequestHandler handler;

    public RapidSimulator(SimulatorOptions options) {
        super("rapid", RapidFault.class);
        this.options = RapidOptions.from(options);
        this.data = new RapidDataSet(RapidTemplates.load(), this.options.size(), this.options.seed(),
                this.options.inactiveShare(), Instant.now());
        SimulatedFaults<RapidFault> faults = plan(new SimulatedFaults<>(this.options.seed(), this.options.errorRate(),
                this.options.rateLimitRate(), this.options.resetRate(), RapidFault.CONNECTION_RESET,
                RapidFault.RATE_LIMIT_429, List.of(RapidFault.SERVER_ERROR_500, RapidFault.SERVICE_UNAVAILABLE_503)));
        Set<String> refused = Arrays.stream(this.options.unauthorizedKeys().split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
        this.endpoints = new RapidEndpoints(data, this::now, this::baseUrl, this.options.pageSize(),
                this.options.linkLifetime(), this.options.emptyLastPage());
        this.handler = new RapidRequestHandler(this, endpoints, new RapidAuthenticator(this.options.apiKey(),
                this.options.sharedSecret(), refused), faults, this.options, admin.meter());
    }

    @Override
    protected SimServer.Handler serve(SimAdmin admin) {
        admin.get("status", this::statusJson)
                .post("links/expire", this::expireAllLinks)
                .act("clock", request -> setClockOffset(Duration.ofSeconds(Long.parseLong(
                        request.param("offsetSeconds")))))
                .act("properties/touch", request -> touch(request.param("property_id")))
                .act("properties/deactivate", request -> deactivate(request.param("property_id")));
        return handler;
    }

    @Override
    public Map<String, String> clientProperties() {
        return jobProperties("rapid-content", "api-key", options.apiKey(), "shared-secret", options.sharedSecret());
    }

    @Override
    public String describe() {
        Map<String, Integer> byCountry = activeCountsByCountry();
        String top = byCountry.entrySet().stream().limit(5).map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
        return String.join(System.lineSeparator(), "Expedia Rapid v3 content API simulator",
                "  base URL:       " + baseUrl() + "  (GET /v3/properties/content, /v3/properties/inactive, "
                        + "/v3/files/properties/catalog, /v3/files/properties/content)",
                "  credentials:    apiKey=" + options.apiKey() + "  sharedSecret=" + options.sharedSecret()
                        + "  (Authorization: EAN APIKey=..,Signature=sha512(key+secret+ts),timestamp=ts; +/-300 s)",
                "  required:       Accept: application/json, Accept-Encoding: gzip, User-Agent (else 400 "
                        + "invalid_input), language, supply_source",
                "  data set:       " + options.size() + " properties (seed " + options.seed() + "), " + totalActive()
                        + " active expedia, " + data.inactivePage(Long.MIN_VALUE, 0, 0).total() + " inactive, "
                        + byCountry.size() + " countries; largest: " + top,
                "  paging:         pageSize=" + options.pageSize() + " (server-controlled), linkLifetime="
                        + options.linkLifetime() + ", Link rel=next with opaque token; 410 link.expired after expiry; "
                        + (options.emptyLastPage()
                        ? "the last Link leads to an empty page without Link (lastPage=empty)"
                        : "the last page with data has no Link (lastPage=data)"),
                "  faults:         latencyMs=" + options.latencyMs() + " errorRate=" + options.errorRate()
                        + " rateLimitRate=" + options.rateLimitRate() + " (Rate-Limit-Minute-Reset in "
                        + options.retryAfterSeconds() + " s) resetRate=" + options.resetRate() + " inactiveShare="
                        + options.inactiveShare(),
                "  admin:          " + admin.describe(baseUrl()) + "; clock?offsetSeconds=, properties/touch and"
                        + " properties/deactivate?property_id=; the bulk files' href: GET "
                        + RapidRequestHandler.FILES_PREFIX + "{catalog,content}.jsonl.gz",
                "  options (sim.<name>=<value>):", SimulatorOption.describeAll(RapidOptions.ALL));
    }

    // ---- Java API for tests ---------------------------------------------------------------------------------

    /** The UTC day the data set was generated for ("today" at construction). */
    public LocalDate dataSetDay() {
        return LocalDate.ofEpochDay(data.generatedDay);
    }

    public String apiKey() {
        return options.apiKey();
    }

    public String sharedSecret() {
        return options.sharedSecret();
    }

    /** A valid {@code Authorization} header for the demo credentials, signed with the real (client) clock. */
    public String authorizationHeader() {
        return RapidAuthenticator.header(options.apiKey(), options.sharedSecret(), Instant.now().getEpochSecond());
    }

    /** Requests received on {@code /v3/properties/content}, faulted ones included. */
    public int contentRequestCount() {
        return requestCount(RapidRequestHandler.CONTENT_PATH);
    }

    /** Requests received on an API path such as {@code /v3/properties/inactive} since the meter's last reset, faulted ones included. */
    public int requestCount(String path) {
        return (int) admin.meter().count(path);
    }

    /** Every token issued so far answers 410 {@code link.expired} from now on. */
    public void expireAllLinks() {
        expireLinks(0);
    }

    /**
     * Every token issued so far and the next {@code alsoNext} ones answer 410 {@code link.expired}. A
     * request in flight issues its token after this call; {@code alsoNext = 1} expires that one too, so a
     * single reader paging right now certainly meets an expired link.
     */
    public void expireLinks(int alsoNext) {
        endpoints.expireAll(alsoNext);
    }

    /** How many times the page of {@code tokenOrUrl} (a token or a whole next URL) was served successfully. */
    public int tokenServeCount(String tokenOrUrl) {
        int at = tokenOrUrl.indexOf("token=");
        return endpoints.timesServed(at < 0 ? tokenOrUrl : tokenOrUrl.substring(at + 6));
    }

    /** The largest number of times any single token was served (1 means no page was fetched twice). */
    public int maxTokenServeCount() {
        return endpoints.maxTimesServed();
    }

    /** Active properties with {@code supply_source=expedia}. */
    public int totalActive() {
        return activeCountsByCountry().values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Active {@code expedia} property ids of the countries (all countries when null), in numeric order. */
    public SortedSet<String> expectedIds(Collection<String> countries) {
        return expectedIds(countries, "expedia");
    }

    public SortedSet<String> expectedIds(Collection<String> countries, String supplySource) {
        return data.activeIds(countries, supplySource);
    }

    /**
     * Ids the content endpoint returns for a query string such as
     * {@code language=en-US&supply_source=expedia&country_code=US&date_updated_start=2026-01-01} (all pages).
     *
     * @throws IllegalArgumentException when the query would be refused with 400
     */
    public SortedSet<String> expectedIdsForQuery(String queryString) {
        RapidQuery q;
        try {
            q = RapidQuery.parse(QueryStrings.parse(queryString));
        } catch (RapidApiException e) {
            throw new IllegalArgumentException("query is invalid: " + new String(e.error().toJson(), UTF_8));
        }
        return ids(data.page(q, 0, Integer.MAX_VALUE));
    }

    /** Active {@code expedia} properties per country code, largest first. */
    public Map<String, Integer> activeCountsByCountry() {
        return data.activeCountsByCountry();
    }

    /** Ids the inactive endpoint lists for {@code since}. */
    public SortedSet<String> expectedInactiveIds(LocalDate since) {
        return ids(data.inactivePage(since.toEpochDay(), 0, Integer.MAX_VALUE));
    }

    private SortedSet<String> ids(RapidDataSet.Page page) {
        TreeSet<String> out = new TreeSet<>(Comparator.comparingInt(Integer::parseInt));
        for (int i : page.indexes()) {
            out.add(Integer.toString(data.id(i)));
        }
        return out;
    }

    /** Marks a property as updated now (server clock): it then matches {@code date_updated_start=<today>}. */
    public void touch(String propertyId) {
        data.touch(propertyId, now());
    }

    /** Makes a property inactive as of today (server clock). */
    public void deactivate(String propertyId) {
        data.deactivate(propertyId, LocalDate.ofInstant(now(), ZoneOffset.UTC));
    }

    private String statusJson() {
        ObjectNode stats = JsonMapper.shared().createObjectNode().put("totalActive", totalActive())
                .put("contentRequests", contentRequestCount());
        ObjectNode requests = stats.putObject("requests");
        admin.meter().counts().forEach(requests::put);
        ObjectNode countries = stats.putObject("activeByCountry");
        activeCountsByCountry().forEach(countries::put);
        return stats.toString();
    }
}
