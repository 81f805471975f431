package com.pagingetl.simulator.rapid;

import com.pagingetl.simulator.QueryStrings;
import com.pagingetl.simulator.SimResponse;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;

/**
 * The bulk file endpoints: {@code /files/properties/catalog} and {@code /files/properties/content} answer
 * {@code {"method","href","expires"}}, and the {@code href} (a path standing in for the signed S3 URL,
 * no Authorization needed) serves the JSON Lines gzip file of every active property of the supply source,
 * rendered on demand. Thread-safe.
 */
final class RapidFiles {

    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final RapidDataSet data;
    private final PropertyRenderer renderer;
    private final Supplier<Instant> clock;
    private final Supplier<String> baseUrl;

    RapidFiles(RapidDataSet data, PropertyRenderer renderer, Supplier<Instant> clock, Supplier<String> baseUrl) {
        this.data = data;
        this.renderer = renderer;
        this.clock = clock;
        this.baseUrl = baseUrl;
    }

    SimResponse link(Map<String, List<String>> params, boolean catalog) {
        RapidQuery q = RapidQuery.parse(Map.of(
                "language", params.getOrDefault("language", List.of()),
                "supply_source", params.getOrDefault("supply_source", List.of())));
        String href = baseUrl.get() + RapidRequestHandler.FILES_PREFIX + (catalog ? "catalog" : "content")
                + ".jsonl.gz?language=" + QueryStrings.encode(q.language()) + "&supply_source=" + q.supplySource();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = JsonMapper.shared().createGenerator(out)) {
            g.writeStartObject();
            g.writeStringProperty("method", "GET");
            g.writeStringProperty("href", href);
            g.writeStringProperty("expires", MILLIS.format(clock.get().plusSeconds(3600)));
            g.writeEndObject();
        }
        return new SimResponse(200, RapidRequestHandler.JSON, out.toByteArray());
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
            int after = 0;
            RapidDataSet.Page page;
            do {
                page = data.page(q, after, 1_000);
                for (int i : page.indexes()) {
                    ByteArrayOutputStream line = new ByteArrayOutputStream(4_096);
                    try (JsonGenerator g = JsonMapper.shared().createGenerator(line)) {
                        renderer.write(g, i, q.fields());
                    }
                    line.write('\n');
                    line.writeTo(gz);
                    after = data.id(i);
                }
            } while (page.more());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new SimResponse(200, "application/gzip", bytes.toByteArray());
    }
}
