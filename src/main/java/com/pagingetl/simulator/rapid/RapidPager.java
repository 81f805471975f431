package com.pagingetl.simulator.rapid;

import com.pagingetl.simulator.SimResponse;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Serves the pages of {@code /properties/content} and {@code /properties/inactive}: resolves a first request or a
 * {@code token}, selects the page (keyset on the property id, so a token always yields the same page while the
 * data is unchanged), renders it, and issues the next {@code Link} with its {@code expires}.
 *
 * <p>A token is a random name for the page it leads to, which this instance keeps: it needs no other query
 * parameter, cannot be forged or edited, and is meaningless to another simulator instance. Thread-safe.
 */
final class RapidPager {

    /** Where a token leads: the whole query of {@code endpoint} and the id after which the page starts. */
    record PageToken(String endpoint, Map<String, List<String>> query, int afterId, Instant expires, long serial,
                     AtomicInteger served) {
    }

    private static final DateTimeFormatter NANOS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final RapidDataSet data;
    private final PropertyRenderer renderer;
    private final Supplier<Instant> clock;
    private final Supplier<String> baseUrl;
    private final int pageSize;
    private final Duration lifetime;
    private final boolean emptyLastPage;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, PageToken> tokens = new ConcurrentHashMap<>();
    private final AtomicLong serials = new AtomicLong();
    private volatile long expiredUpTo = 0;

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
        PageToken token = open(params, "content");
        Map<String, List<String>> query = token == null ? params : token.query();
        RapidQuery q = RapidQuery.parse(query);
        RapidDataSet.Page page = data.page(q, token == null ? 0 : token.afterId(),
                q.paginated() ? pageSize : Integer.MAX_VALUE);
        return finish(page, q.paginated(), "content", query, 6_000, g -> {
            g.writeStartObject();
            for (int i : page.indexes()) {
                renderer.writeEntry(g, i, q.fields());
            }
            g.writeEndObject();
        });
    }

    SimResponse inactive(Map<String, List<String>> params) {
        PageToken token = open(params, "inactive");
        Map<String, List<String>> query = token == null ? Map.of("since", params.getOrDefault("since", List.of()))
                : token.query();
        RapidDataSet.Page page = data.inactivePage(RapidQuery.since(query), token == null ? 0 : token.afterId(),
                pageSize);
        return finish(page, true, "inactive", query, 30, g -> {
            g.writeStartArray();
            for (int i : page.indexes()) {
                g.writeStartObject();
                g.writeStringProperty("property_id", Integer.toString(data.id(i)));
                g.writeEndObject();
            }
            g.writeEndArray();
        });
    }

    /** The page's JSON written by {@code body}, its total and, unless it is the last, the next {@code Link}. */
    private SimResponse finish(RapidDataSet.Page page, boolean paginated, String endpoint,
                               Map<String, List<String>> query, int bytesPerRecord, Consumer<JsonGenerator> body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, page.indexes().length * bytesPerRecord));
        try (JsonGenerator g = JsonMapper.shared().createGenerator(out)) {
            body.accept(g);
        }
        SimResponse reply = new SimResponse(200, RapidRequestHandler.JSON, out.toByteArray());
        reply.header("Pagination-Total-Results", Integer.toString(page.total()));
        if (page.more() || paginated && emptyLastPage && page.indexes().length > 0) {
            int lastId = data.id(page.indexes()[page.indexes().length - 1]);
            // Sub-millisecond digits make the expiry look like the real nanosecond timestamps.
            Instant expires = clock.get().plus(lifetime).plusNanos(serials.get() * 7_919 % 1_000_000);
            byte[] name = new byte[18];
            random.nextBytes(name);
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(name);
            tokens.put(token, new PageToken(endpoint, Map.copyOf(query), lastId, expires, serials.incrementAndGet(),
                    new AtomicInteger()));
            reply.header("Link", "<" + baseUrl.get() + "/v3/properties/" + endpoint + "?token=" + token
                    + ">; rel=\"next\"; expires=" + NANOS.format(expires));
        }
        return reply;
    }

    /** The token of a next link, or null on a first request. */
    private PageToken open(Map<String, List<String>> params, String endpoint) {
        List<String> values = params.get("token");
        if (values == null) {
            return null;
        }
        // A link is followed unmodified: another parameter or a second token makes it invalid.
        PageToken token = params.size() == 1 && values.size() == 1 ? tokens.get(values.get(0)) : null;
        if (token == null || !token.endpoint().equals(endpoint)) {
            throw new RapidApiException(RapidError.linkInvalid());
        }
        if (token.serial() <= expiredUpTo || clock.get().isAfter(token.expires())) {
            throw new RapidApiException(RapidError.ofStatus(410));
        }
        token.served().incrementAndGet();
        return token;
    }

    /** Every token issued so far, and the next {@code alsoNext} ones, are expired from now on. */
    void expireAll(int alsoNext) {
        expiredUpTo = serials.get() + alsoNext;
    }

    int timesServed(String token) {
        PageToken page = tokens.get(token);
        return page == null ? 0 : page.served().get();
    }

    int maxTimesServed() {
        return tokens.values().stream().mapToInt(t -> t.served().get()).max().orElse(0);
    }
}
