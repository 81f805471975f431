package com.pagingetl.simulator.systax;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.pagingetl.simulator.SimulatorOptions;

import tools.jackson.databind.JsonNode;

class SystaxPagingIntegrationTests {

    private static SystaxSimulator started(Map<String, String> options) {
        SystaxSimulator simulator = new SystaxSimulator(new SimulatorOptions(options));
        simulator.start(0);
        return simulator;
    }

    @Test
    void theSeedExampleTakesThreeRequestsOf100And100And22WithInclusiveBoundaries() {
        try (SystaxSimulator simulator = started(Map.of("preset", "seed-example"))) {
            SystaxTestClient client = new SystaxTestClient(simulator);
            String previousFirstPointer = simulator.pointerAtEpoch(0);
            List<RuleKey> changed = simulator.changedKeysAfter(previousFirstPointer);
            assertThat(changed).hasSize(220).allMatch(key -> key.cenario() == 1);

            JsonNode first = client.rules(1, 1, 100, previousFirstPointer).json();
            RuleKey last1 = SystaxTestClient.key(first.get("regras").get(99));
            JsonNode second = client.rules(last1.cenario(), last1.produto(), 100, previousFirstPointer).json();
            RuleKey last2 = SystaxTestClient.key(second.get("regras").get(99));
            JsonNode third = client.rules(last2.cenario(), last2.produto(), 100, previousFirstPointer).json();

            assertThat(first.get("quantidade").intValue()).isEqualTo(100);
            assertThat(second.get("quantidade").intValue()).isEqualTo(100);
            assertThat(third.get("quantidade").intValue()).isEqualTo(22);
            assertThat(keysOf(first)).isEqualTo(changed.subList(0, 100));
            assertThat(keysOf(second)).isEqualTo(changed.subList(99, 199));
            assertThat(keysOf(third)).isEqualTo(changed.subList(198, 220));
            assertThat(first.get("ponteiro_atualizacao").asString()).isEqualTo(simulator.currentPointer());
            assertThat(simulator.rulesRequests()).extracting(RecordedRulesRequest::codigoProduto)
                    .containsExactly(1, last1.produto(), last2.produto());
            assertThat(simulator.rulesRequests()).extracting(RecordedRulesRequest::ponteiroAtualizacao).containsOnly(previousFirstPointer);
        }
    }

    @Test
    void anEmptyPointerDeliversEveryRuleOnceInScenarioThenProductOrder() {
        try (SystaxSimulator simulator = started(Map.of("size", "1234", "scenarios", "6", "seed", "3"))) {
            SystaxTestClient.Pass pass = new SystaxTestClient(simulator).readAll("", 100, () -> { });

            List<RuleKey> keys = SystaxTestClient.keys(pass.records());
            assertThat(keys).hasSize(1234).isSorted().doesNotHaveDuplicates();
            assertThat(keys).isEqualTo(simulator.changedKeysAfter(""));
            assertThat(keys.stream().map(RuleKey::cenario).distinct()).hasSize(6);
            assertThat(pass.firstPointer()).isEqualTo(simulator.currentPointer()).isEqualTo("1234");
        }
    }

    @Test
    void aPageCrossesFromOneScenarioIntoTheNext() {
        try (SystaxSimulator simulator = started(Map.of("size", "600", "scenarios", "5"))) {
            SystaxTestClient client = new SystaxTestClient(simulator);
            List<RuleKey> all = simulator.changedKeysAfter("");
            int firstOfScenario2 = indexOfFirst(all, simulator.scenarioIds().get(1));
            RuleKey start = all.get(firstOfScenario2 - 3);

            JsonNode page = client.rules(start.cenario(), start.produto(), 10, null).json();

            assertThat(keysOf(page)).isEqualTo(all.subList(firstOfScenario2 - 3, firstOfScenario2 + 7));
            assertThat(keysOf(page).stream().map(RuleKey::cenario).distinct()).hasSize(2);
        }
    }

    @Test
    void aKeyThatDoesNotExistStartsAtTheNextExistingRule() {
        try (SystaxSimulator simulator = started(Map.of("size", "300", "scenarios", "5"))) {
            List<RuleKey> all = simulator.changedKeysAfter("");
            RuleKey last = all.get(all.size() - 1);

            JsonNode fromZero = new SystaxTestClient(simulator).rules(0, 0, 5, "").json();
            JsonNode pastEnd = new SystaxTestClient(simulator).rules(last.cenario(), last.produto() + 1, 5, "").json();

            assertThat(keysOf(fromZero)).isEqualTo(all.subList(0, 5));
            assertThat(pastEnd.get("quantidade").intValue()).isZero();
            assertThat(pastEnd.get("success").booleanValue()).isTrue();
        }
    }

    @Test
    void whenTheLastPageIsFullTheNextPageHoldsOnlyTheBoundaryRecord() {
        // 300 rules at 100 a page: full pages 1-100, 100-199, 199-298, then 298-300 is short (3 records).
        // With 298 rules, the third page 199-298 is full and the fourth holds only record 298.
        try (SystaxSimulator simulator = started(Map.of("size", "298", "scenarios", "5"))) {
            SystaxTestClient.Pass pass = new SystaxTestClient(simulator).readAll("", 100, () -> { });

            assertThat(pass.pages()).extracting(page -> page.get("quantidade").intValue()).containsExactly(100, 100, 100, 1);
            List<RuleKey> all = simulator.changedKeysAfter("");
            assertThat(keysOf(pass.pages().get(3))).containsExactly(all.get(297));
            assertThat(SystaxTestClient.keys(pass.records())).isEqualTo(all);
        }
    }

