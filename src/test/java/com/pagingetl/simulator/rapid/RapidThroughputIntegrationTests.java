package com.pagingetl.simulator.rapid;

import com.pagingetl.simulator.SimulatorOptions;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Full pages must be served in seconds, and concurrent readers must each see their own pages. Runs on a 12,000
 * property data set to keep the suite fast (the default 50,000 scales linearly).
 */
class RapidThroughputIntegrationTests {

    @Test
    void servesFullPagesQuicklyAndConcurrently() throws Exception {
        long started = System.nanoTime();
        try (RapidSimulator simulator = new RapidSimulator(new SimulatorOptions(Map.of("size", "12000")))) {
            simulator.start(0);
            double startSeconds = (System.nanoTime() - started) / 1e9;
            assertThat(simulator.totalActive()).isGreaterThan(10_000);
            RapidHttp http = new RapidHttp(simulator);
            Set<String> seen = ConcurrentHashMap.newKeySet();
            List<String> countries = new ArrayList<>(simulator.activeCountsByCountry().keySet());
            long t0 = System.nanoTime();
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<Integer>> futures = new ArrayList<>();
                // US alone, then the other countries in three interleaved groups, like a parallel split.
                futures.add(pool.submit(() -> pageAll(http, List.of("US"), seen)));
                for (int g = 0; g < 3; g++) {
                    List<String> group = new ArrayList<>();
                    for (int c = 1 + g; c < countries.size(); c += 3) {
                        group.add(countries.get(c));
                    }
                    futures.add(pool.submit(() -> pageAll(http, group, seen)));
                }
                int total = 0;
                for (Future<Integer> f : futures) {
                    total += f.get();
                }
                assertThat(total).isEqualTo(simulator.totalActive());
            } finally {
                pool.shutdown();
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf("rapid: start %.1f s, %d properties in %d pages served in %.1f s%n", startSeconds,
                    seen.size(), simulator.contentRequestCount(), seconds);
            assertThat(seen).isEqualTo(simulator.expectedIds(null));
            // No bound on the seconds: the cores are shared with other builds, and the suite checks behaviour,
            // not timing; the figures above are printed for whoever reads the report.
            assertThat(simulator.maxTokenServeCount()).isEqualTo(1);
        }
    }

    private static int pageAll(RapidHttp http, List<String> countries, Set<String> seen) throws Exception {
        StringBuilder url = new StringBuilder("/v3/properties/content?language=en-US&supply_source=expedia");
        countries.forEach(c -> url.append("&country_code=").append(c));
        String next = url.toString();
        int count = 0;
        while (next != null) {
            HttpResponse<byte[]> r = http.raw(next);
            assertThat(r.statusCode()).isEqualTo(200);
            var body = tools.jackson.databind.json.JsonMapper.shared().readTree(RapidHttp.gunzip(r.body()));
            for (String id : body.propertyNames()) {
                assertThat(seen.add(id)).as("property %s served twice", id).isTrue();
                count++;
            }
            String link = r.headers().firstValue("Link").orElse(null);
            next = link == null ? null : link.substring(link.indexOf('<') + 1, link.indexOf('>'));
        }
        return count;
    }
}
