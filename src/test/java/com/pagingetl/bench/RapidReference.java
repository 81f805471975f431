package com.pagingetl.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

/**
 * Reference client of Rapid's {@code /v3/properties/content}, with the plan of the Rapid pagination guide:
 * probe each country's {@code Pagination-Total-Results} with {@code include=property_id}, split a country above
 * {@code maxPartitionSize} into categories 0..44 plus a remainder slice excluding all of them, skip empty
 * slices, then page every slice through its {@code Link rel="next"} URLs, largest slices first, on a fixed
 * pool of {@code concurrency} threads. Each slice writes its own gzip file; the files are concatenated at the
 * end (gzip members concatenate). Thread-safe per run.
 */
final class RapidReference implements ReferenceClient {

    private static final List<String> CATEGORIES = IntStream.rangeClosed(0, 44).mapToObj(Integer::toString).toList();

    private record Slice(String name, String query, long size) {
    }

    @Override
    public long extract(Context context) throws Exception {
        String apiKey = context.env("RAPID_API_KEY");
        String secret = context.env("RAPID_SHARED_SECRET");
        long maxPartitionSize = Long.parseLong(context.param("maxPartitionSize", "20000"));
        String base = "language=" + enc(context.param("language", "en-US")) + "&supply_source="
                + enc(context.param("supplySource", "expedia"));
        List<String> countries = Arrays.stream(context.param("countries", "US").split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).toList();
        List<String> include = Arrays.stream(context.param("include", "").split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).toList();

        ExecutorService pool = Executors.newFixedThreadPool(context.concurrency());
        try {
            Map<String, Future<Long>> countryTotals = new LinkedHashMap<>();
            for (String country : countries) {
                String q = base + "&country_code=" + enc(country);
                countryTotals.put(q, pool.submit(() -> probe(context, apiKey, secret, q)));
            }
            Map<String, Future<Long>> slices = new LinkedHashMap<>();
            for (Map.Entry<String, Future<Long>> country : countryTotals.entrySet()) {
                long total = country.getValue().get();
                if (total > maxPartitionSize) {
                    for (String category : CATEGORIES) {
                        String q = country.getKey() + "&category_id=" + category;
                        slices.put(q, pool.submit(() -> probe(context, apiKey, secret, q)));
                    }
                    StringBuilder rest = new StringBuilder(country.getKey());
                    CATEGORIES.forEach(c -> rest.append("&category_id_exclude=").append(c));
                    String q = rest.toString();
                    slices.put(q, pool.submit(() -> probe(context, apiKey, secret, q)));
                } else if (total > 0) {
                    slices.put(country.getKey(), CompletableFuture.completedFuture(total));
                }
            }
            List<Slice> plan = new ArrayList<>();
            for (Map.Entry<String, Future<Long>> s : slices.entrySet()) {
                long size = s.getValue().get();
                if (size > 0) {
                    plan.add(new Slice("slice-" + plan.size(), s.getKey(), size));
                }
            }
            plan.sort(Comparator.comparingLong(Slice::size).reversed());

            String includes = include.stream().map(i -> "&include=" + enc(i)).reduce("", String::concat);
            List<Future<Long>> extracts = new ArrayList<>();
            for (Slice slice : plan) {
                extracts.add(pool.submit(() -> extractSlice(context, apiKey, secret, slice, includes)));
            }
            long records = 0;
            for (Future<Long> f : extracts) {
                records += f.get();
            }
            concatenate(context.outDir(), plan);
            return records;
        } finally {
            pool.shutdownNow();
        }
    }

    private long probe(Context context, String apiKey, String secret, String query) throws Exception {
        HttpResponse<byte[]> response = context.sendForResponse(get(context.resolve("/v3/properties/content?" + query
                + "&include=property_id"), apiKey, secret));
        return Long.parseLong(response.headers().firstValue("Pagination-Total-Results")
                .orElseThrow(() -> new IOException("size probe of " + query + " has no Pagination-Total-Results")).trim());
    }

    private long extractSlice(Context context, String apiKey, String secret, Slice slice, String includes) throws Exception {
        URI next = context.resolve("/v3/properties/content?" + slice.query() + includes);
        try (GzipLines out = new GzipLines(context.outDir().resolve(slice.name() + ".part"))) {
            while (next != null) {
                HttpRequest request = get(next, apiKey, secret);
                HttpResponse<byte[]> response = context.sendForResponse(request);
                byte[] body = Context.body(response, request);
                JsonBytes.memberValues(body, JsonBytes.skipWhitespace(body, 0), (s, e) -> {
                    try {
                        out.write(body, s, e);
                    } catch (IOException io) {
                        throw new java.io.UncheckedIOException(io);
                    }
                });
                next = nextLink(response.headers().allValues("Link"));
            }
            return out.lines();
        }
    }

    private static void concatenate(Path dir, List<Slice> plan) throws IOException {
        try (OutputStream out = Files.newOutputStream(dir.resolve("rapidContent-reference.jsonl.gz"),
                StandardOpenOption.CREATE_NEW)) {
            for (Slice slice : plan) {
                Path part = dir.resolve(slice.name() + ".part");
                Files.copy(part, out);
                Files.delete(part);
            }
        }
    }

    private static URI nextLink(List<String> values) {
        for (String value : values) {
            for (String link : value.split(",(?=\\s*<)")) {
                if (link.contains("rel=\"next\"") || link.matches("(?s).*;\\s*rel=next\\b.*")) {
                    return URI.create(link.substring(link.indexOf('<') + 1, link.indexOf('>')));
                }
            }
        }
        return null;
    }

    private static HttpRequest get(URI uri, String apiKey, String secret) {
        long timestamp = System.currentTimeMillis() / 1000;
        return HttpRequest.newBuilder(uri).GET()
                .header("Accept", "application/json")
                .header("Accept-Encoding", "gzip")
                .header("Authorization", "EAN APIKey=" + apiKey + ",Signature=" + sha512Hex(apiKey + secret + timestamp)
                        + ",timestamp=" + timestamp)
                .build();
    }

    private static String sha512Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
