package com.pagingetl.simulator.rapid;

import com.pagingetl.simulator.QueryStrings;
import com.pagingetl.simulator.SimResponse;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
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
import java.util.zip.GZIPOutputStream;

/**
 * The answers of the Rapid endpoints, rendered from the data set. The pages of {@code /properties/content} and
 * {@code /properties/inactive}: resolves a first request or a {@code token}, selects the page (keyset on the
 * property id, so a token always yields the same page while the data is unchanged), renders it, and issues the next
 * {@code Link} with its {@code expires}. A token is a random name for the page it leads to, which this instance
 * keeps: it needs no other query parameter, cannot be forged or edited, and is meaningless to another instance.
 *
 * <p>The bulk file endpoints {@code /files/properties/catalog} and {@code /files/properties/content} answer
 * {@code {"method","href","expires"}}; the {@code href} (a path standing in for the signed S3 URL, no Authorization
 * needed) serves the JSON Lines gzip file of every active property of the supply source. Thread-safe.
 */
final class RapidEndpoints {

    /** Where a token leads: the whole query of {@code endpoint} and the id after which the page starts. */
    record PageToken(String endpoint, Map<String, List<String>> query, int afterId, Instant expires, long serial,
                     AtomicInteger served) {
    }

    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
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

    RapidEndpoints(RapidDataSet data, Supplier<Instant> clock, Supplier<String> baseUrl, int pageSize,
                   Duration lifetime, boolean emptyLastPage) {
        this.data = data;
        this.renderer = new PropertyRenderer(data, baseUrl);
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

    /** {@code {"method","href","expires"}} of a bulk file: every active property, or its catalog fields. */
    SimResponse fileLink(Map<String, List<String>> params, boolean catalog) {
        RapidQuery q = RapidQuery.parse(Map.of(
                "language", params.getOrDefault("language", List.of()),
                "supply_source", params.getOrDefault("supply_source", List.of())));
        String href = baseUrl.get() + RapidRequestHandler.FILES_PREFIX + (catalog ? "catalog" : "content")
                + ".jsonl.gz?language=" + QueryStrings.encode(q.language()) + "&supply_source=" + q.supplySource();
        return json(256, g -> {
            g.writeStartObject();
            g.writeStringProperty("method", "GET");
            g.writeStringProperty("href", href);
            g.writeStringProperty("expires", MILLIS.format(clock.get().plusSeconds(3600)));
            g.writeEndObject();
        });
    }

    /** The gzip JSON Lines file; {@code name} is {@code catalog.jsonl.gz} or {@code content.jsonl.gz}. */
    SimResponse file(String name, Map<String, List<String>> params) {
        boolean catalog = name.equals("catalog.jsonl.gz");
        if (!catalog && !name.equals("content.jsonl.gz")) {
            return RapidRequestHandler.error(RapidError.notFound(name));
        }
        String supplySource = params.getOrDefault("supply_source", List.of("expedia")).get(0);
        RapidQuery q = RapidQuery.all(supplySource, catalog ? PropertyRenderer.CATALOG_FIELDS : null);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(bytes, 64 * 1024)) {
            for (int i : data.page(q, 0, Integer.MAX_VALUE).indexes()) {
                ByteArrayOutputStream line = new ByteArrayOutputStream(4_096);
                try (JsonGenerator g = JsonMapper.shared().createGenerator(line)) {
                    renderer.write(g, i, q.fields());
                }
                line.write('\n');
                line.writeTo(gz);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new SimResponse(200, "application/gzip", bytes.toByteArray());
    }

    /** The page's JSON written by {@code body}, its total and, unless it is the last, the next {@code Link}. */
    private SimResponse finish(RapidDataSet.Page page, boolean paginated, String endpoint,
                               Map<String, List<String>> query, int bytesPerRecord, Consumer<JsonGenerator> body) {
        SimResponse reply = json(page.indexes().length * bytesPerRecord, body);
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

    private static SimResponse json(int expectedBytes, Consumer<JsonGenerator> body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, expectedBytes));
        try (JsonGenerator g = JsonMapper.shared().createGenerator(out)) {
            body.accept(g);
        }
        return new SimResponse(200, RapidRequestHandler.JSON, out.toByteArray());
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
