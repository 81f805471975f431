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
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Future;
import java.util.function.BiFunction;
import java.util.stream.IntStream;

/**
 * Reference client of Rapid's {@code /v3/properties/content}, with the job's plan: probe the countries'
 * {@code Pagination-Total-Results} ({@code include=property_id}) in contiguous groups ({@code country_code}
 * repeated), pack a group of at most {@code maxPartitionSize / 10} into one slice and halve a larger one down to
 * single countries; split a country above {@code maxPartitionSize} the same way by groups of categories 0..44,
 * plus a remainder slice excluding all of them; cut a slice by star rating ({@code property_rating_min/max}, eleven
 * ranges) when it exceeds {@code maxPartitionSize}, or, once every country is probed, its fair share of the run,
 * keeping it whole when the ranges do not add up to its total; skip empty slices. The probes go out on
 * {@code 2 × concurrency} threads, as the job's do. Then page every slice through its {@code Link rel="next"} URLs,
 * largest slices first, on a fixed pool of {@code concurrency} threads. Each slice writes its own gzip file; the
 * files are concatenated at the end (gzip members concatenate). Thread-safe per run.
 */
final class RapidReference implements ReferenceClient {

    private static final List<String> CATEGORIES = IntStream.rangeClosed(0, 44).mapToObj(Integer::toString).toList();

    /** @param rated whether the slice is already one star rating range */
    private record Slice(String name, String query, long size, boolean rated) {

        Slice(String query, long size) {
            this(null, query, size, false);
        }
    }

    /** The query parameters of the eleven star rating ranges the job cuts by: 0.0-0.4, 0.5-0.9, ... 5.0-5.0. */
    private static final List<String> RATING_RANGES = IntStream.rangeClosed(0, 10)
            .mapToObj(h -> "&property_rating_min=" + tenths(h * 5)
                    + "&property_rating_max=" + tenths(Math.min(50, h * 5 + 4)))
            .toList();

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
        ExecutorService probePool = Executors.newFixedThreadPool(2 * context.concurrency());
        try {
            Probes probes = new Probes(context, apiKey, secret, probePool, maxPartitionSize);
            List<CompletableFuture<List<Slice>>> parts = new ArrayList<>();
            for (List<String> group : groups(countries, 2 * context.concurrency())) {
                parts.add(probes.packOrHalve(base, "country_code", group, probes::country));
            }
            List<Slice> coarse = new ArrayList<>();
            for (CompletableFuture<List<Slice>> part : parts) {
                coarse.addAll(part.get());
            }
            long total = coarse.stream().mapToLong(Slice::size).sum();
            long fairShare = (total + context.concurrency() - 1) / context.concurrency();
            long limit = Math.min(maxPartitionSize, Math.max(fairShare, maxPartitionSize / 10));
            List<CompletableFuture<List<Slice>>> fine = new ArrayList<>();
            for (Slice s : coarse) {
                fine.add(!s.rated() && s.size() > limit && s.size() <= maxPartitionSize ? probes.byRating(s)
                        : CompletableFuture.completedFuture(List.of(s)));
            }
            List<Slice> plan = new ArrayList<>();
            for (CompletableFuture<List<Slice>> part : fine) {
                for (Slice s : part.get()) {
                    plan.add(new Slice("slice-" + plan.size(), s.query(), s.size(), s.rated()));
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
            probePool.shutdownNow();
        }
    }

    /** {@code members} cut into at most {@code n} contiguous groups, so that the first round of probes covers all. */
    private static List<List<String>> groups(List<String> members, int n) {
        int count = Math.min(members.size(), n);
        List<List<String>> groups = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            groups.add(members.subList(i * members.size() / count, (i + 1) * members.size() / count));
        }
        return groups;
    }

    /** The job's plan: groups of countries (then of one country's categories) packed, halved or planned alone. */
    private final class Probes {

        private final Context context;
        private final String apiKey;
        private final String secret;
        private final ExecutorService pool;
        private final long maxPartitionSize;

