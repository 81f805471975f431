package com.pagingetl.simulator.systax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.pagingetl.simulator.SimulatorOptions;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SystaxDataSetTests {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    @Test
    void theDefaultDataSetHas100000RulesInSixScenariosWithGapsAndPartialCoverage() {
        long started = System.nanoTime();
        SystaxSimulator simulator = new SystaxSimulator(SimulatorOptions.none());
        long millis = (System.nanoTime() - started) / 1_000_000;

        List<RuleKey> keys = simulator.changedKeysAfter("");
        assertThat(millis).isLessThan(3000);
        assertThat(keys).hasSize(100_000).isSorted();
        assertThat(simulator.scenarioIds()).hasSize(6).isSorted();
        Map<Integer, Set<Integer>> products = keys.stream().collect(Collectors.groupingBy(RuleKey::cenario,
                Collectors.mapping(RuleKey::produto, Collectors.toSet())));
        Set<Integer> catalogue = products.values().stream().flatMap(Set::stream).collect(Collectors.toSet());
        assertThat(products).hasSize(6);
        assertThat(products.values()).allMatch(inScenario -> inScenario.size() < catalogue.size());
        int maxCode = catalogue.stream().mapToInt(Integer::intValue).max().orElseThrow();
        assertThat(maxCode).isGreaterThan(catalogue.size());
        assertThat(simulator.currentPointer()).isEqualTo("100000");
    }

    @Test
    void aProductReadsTheSameInEveryScenarioAndAChangeGivesNewTaxValuesAndPointer() {
        SystaxSimulator simulator = new SystaxSimulator(new SimulatorOptions(Map.of("size", "3000", "scenarios", "5")));
        List<RuleKey> keys = simulator.changedKeysAfter("");
        int produto = keys.stream().collect(Collectors.groupingBy(RuleKey::produto, Collectors.counting())).entrySet().stream()
                .filter(e -> e.getValue() > 1).findFirst().orElseThrow().getKey();
        List<JsonNode> sameProduct = keys.stream().filter(k -> k.produto() == produto)
                .map(k -> MAPPER.readTree(simulator.ruleJson(k.cenario(), k.produto()))).toList();

        assertThat(sameProduct).extracting(rule -> rule.get("descricao").asString()).containsOnly(sameProduct.get(0).get("descricao").asString());
        assertThat(sameProduct).extracting(rule -> rule.get("ncm").asString()).containsOnly(sameProduct.get(0).get("ncm").asString());

        RuleKey key = keys.get(10);
        JsonNode before = MAPPER.readTree(simulator.ruleJson(key.cenario(), key.produto()));
        simulator.changeRule(key.cenario(), key.produto());
        JsonNode after = MAPPER.readTree(simulator.ruleJson(key.cenario(), key.produto()));

        assertThat(after.get("ponteiro_atualizacao").asString()).isEqualTo("3001");
        assertThat(after.get("descricao")).isEqualTo(before.get("descricao"));
        assertThat(after).isNotEqualTo(before);
    }

    @Test
    void addRuleRefusesAnExistingKeyAndChangeRuleAnUnknownOne() {
        SystaxSimulator simulator = new SystaxSimulator(new SimulatorOptions(Map.of("size", "100", "scenarios", "5")));
        RuleKey existing = simulator.changedKeysAfter("").get(0);

        assertThatThrownBy(() -> simulator.addRule(existing.cenario(), existing.produto())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> simulator.changeRule(1, 9_999_999)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void badOptionsAreRefusedNamingTheOption() {
        assertThatThrownBy(() -> new SystaxSimulator(new SimulatorOptions(Map.of("size", "0"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sim.size");
        assertThatThrownBy(() -> new SystaxSimulator(new SimulatorOptions(Map.of("tokenLifetime", "soon"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sim.tokenLifetime");
        assertThatThrownBy(() -> new SystaxSimulator(new SimulatorOptions(Map.of("preset", "other"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sim.preset");
        assertThatThrownBy(() -> new SystaxSimulator(new SimulatorOptions(Map.of("rulesPath", "regras"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sim.rulesPath");
        assertThatThrownBy(() -> new SystaxSimulator(new SimulatorOptions(Map.of("errorRate", "0.8", "resetRate", "0.5"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sim.errorRate");
    }
}
