package com.pagingetl.simulator.rapid;

import com.pagingetl.simulator.QueryStrings;
import com.pagingetl.simulator.SimResponse;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Serves the pages of {@code /properties/content} and {@code /properties/inactive}: resolves a first request or a
 * {@code token}, selects the page (keyset on the property id, so a token always yields the same page while the
 * data is unchanged), renders it, and issues the next {@code Link} with its {@code expires}. Thread-safe.
 */
final class RapidPager {

    static final String CONTENT = "content";
    static final String INACTIVE = "inactive";
    private static final DateTimeFormatter NANOS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final RapidDataSet data;
    private final PropertyRenderer renderer;
    private final PageTokenCodec codec = new PageTokenCodec();
    private final Supplier<Instant> clock;
    private final Supplier<String> baseUrl;
    private final int pageSize;
    private final Duration lifetime;
    private final boolean emptyLastPage;
    private final AtomicLong serials = new AtomicLong();
    private volatile long expiredUpTo = 0;
    private final Map<String, AtomicInteger> tokenServes = new ConcurrentHashMap<>();

    RapidPager(RapidDataSet data, PropertyRenderer renderer, Supplier<Instant> clock, Supplier<String> baseUrl,
               int pageSize, Duration lifetime, boolean emptyLastPage) {
        this.data = data;
        this.renderer = renderer;
        this.clock = clock;
        this.baseUrl = baseUrl;
        this.pageSize = pageSize;
        this.lifetime = lifetime;
        this.emptyLastPage = emptyLastPage;
    }

    SimResponse content(Map<String, List<String>> params) {
        Map<String, List<String>> query = params;
        int afterId = 0;
        if (params.containsKey("token")) {
            PageTokenCodec.PageToken token = open(params, CONTENT);
            query = QueryStrings.parse(token.query());
            afterId = token.afterId();
        }
        RapidQuery q = RapidQuery.parse(query);
        RapidDataSet.Page page = data.page(q, afterId, q.paginated() ? pageSize : Integer.MAX_VALUE);
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, page.indexes().length * 6_000));
        try (JsonGenerator g = JsonMapper.shared().createGenerator(out)) {
            g.writeStartObject();
            for (int i : page.indexes()) {
                renderer.writeEntry(g, i, q.fields());
            }
            g.writeEndObject();
        }
        return finish(new SimResponse(200, RapidRequestHandler.JSON, out.toByteArray()), page, q.paginated(), CONTENT,
                query);
    }

    SimResponse inactive(Map<String, List<String>> params) {
        Map<String, List<String>> query = params;
        int afterId = 0;
        if (params.containsKey("token")) {
            PageTokenCodec.PageToken token = open(params, INACTIVE);
            query = QueryStrings.parse(token.query());
            afterId = token.afterId();
        }
        long since = RapidQuery.since(query);
        RapidDataSet.Page page = data.inactivePage(since, afterId, pageSize);
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 + page.indexes().length * 30);
        try (JsonGenerator g = JsonMapper.shared().createGenerator(out)) {
            g.writeStartArray();
            for (int i : page.indexes()) {
                g.writeStartObject();
                g.writeStringProperty("property_id", Integer.toString(data.id(i)));
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        return finish(new SimResponse(200, RapidRequestHandler.JSON, out.toByteArray()), page, true, INACTIVE,
                Map.of("since", query.get("since")));
    }

    private SimResponse finish(SimResponse reply, RapidDataSet.Page page, boolean paginated, String endpoint,
                               Map<String, List<String>> query) {
        reply.header("Pagination-Total-Results", Integer.toString(page.total()));
        if (page.more() || paginated && emptyLastPage && page.indexes().length > 0) {
            int lastId = data.id(page.indexes()[page.indexes().length - 1]);
            // Sub-millisecond digits make the expiry look like the real nanosecond timestamps.
            Instant expires = clock.get().plus(lifetime).plusNanos(serials.get() * 7_919 % 1_000_000);
            String token = codec.encode(new PageTokenCodec.PageToken(endpoint, QueryStrings.canonical(query), lastId,
                    expires, serials.incrementAndGet()));
            reply.header("Link", "<" + baseUrl.get() + "/v3/properties/" + endpoint + "?token=" + token
                    + ">; rel=\"next\"; expires=" + NANOS.format(expires));
        }
        return reply;
    }

    private PageTokenCodec.PageToken open(Map<String, List<String>> params, String endpoint) {
        // A link is followed unmodified: another parameter or a second token makes it invalid.
        List<String> values = params.get("token");
        if (params.size() != 1 || values.size() != 1) {
            throw invalidToken();
        }
        PageTokenCodec.PageToken token;
        try {
            token = codec.decode(values.get(0));
        } catch (IllegalArgumentException e) {
            throw invalidToken();
        }
        if (!token.endpoint().equals(endpoint)) {
            throw invalidToken();
        }
        if (token.serial() <= expiredUpTo || clock.get().isAfter(token.expires())) {
            throw new RapidApiException(RapidError.ofStatus(410));
        }
        tokenServes.computeIfAbsent(values.get(0), k -> new AtomicInteger()).incrementAndGet();
        return token;
    }

    private static RapidApiException invalidToken() {
        return new RapidApiException(RapidError.linkInvalid());
    }

    /** Every token issued so far, and the next {@code alsoNext} ones, are expired from now on. */
    void expireAll(int alsoNext) {
        expiredUpTo = serials.get() + alsoNext;
    }

    int timesServed(String token) {
        AtomicInteger n = tokenServes.get(token);
        return n == null ? 0 : n.get();
    }

    Map<String, Integer> tokenServeCounts() {
        Map<String, Integer> out = new java.util.HashMap<>();
        tokenServes.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }
}
