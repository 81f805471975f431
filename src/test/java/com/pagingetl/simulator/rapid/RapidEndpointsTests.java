package com.pagingetl.simulator.rapid;

import com.pagingetl.simulator.QueryStrings;
import com.pagingetl.simulator.SimResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RapidEndpointsTests {

    private static final RapidDataSet DATA = new RapidDataSet(RapidTemplates.load(), 400, 7, 0.2,
            Instant.parse("2026-03-10T12:00:00Z"));

    @Test
    void aTokenCarriesTheWholeQueryAndIsOpaque() {
        RapidEndpoints endpoints = endpoints();
        var query = QueryStrings.parse("country_code=US&include=name&language=en-US&supply_source=expedia");
        String token = token(endpoints.content(query));
        // Long plaintext fragments only: a two-letter one such as "US" turns up in random base64 by chance.
        assertThat(token).matches("[A-Za-z0-9_-]+").doesNotContain("country_code").doesNotContain("expedia");

        var second = JsonMapper.shared().readTree(endpoints.content(Map.of("token", List.of(token))).body());
        int[] expected = DATA.page(RapidQuery.parse(query), 0, Integer.MAX_VALUE).indexes();
        List<String> ids = new ArrayList<>(second.propertyNames());
        assertThat(ids).containsExactlyElementsOf(Arrays.stream(expected).skip(10).limit(10)
                .mapToObj(i -> Integer.toString(DATA.id(i))).toList());
        assertThat(second.get(ids.get(0)).propertyNames()).containsExactly("property_id", "name");
    }

    @Test
    void rejectsEditedForeignAndGarbageTokens() {
        RapidEndpoints endpoints = endpoints();
        String token = token(endpoints.inactive(Map.of("since", List.of("2000-01-01"))));
        char[] chars = token.toCharArray();
        chars[5] = chars[5] == 'A' ? 'B' : 'A';
        for (String bad : List.of(new String(chars), "!!!", "")) {
            assertInvalid(endpoints, bad);
        }
        assertInvalid(endpoints(), token);
        assertThatThrownBy(() -> endpoints.content(Map.of("token", List.of(token))))
                .isInstanceOfSatisfying(RapidApiException.class,
                        e -> assertThat(e.error().errors().get(0).type()).isEqualTo("link.invalid"));
        assertThat(endpoints.inactive(Map.of("token", List.of(token))).status()).isEqualTo(200);
    }

    private static void assertInvalid(RapidEndpoints endpoints, String token) {
        assertThatThrownBy(() -> endpoints.inactive(Map.of("token", List.of(token))))
                .isInstanceOfSatisfying(RapidApiException.class,
                        e -> assertThat(e.error().errors().get(0).type()).isEqualTo("link.invalid"));
    }

    private static RapidEndpoints endpoints() {
        return new RapidEndpoints(DATA, Instant::now, () -> "http://127.0.0.1:1", 10, Duration.ofHours(1), true);
    }

    private static String token(SimResponse reply) {
        String link = reply.header("Link");
        return link.substring(link.indexOf("token=") + "token=".length(), link.indexOf('>'));
    }
}
