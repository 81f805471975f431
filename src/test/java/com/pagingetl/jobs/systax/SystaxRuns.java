package com.pagingetl.jobs.systax;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.pagingetl.output.Manifest;
import com.pagingetl.simulator.systax.RecordedRulesRequest;
import com.pagingetl.simulator.systax.RuleKey;
import com.pagingetl.simulator.systax.SystaxSimulator;
import com.pagingetl.testing.EtlRun;
import com.pagingetl.testing.PublishedOutput;

import tools.jackson.databind.JsonNode;

/** Helpers of the systaxRules integration tests: the command line against a simulator, and reading what a run published. */
final class SystaxRuns {

    private SystaxRuns() {
    }

    /** {@code --job=systaxRules} pointed at the simulator (base URL and credentials as properties), plus {@code extra}. */
    static String[] args(SystaxSimulator simulator, String... extra) {
        List<String> args = new ArrayList<>();
        args.add("--job=systaxRules");
        simulator.clientProperties().forEach((name, value) -> args.add("--" + name + "=" + value));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    /** The file a completed run printed under "Published:", ending with {@code suffix}. */
    static Path published(EtlRun.Result result, String suffix) {
        List<Path> paths = result.out().lines().map(String::strip).filter(l -> l.endsWith(suffix)).map(Path::of).toList();
        assertThat(paths).as("published %s in %s", suffix, result).hasSize(1);
        return paths.get(0);
    }

    static List<RuleKey> keys(Path file) {
        return PublishedOutput.records(file).stream().map(SystaxRuns::key).toList();
    }

    static RuleKey key(JsonNode rule) {
        return new RuleKey(rule.get("id_cenario").intValue(), rule.get("codigo_produto").intValue());
    }

    static Manifest manifest(EtlRun.Result result) {
        return PublishedOutput.manifest(published(result, ".manifest.json"));
    }

    /** The sent pair and pointer of each rules request, as "cenario/produto|pointer". */
    static List<String> pairsAndPointers(List<RecordedRulesRequest> requests) {
        return requests.stream().map(r -> r.idCenario() + "/" + r.codigoProduto() + "|" + r.ponteiroAtualizacao()).toList();
    }

    /** The watermarks saved for systaxRules in the run's job repository. */
    static Map<String, String> watermarks(EtlRun run) throws SQLException, IOException {
        Map<String, String> values = new LinkedHashMap<>();
        try (Connection c = EtlRun.openH2(run.home());
             PreparedStatement s = c.prepareStatement("SELECT WM_NAME, WM_VALUE FROM ETL_WATERMARK WHERE JOB_NAME = 'systaxRules'");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                values.put(rs.getString(1), rs.getString(2));
            }
        }
        return values;
    }
}
