package com.pagingetl.simulator.systax;

import com.pagingetl.simulator.SampleData;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The templates under {@code /sample-data/systax/} (NCM items, brands, states, scenarios, tax codes),
 * loaded once from the classpath. Immutable and thread-safe after construction.
 */
final class SystaxTemplates {

    /** One NCM line: the item family products are described from. */
    record NcmItem(String ncm, String cest, String stem, List<String> variants, List<String> sizes,
                   BigDecimal ipiRate, boolean substituicaoTributaria) {
    }

    /** One Brazilian state with its internal ICMS rate and FCP. */
    record Uf(String code, BigDecimal internalRate, BigDecimal fcp, boolean southSoutheast) {
    }

    /** One scenario template: the operation a set of rules applies to. */
    record ScenarioTemplate(int id, String descricao, String ufOrigem, boolean interestadual, String cfop, String tipo) {
    }

    /** One weighted tax code line (ICMS, PIS, COFINS or IPI). */
    record TaxCode(String group, String cst, int weight, BigDecimal rate, String extra) {
    }

    private static final String ROOT = "/sample-data/systax/";

    final List<NcmItem> ncmItems = new ArrayList<>();
    final List<String> brands = new ArrayList<>();
    final Map<String, Uf> ufs = new LinkedHashMap<>();
    final List<ScenarioTemplate> scenarios = new ArrayList<>();
    final Map<String, List<TaxCode>> taxCodes = new LinkedHashMap<>();

    /** The templates, read when the class is first used (once per class loader); they never change at run time. */
    static final SystaxTemplates LOADED = new SystaxTemplates();

    private SystaxTemplates() {
        for (String[] f : read("ncm.csv", 7)) {
            ncmItems.add(new NcmItem(f[0], f[1].isEmpty() ? null : f[1], f[2], List.of(f[3].split(",")),
                    List.of(f[4].split(",")), new BigDecimal(f[5]), "S".equals(f[6])));
        }
        for (String[] f : read("marcas.txt", 1)) {
            brands.add(f[0]);
        }
        for (String[] f : read("ufs.csv", 4)) {
            ufs.put(f[0], new Uf(f[0], new BigDecimal(f[1]), new BigDecimal(f[2]), "S".equals(f[3])));
        }
        for (String[] f : read("cenarios.csv", 6)) {
            scenarios.add(new ScenarioTemplate(Integer.parseInt(f[0]), f[1], f[2], "INTERESTADUAL".equals(f[3]), f[4], f[5]));
        }
        for (String[] f : read("tributos.csv", 5)) {
            taxCodes.computeIfAbsent(f[0], g -> new ArrayList<>()).add(new TaxCode(f[0], f[1], Integer.parseInt(f[2]),
                    f[3].isEmpty() ? null : new BigDecimal(f[3]), f[4].isEmpty() ? null : f[4]));
        }
        if (ncmItems.isEmpty() || brands.isEmpty() || ufs.isEmpty() || scenarios.isEmpty()
                || !taxCodes.keySet().containsAll(List.of("ICMS", "PIS", "COFINS", "IPI"))) {
            throw new IllegalStateException("incomplete Systax templates under " + ROOT);
        }
    }

    List<TaxCode> codes(String group) {
        return taxCodes.get(group);
    }

    private static List<String[]> read(String file, int columns) {
        List<String> lines = SampleData.text("systax", file).lines().toList();
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split(";", -1);
            if (fields.length != columns) {
                throw new IllegalStateException(ROOT + file + " line " + (i + 1) + ": expected " + columns + " fields");
            }
            rows.add(fields);
        }
        return rows;
    }
}
