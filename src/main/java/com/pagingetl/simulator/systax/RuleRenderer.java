package com.pagingetl.simulator.systax;

import static com.pagingetl.simulator.SampleData.pick;
import static com.pagingetl.simulator.SampleData.weighted;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Collectors;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders one rule's JSON on demand from its compact state. Product fields (NCM, CEST, description,
 * origin, internal code) derive from (seed, codigo_produto) so a product reads the same in every
 * scenario; tax fields derive from (seed, scenario, product, variant) so a change (a new variant)
 * gives new values. Stateless and thread-safe.
 */
final class RuleRenderer {

    private static final ZoneId BRASILIA = ZoneId.of("America/Sao_Paulo");
    private static final DateTimeFormatter UPDATED = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    private static final BigDecimal ZERO = new BigDecimal("0.00");
    private static final BigDecimal[] REDUCTIONS = {new BigDecimal("33.33"), new BigDecimal("41.67"), new BigDecimal("61.11")};

    private final SystaxTemplates templates = SystaxTemplates.LOADED;
    private final JsonMapper mapper = JsonMapper.shared();
    private final long seed;
    private final Map<Integer, Scenario> scenarios;
    private final List<SystaxTemplates.TaxCode> icmsAll;
    private final List<SystaxTemplates.TaxCode> icmsWithoutSt;

    RuleRenderer(long seed, List<Scenario> scenarios) {
        this.seed = seed;
        this.scenarios = scenarios.stream().collect(Collectors.toMap(Scenario::id, Function.identity()));
        this.icmsAll = templates.codes("ICMS");
        this.icmsWithoutSt = icmsAll.stream().filter(c -> c.extra() == null || !c.extra().contains("ST")).toList();
    }

    ObjectNode render(RuleRow row) {
        SplittableRandom product = new SplittableRandom(SeedMix.mix(seed, 7, row.produto()));
        SystaxTemplates.NcmItem item = templates.ncmItems.get(product.nextInt(templates.ncmItems.size()));
        int origem = origin(product);
        String descricao = item.stem() + " " + pick(product, item.variants()) + " " + pick(product, templates.brands)
                + " " + pick(product, item.sizes());

        Scenario scenario = scenarioOf(row);
        SplittableRandom tax = new SplittableRandom(SeedMix.mix(seed, 11, row.cenario(), row.produto(), row.variant()));
        List<SystaxTemplates.TaxCode> icmsCodes = item.substituicaoTributaria() ? icmsAll : icmsWithoutSt;
        SystaxTemplates.TaxCode icms = icmsCodes.get(weighted(tax, icmsCodes, SystaxTemplates.TaxCode::weight));
        int pisIndex = weighted(tax, templates.codes("PIS"), SystaxTemplates.TaxCode::weight);
        SystaxTemplates.TaxCode ipi = ipiCode(tax, item);

        ObjectNode rule = mapper.createObjectNode();
        rule.put("id_cenario", row.cenario());
        rule.put("codigo_produto", row.produto());
        rule.put("cod_interno", codInterno(row.produto()));
        rule.put("origem_produto", origem);
        rule.put("ncm", item.ncm());
        rule.put("cest", item.cest());
        rule.put("descricao", descricao);
        rule.put("descricao_cenario", scenario.descricao());
        rule.put("uf_origem", scenario.ufOrigem());
        rule.put("uf_destino", scenario.ufDestino());
        rule.put("cfop", cfop(scenario, icms));
        rule.set("icms", icms(tax, icms, scenario, origem));
        rule.set("pis", contribution(templates.codes("PIS").get(pisIndex)));
        rule.set("cofins", contribution(templates.codes("COFINS").get(pisIndex)));
        ObjectNode ipiNode = rule.putObject("ipi");
        ipiNode.put("cst", ipi.cst());
        ipiNode.put("enquadramento", ipi.extra());
        ipiNode.put("aliquota", "50".equals(ipi.cst()) ? item.ipiRate() : ZERO);
        LocalDate updated = Instant.ofEpochSecond(row.updatedAt()).atZone(BRASILIA).toLocalDate();
        rule.put("vigencia_de", updated.withDayOfMonth(1).toString());
        rule.put("vigencia_ate", tax.nextInt(5) == 0 ? LocalDate.of(updated.getYear() + 1, 12, 31).toString() : null);
        rule.put("ponteiro_atualizacao", Long.toString(row.sequence()));
        rule.put("data_atualizacao", UPDATED.format(Instant.ofEpochSecond(row.updatedAt()).atZone(BRASILIA).toOffsetDateTime()
                .withOffsetSameInstant(ZoneOffset.ofHours(-3))));
        return rule;
    }

