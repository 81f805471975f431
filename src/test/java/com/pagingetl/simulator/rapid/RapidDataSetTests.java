package com.pagingetl.simulator.rapid;

import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class RapidDataSetTests {

    private static final RapidTemplates TEMPLATES = RapidTemplates.load();
    private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");

    @Test
    void sameSeedGivesTheSameIdsAndTheSameJson() {
        RapidDataSet a = new RapidDataSet(TEMPLATES, 2000, 42, 0.02, NOW);
        RapidDataSet b = new RapidDataSet(TEMPLATES, 2000, 42, 0.02, NOW);
        RapidDataSet c = new RapidDataSet(TEMPLATES, 2000, 43, 0.02, NOW);
        assertThat(a.activeIds(null, "expedia")).isEqualTo(b.activeIds(null, "expedia"))
                .isNotEqualTo(c.activeIds(null, "expedia"));
        for (int i = 0; i < 2000; i += 97) {
            assertThat(render(a, i, null)).isEqualTo(render(b, i, null));
        }
        assertThat(render(a, 5, null)).isNotEqualTo(render(c, 5, null));
    }

    @Test
    void projectionRendersTheSameFieldValues() {
        RapidDataSet d = new RapidDataSet(TEMPLATES, 100, 1, 0, NOW);
        var full = JsonMapper.shared().readTree(render(d, 10, null));
        var part = JsonMapper.shared().readTree(render(d, 10, Set.of("property_id", "descriptions", "rooms")));
        assertThat(part.propertyNames()).containsExactly("property_id", "rooms", "descriptions");
        assertThat(part.get("rooms")).isEqualTo(full.get("rooms"));
        assertThat(part.get("descriptions")).isEqualTo(full.get("descriptions"));
    }

    @Test
    void defaultSizeIsSkewedLikeTheRealCatalogue() {
        RapidDataSet d = new RapidDataSet(TEMPLATES, 50_000, 20260101L, 0.02, NOW);
        Map<String, Integer> byCountry = d.activeCountsByCountry();
        assertThat(byCountry.keySet().iterator().next()).isEqualTo("US");
        assertThat(byCountry.get("US")).isGreaterThan(20_000);
        assertThat(byCountry).hasSizeGreaterThanOrEqualTo(40);
        int[] perCategory = new int[45];
        RapidQuery all = query(null);
        int total = d.page(all, 0, Integer.MAX_VALUE).total();
        for (int cat = 0; cat <= 44; cat++) {
            perCategory[cat] = d.page(query(Set.of(cat)), 0, 1).total();
        }
        assertThat(perCategory[1]).isGreaterThan(total / 2);
        assertThat(perCategory[0]).isZero();
        assertThat(perCategory[31]).isZero();
        assertThat(d.inactivePage(Long.MIN_VALUE, 0, 0).total()).isBetween(700, 1300);
        long today = NOW.getEpochSecond() / 86_400;
        RapidQuery updatedToday = new RapidQuery("en-US", "expedia", null, null, null, today, null, null, null, null,
                null, null, null, null, null, null, null);
        assertThat(d.page(updatedToday, 0, 10).total()).isBetween(20, 500);
    }

    private static RapidQuery query(Set<Integer> categories) {
        return new RapidQuery("en-US", "expedia", null, categories, null, null, null, null, null, null, null, null,
                null, null, null, null, null);
    }

    private static String render(RapidDataSet d, int i, Set<String> fields) {
        PropertyRenderer r = new PropertyRenderer(d, () -> "http://127.0.0.1:1");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = JsonMapper.shared().createGenerator(out)) {
            r.write(g, i, fields);
        }
        return out.toString();
    }
}
