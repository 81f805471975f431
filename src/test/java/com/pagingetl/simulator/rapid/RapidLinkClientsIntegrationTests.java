package com.pagingetl.simulator.rapid;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.pagingetl.simulator.SimulatorOptions;

/**
 * Clients written from Rapid's public description (signature authentication, "follow each Link until no other Link
 * is returned"), not from the simulator's code, run against both endings of the simulator's paging: the
 * default, whose last {@code Link} leads to an empty {@code {}} page without a Link, and {@code sim.lastPage=data},
 * whose last page with data has no Link.
 */
class RapidLinkClientsIntegrationTests {

    private static final String FIRST = "/v3/properties/content?language=en-US&supply_source=expedia&include=property_id";
    private static final Pattern NEXT = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"?next\"?");

    @Test
    void bothClientsFinishOnTheDefaultEndingAndAgreeWithTheSimulator() throws Exception {
        try (RapidSimulator simulator = started(Map.of())) {
            Walk emptyPage = walk(simulator, Stop.ON_EMPTY_PAGE);
            Walk missingLink = walk(simulator, Stop.ON_MISSING_LINK);

            assertThat(emptyPage.finished()).isTrue();
            assertThat(emptyPage.ids()).hasSize(simulator.totalActive()).doesNotHaveDuplicates();
            assertThat(new TreeSet<>(emptyPage.ids())).isEqualTo(simulator.expectedIds(null));
            assertThat(missingLink.ids()).isEqualTo(emptyPage.ids());
            assertThat(missingLink.lastBody()).isEqualTo("{}");
        }
    }

    @Test
    void withLastPageDataTheMissingLinkClientFinishesAndTheEmptyPageClientWouldStartOver() throws Exception {
        try (RapidSimulator simulator = started(Map.of("lastPage", "data"))) {
            Walk missingLink = walk(simulator, Stop.ON_MISSING_LINK);
            Walk emptyPage = walk(simulator, Stop.ON_EMPTY_PAGE);

            assertThat(missingLink.finished()).isTrue();
            assertThat(missingLink.ids()).hasSize(simulator.totalActive()).doesNotHaveDuplicates();
            assertThat(new TreeSet<>(missingLink.ids())).isEqualTo(simulator.expectedIds(null));
            assertThat(missingLink.lastBody()).isNotEqualTo("{}");
            // The seed's client goes back to the first page after a page without a Link: it never ends here.
            assertThat(emptyPage.finished()).isFalse();
        }
    }

    private static RapidSimulator started(Map<String, String> extra) {
        Map<String, String> options = new java.util.HashMap<>(Map.of("size", "1500", "pageSize", "40", "seed", "11"));
        options.putAll(extra);
        RapidSimulator simulator = new RapidSimulator(new SimulatorOptions(options));
        simulator.start(0);
        return simulator;
    }

    enum Stop { ON_EMPTY_PAGE, ON_MISSING_LINK }

    /** Ids in the order received, whether the walk ended by its own rule, and the last body read. */
    record Walk(List<String> ids, boolean finished, String lastBody) {
    }

    /**
     * Pages from the first URL. {@link Stop#ON_MISSING_LINK} ends when an answer has no {@code Link rel="next"};
     * {@link Stop#ON_EMPTY_PAGE} ends on an empty object and, like the seed, starts over from the first URL when
     * a page with data has no Link; a walk that starts over is cut there and reported unfinished.
     */
    private static Walk walk(RapidSimulator simulator, Stop stop) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        List<String> ids = new ArrayList<>();
        String url = simulator.baseUrl() + FIRST;
        String body = null;
        while (true) {
            HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(60))
                    .header("Accept", "application/json")
                    .header("Accept-Encoding", "gzip")
                    .header("User-Agent", "LinkWalker/1.0")
                    .header("Authorization", authorization(simulator.apiKey(), simulator.sharedSecret()))
                    .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).as("GET %s", url).isEqualTo(200);
            body = gunzip(response.body());
            JsonNode page = JsonMapper.shared().readTree(body);
            page.propertyNames().forEach(ids::add);
            String next = response.headers().allValues("Link").stream().map(NEXT::matcher).filter(Matcher::find)
                    .map(m -> m.group(1)).findFirst().orElse(null);
            if (stop == Stop.ON_EMPTY_PAGE && page.isEmpty()) {
                return new Walk(ids, true, body);
            }
            if (next == null) {
                return new Walk(ids, stop == Stop.ON_MISSING_LINK, body);
            }
            url = next;
        }
    }

    /** {@code EAN APIKey=..,Signature=<hex SHA-512 of key, secret and unix seconds>,timestamp=..}. */
    private static String authorization(String key, String secret) throws Exception {
        String ts = Long.toString(Instant.now().getEpochSecond());
        byte[] digest = MessageDigest.getInstance("SHA-512").digest((key + secret + ts).getBytes(StandardCharsets.UTF_8));
        return "EAN APIKey=" + key + ",Signature=" + HexFormat.of().formatHex(digest) + ",timestamp=" + ts;
    }

    private static String gunzip(byte[] body) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