    private Scenario scenarioOf(RuleRow row) {
        Scenario scenario = scenarios.get(row.cenario());
        // Rules added through the test API may name a scenario outside the generated list.
        return scenario != null ? scenario
                : new Scenario(row.cenario(), "Cenario " + row.cenario(), "SP", "SP", "5102", "VENDA");
    }

    private ObjectNode icms(SplittableRandom tax, SystaxTemplates.TaxCode code, Scenario scenario, int origem) {
        SystaxTemplates.Uf destino = templates.ufs.get(scenario.ufDestino());
        SystaxTemplates.Uf origemUf = templates.ufs.get(scenario.ufOrigem());
        boolean taxed = !List.of("40", "41", "60").contains(code.cst());
        BigDecimal rate;
        if (!taxed) {
            rate = ZERO;
        } else if (!scenario.interestadual()) {
            rate = destino.internalRate();
        } else if (origem == 1 || origem == 2 || origem == 3 || origem == 8) {
            rate = new BigDecimal("4.00");
        } else {
            rate = origemUf.southSoutheast() && !destino.southSoutheast() ? new BigDecimal("7.00") : new BigDecimal("12.00");
        }
        ObjectNode node = mapper.createObjectNode();
        node.put("cst", code.cst());
        node.put("modalidade_base", taxed ? "3" : null);
        node.put("aliquota", rate);
        node.put("reducao_base", code.extra() != null && code.extra().startsWith("REDUCAO") ? pick(tax, List.of(REDUCTIONS)) : ZERO);
        node.put("fcp", taxed ? destino.fcp() : ZERO);
        if (code.extra() != null && code.extra().endsWith("ST")) {
            ObjectNode st = node.putObject("st");
            st.put("mva", BigDecimal.valueOf(3000 + tax.nextInt(11000), 2).setScale(2, RoundingMode.UNNECESSARY));
            st.put("aliquota", destino.internalRate());
        } else {
            node.putNull("st");
        }
        return node;
    }

    private ObjectNode contribution(SystaxTemplates.TaxCode code) {
        ObjectNode node = mapper.createObjectNode();
        node.put("cst", code.cst());
        node.put("aliquota", code.rate());
        return node;
    }

    private static String cfop(Scenario scenario, SystaxTemplates.TaxCode icms) {
        String cfop = scenario.cfop();
        if (("5102".equals(cfop) || "6102".equals(cfop)) && icms.extra() != null && icms.extra().contains("ST")) {
            // Sales of goods under substituicao tributaria use the 5403/5405 (6403/6404) family.
            boolean retained = "ST_RETIDO".equals(icms.extra());
            return cfop.charAt(0) + (retained ? (cfop.startsWith("5") ? "405" : "404") : "403");
        }
        return cfop;
    }

    private SystaxTemplates.TaxCode ipiCode(SplittableRandom tax, SystaxTemplates.NcmItem item) {
        List<SystaxTemplates.TaxCode> codes = templates.codes("IPI");
        SystaxTemplates.TaxCode code = codes.get(weighted(tax, codes, SystaxTemplates.TaxCode::weight));
        if ("50".equals(code.cst()) && item.ipiRate().signum() == 0) {
            return codes.stream().filter(c -> "51".equals(c.cst())).findFirst().orElse(code);
        }
        return code;
    }

    private static String codInterno(int produto) {
        String digits = Integer.toString(produto);
        return digits.length() >= 7 ? "P" + digits : "P" + "0000000".substring(digits.length()) + digits;
    }

    private static int origin(SplittableRandom random) {
        int r = random.nextInt(100);
        return r < 82 ? 0 : r < 90 ? 2 : r < 95 ? 1 : r < 98 ? 5 : 3;
    }
}