        Probes(Context context, String apiKey, String secret, ExecutorService pool, long maxPartitionSize) {
            this.context = context;
            this.apiKey = apiKey;
            this.secret = secret;
            this.pool = pool;
            this.maxPartitionSize = maxPartitionSize;
        }

        /**
         * One probe with {@code param} repeated for every member of {@code group}: nothing, one packed slice of at
         * most {@code maxPartitionSize / 10}, or the two halves probed again; a single member is planned by
         * {@code single}.
         */
        CompletableFuture<List<Slice>> packOrHalve(String query, String param, List<String> group,
                                                   BiFunction<String, String, CompletableFuture<List<Slice>>> single) {
            if (group.size() == 1) {
                return single.apply(query, group.get(0));
            }
            String q = query + group.stream().map(m -> "&" + param + "=" + enc(m)).reduce("", String::concat);
            return probe(q).thenCompose(total -> {
                if (total == 0) {
                    return CompletableFuture.completedFuture(List.of());
                }
                if (total <= maxPartitionSize / 10) {
                    return CompletableFuture.completedFuture(List.of(new Slice(q, total)));
                }
                int half = group.size() / 2;
                return both(packOrHalve(query, param, group.subList(0, half), single),
                        packOrHalve(query, param, group.subList(half, group.size()), single));
            });
        }

        CompletableFuture<List<Slice>> country(String query, String country) {
            String q = query + "&country_code=" + enc(country);
            return probe(q).thenCompose(total -> {
                if (total == 0) {
                    return CompletableFuture.completedFuture(List.of());
                }
                if (total <= maxPartitionSize) {
                    return CompletableFuture.completedFuture(List.of(new Slice(q, total)));
                }
                CompletableFuture<List<Slice>> all = CompletableFuture.completedFuture(List.of());
                for (List<String> group : groups(CATEGORIES, 2 * context.concurrency())) {
                    all = both(all, packOrHalve(q, "category_id", group, this::category));
                }
                StringBuilder rest = new StringBuilder(q);
                CATEGORIES.forEach(c -> rest.append("&category_id_exclude=").append(c));
                return both(all, sized(rest.toString()));
            });
        }

        private CompletableFuture<List<Slice>> category(String query, String category) {
            return sized(query + "&category_id=" + enc(category));
        }

        /** A category or remainder slice, cut by rating at once when it exceeds {@code maxPartitionSize}. */
        private CompletableFuture<List<Slice>> sized(String q) {
            return probe(q).thenCompose(n -> {
                if (n == 0) {
                    return CompletableFuture.completedFuture(List.<Slice>of());
                }
                Slice slice = new Slice(q, n);
                return n > maxPartitionSize ? byRating(slice) : CompletableFuture.completedFuture(List.of(slice));
            });
        }

        /** The slice's non-empty rating ranges, or the slice whole when they do not add up to its size. */
        CompletableFuture<List<Slice>> byRating(Slice slice) {
            List<CompletableFuture<Long>> totals = RATING_RANGES.stream()
                    .map(range -> probe(slice.query() + range)).toList();
            return CompletableFuture.allOf(totals.toArray(CompletableFuture[]::new)).thenApply(done -> {
                List<Slice> out = new ArrayList<>();
                long sum = 0;
                for (int i = 0; i < totals.size(); i++) {
                    long n = totals.get(i).join();
                    sum += n;
                    if (n > 0) {
                        out.add(new Slice(null, slice.query() + RATING_RANGES.get(i), n, true));
                    }
                }
                return sum == slice.size() ? out : List.of(slice);
            });
        }

        private CompletableFuture<Long> probe(String q) {
            return CompletableFuture.supplyAsync(() -> {
                try {
                    return RapidReference.this.probe(context, apiKey, secret, q);
                } catch (Exception e) {
                    throw new CompletionException(e);
                }
            }, pool);
        }

        private static CompletableFuture<List<Slice>> both(CompletableFuture<List<Slice>> a,
                                                           CompletableFuture<List<Slice>> b) {
            return a.thenCombine(b, (x, y) -> {
                List<Slice> out = new ArrayList<>(x);
                out.addAll(y);
                return out;
            });
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

    private static String tenths(int t) {
        return t / 10 + "." + t % 10;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