    @Test
    void aPointerSelectsOnlyRulesChangedAfterItAndRowsCarryTheirOwnPointer() {
        try (SystaxSimulator simulator = started(Map.of("size", "2000", "scenarios", "5"))) {
            SystaxTestClient client = new SystaxTestClient(simulator);
            String firstPointer = client.readAll("", 100, () -> { }).firstPointer();
            Set<RuleKey> changed = new HashSet<>(simulator.changeRules(37));
            simulator.changeRule(1, simulator.changedKeysAfter("").get(0).produto());
            changed.add(simulator.changedKeysAfter("").get(0));
            simulator.addRule(simulator.scenarioIds().get(2), 999_999);
            changed.add(new RuleKey(simulator.scenarioIds().get(2), 999_999));

            SystaxTestClient.Pass next = client.readAll(firstPointer, 100, () -> { });

            assertThat(new HashSet<>(SystaxTestClient.keys(next.records()))).isEqualTo(changed);
            assertThat(SystaxTestClient.keys(next.records())).isSorted();
            assertThat(next.records()).allMatch(rule -> Long.parseLong(rule.get("ponteiro_atualizacao").asString()) > Long.parseLong(firstPointer));
            assertThat(next.firstPointer()).isEqualTo(simulator.currentPointer());
            assertThat(Long.parseLong(next.firstPointer())).isEqualTo(Long.parseLong(firstPointer) + 39);
            assertThat(client.readAll(next.firstPointer(), 100, () -> { }).records()).isEmpty();
        }
    }

    @Test
    void rulesChangedWhileAProcessPagesAreDeliveredByTheNextProcessFromTheFirstPointer() {
        try (SystaxSimulator simulator = started(Map.of("size", "3000", "scenarios", "6"))) {
            SystaxTestClient client = new SystaxTestClient(simulator);
            Set<RuleKey> changedDuringPass = new HashSet<>();

            SystaxTestClient.Pass first = client.readAll("", 100, () -> changedDuringPass.addAll(simulator.changeRules(5)));

            assertThat(SystaxTestClient.keys(first.records())).hasSize(3000).doesNotHaveDuplicates();
            assertThat(first.pages()).extracting(page -> page.get("ponteiro_atualizacao").asString()).doesNotHaveDuplicates();
            SystaxTestClient.Pass second = client.readAll(first.firstPointer(), 100, () -> { });
            assertThat(new HashSet<>(SystaxTestClient.keys(second.records()))).isEqualTo(changedDuringPass);
            for (JsonNode rule : second.records()) {
                RuleKey key = SystaxTestClient.key(rule);
                assertThat(rule).isEqualTo(SystaxTestClient.MAPPER.readTree(simulator.ruleJson(key.cenario(), key.produto())));
            }
        }
    }

    @Test
    void changesPerRequestChangesRulesAfterEveryServedPage() {
        try (SystaxSimulator simulator = started(Map.of("size", "1000", "scenarios", "5", "changesPerRequest", "4"))) {
            SystaxTestClient.Pass pass = new SystaxTestClient(simulator).readAll("", 100, () -> { });

            assertThat(pass.pages()).hasSize(11);
            assertThat(simulator.currentPointer()).isEqualTo(Long.toString(1000 + 11 * 4));
            assertThat(simulator.countChangedAfter(pass.firstPointer())).isBetween(40, 44);
        }
    }

    @Test
    void aRuleCarriesTheTaxFieldsOfTheContract() {
        try (SystaxSimulator simulator = started(Map.of("size", "200", "scenarios", "5"))) {
            JsonNode rule = new SystaxTestClient(simulator).rules(1, 1, 1, "").json().get("regras").get(0);

            assertThat(rule.propertyNames()).contains("id_cenario", "codigo_produto", "cod_interno", "origem_produto", "ncm",
                    "cest", "descricao", "uf_origem", "uf_destino", "cfop", "icms", "pis", "cofins", "ipi", "vigencia_de",
                    "vigencia_ate", "ponteiro_atualizacao", "data_atualizacao");
            assertThat(rule.get("icms").propertyNames()).contains("cst", "modalidade_base", "aliquota", "reducao_base", "fcp", "st");
            assertThat(rule.get("ipi").propertyNames()).contains("cst", "enquadramento", "aliquota");
            assertThat(rule.get("ncm").asString()).matches("\\d{8}");
            assertThat(rule.get("cfop").asString()).matches("[1-7]\\d{3}");
            assertThat(rule.get("ponteiro_atualizacao").asString()).matches("\\d{1,50}");
            assertThat(rule.get("vigencia_de").asString()).matches("\\d{4}-\\d{2}-01");
        }
    }

    private static List<RuleKey> keysOf(JsonNode page) {
        List<RuleKey> keys = new ArrayList<>();
        page.get("regras").forEach(rule -> keys.add(SystaxTestClient.key(rule)));
        return keys;
    }

    private static int indexOfFirst(List<RuleKey> keys, int cenario) {
        for (int i = 0; i < keys.size(); i++) {
            if (keys.get(i).cenario() == cenario) {
                return i;
            }
        }
        throw new AssertionError("no rule in scenario " + cenario);
    }
}
