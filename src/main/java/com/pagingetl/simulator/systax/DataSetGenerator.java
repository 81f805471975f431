package com.pagingetl.simulator.systax;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

/**
 * Builds the deterministic data set: the scenarios, the base rules (which products each scenario
 * holds, with gaps in product codes and not every product in every scenario) and the numbered change
 * batches ("epochs"). Everything derives from the seed, so a fresh simulator with the same seed and a
 * higher epoch holds the same base and the same earlier batches, and a pointer taken from one instance
 * selects exactly the later batches on the other.
 *
 * <p>Stateless after construction and thread-safe; the table it fills is guarded by its own lock.
 */
final class DataSetGenerator {

    /**
     * The seed's worked example: scenario 1 holds 300 rules and scenario 2 holds 40; batch 1 changes exactly 220
     * rules of scenario 1, so reading after the base pointer with {@code paginacao=100} takes three requests
     * answering 100, 100 and 22 rules.
     */
    static final String PRESET_SEED_EXAMPLE = "seed-example";
    static final int SEED_EXAMPLE_CHANGES = 220;

    private static final long BASE_TIME = Instant.parse("2025-01-06T12:00:00Z").getEpochSecond();
    private static final long BATCH_TIME = Instant.parse("2026-02-02T09:00:00Z").getEpochSecond();

    private final long seed;
    private final int size;
    private final String preset;
    private final List<Scenario> scenarios;

    DataSetGenerator(long seed, int scenarioCount, int size, String preset) {
        this.seed = seed;
        this.preset = preset;
        boolean seedExample = PRESET_SEED_EXAMPLE.equals(preset);
        this.size = seedExample ? 340 : size;
        this.scenarios = buildScenarios(seedExample ? 2 : scenarioCount);
    }

    List<Scenario> scenarios() {
        return scenarios;
    }

    /** The base rules with sequences 1..N given in a seeded shuffled order, as a first full load would see them. */
    RuleTable baseTable() {
        SplittableRandom random = new SplittableRandom(SeedMix.mix(seed, 1));
        int[] counts = PRESET_SEED_EXAMPLE.equals(preset) ? new int[] {300, 40} : scenarioCounts(random);
        int catalogue = Math.max(1, (int) Math.ceil(Arrays.stream(counts).max().orElse(1) / 0.9));
        int[] products = productCodes(random, catalogue);
        long[] keys = new long[size];
        int k = 0;
        for (int s = 0; s < scenarios.size(); s++) {
            // Selection sampling keeps each scenario's products in ascending order with exact counts.
            int needed = counts[s];
            for (int p = 0; p < catalogue && needed > 0; p++) {
                if (random.nextInt(catalogue - p) < needed) {
                    keys[k++] = RuleKey.pack(scenarios.get(s).id(), products[p]);
                    needed--;
                }
            }
        }
        long[] sequences = LongStream.rangeClosed(1, size).toArray();
        for (int i = size - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            long t = sequences[i];
            sequences[i] = sequences[j];
            sequences[j] = t;
        }
        long[] updated = Arrays.stream(sequences).map(sequence -> BASE_TIME + sequence * 97).toArray();
        return new RuleTable(keys, sequences, new int[size], updated, size);
    }

    /** Applies change batch {@code epoch} (1, 2, ...) to a table holding the base and batches 1..epoch-1. */
    BatchResult applyBatch(RuleTable table, int epoch) {
        long before = table.currentSequence();
        long time = BATCH_TIME + (epoch - 1) * 86_400L;
        SplittableRandom random = new SplittableRandom(SeedMix.mix(seed, 1000 + epoch));
        if (epoch == 1 && PRESET_SEED_EXAMPLE.equals(preset)) {
            List<RuleKey> shuffled = new ArrayList<>(table.allKeys().stream()
                    .filter(key -> key.cenario() == scenarios.get(0).id()).toList());
            for (int i = shuffled.size() - 1; i > 0; i--) {
                Collections.swap(shuffled, i, random.nextInt(i + 1));
            }
            shuffled.subList(0, SEED_EXAMPLE_CHANGES).forEach(key -> table.change(key, time));
            return new BatchResult(epoch, SEED_EXAMPLE_CHANGES, 0, before, table.currentSequence());
        }
        int changes = Math.max(1, table.size() / 100);
        table.changeRandom(random, changes, time);
        int additions = changes / 10;
        List<RuleKey> added = new ArrayList<>();
        int produto = table.maxProduto();
        for (int a = 0; a < additions; a++) {
            produto += 1 + random.nextInt(3);
            int spread = 1 + random.nextInt(Math.min(3, scenarios.size()));
            int first = random.nextInt(scenarios.size());
            for (int s = 0; s < spread; s++) {
                added.add(new RuleKey(scenarios.get((first + s) % scenarios.size()).id(), produto));
            }
        }
        table.addAll(added, 0, time);
        return new BatchResult(epoch, changes, added.size(), before, table.currentSequence());
    }

    /** What one batch did; sequences of its rules are in {@code (pointerBefore, pointerAfter]}. */
    record BatchResult(int epoch, int changed, int added, long pointerBefore, long pointerAfter) {
    }

    private int[] scenarioCounts(SplittableRandom random) {
        int n = scenarios.size();
        double[] weights = new double[n];
        double total = 0;
        for (int s = 0; s < n; s++) {
            weights[s] = 0.55 + random.nextDouble() * 0.4;
            total += weights[s];
        }
        int[] counts = new int[n];
        int assigned = 0;
        for (int s = 0; s < n; s++) {
            counts[s] = (int) Math.floor(size * weights[s] / total);
            assigned += counts[s];
        }
        for (int s = 0; assigned < size; s = (s + 1) % n) {
            counts[s]++;
            assigned++;
        }
        return counts;
    }

    private static int[] productCodes(SplittableRandom random, int catalogue) {
        int[] codes = new int[catalogue];
        int code = 0;
        for (int p = 0; p < catalogue; p++) {
            // About a third of the codes skip a few numbers, as products get deleted or never taxed.
            code += 1 + (random.nextInt(3) == 0 ? random.nextInt(4) : 0);
            codes[p] = code;
        }
        return codes;
    }

    private List<Scenario> buildScenarios(int count) {
        List<SystaxTemplates.ScenarioTemplate> base = SystaxTemplates.LOADED.scenarios;
        List<String> ufCodes = new ArrayList<>(SystaxTemplates.LOADED.ufs.keySet());
        SplittableRandom random = new SplittableRandom(SeedMix.mix(seed, 2));
        List<Scenario> result = new ArrayList<>(count);
        int lastId = 0;
        for (int i = 0; i < count; i++) {
            SystaxTemplates.ScenarioTemplate t = base.get(i % base.size());
            int round = i / base.size();
            int id = round == 0 ? t.id() : lastId + 1 + random.nextInt(2);
            lastId = id;
            String origem = round == 0 ? t.ufOrigem() : ufCodes.get(random.nextInt(ufCodes.size()));
            String destino = origem;
            if (t.interestadual()) {
                while (destino.equals(origem)) {
                    destino = ufCodes.get(random.nextInt(ufCodes.size()));
                }
            }
            String descricao = round == 0 ? t.descricao() : t.descricao() + " - " + origem + " (" + (round + 1) + ")";
            result.add(new Scenario(id, descricao, origem, destino, t.cfop(), t.tipo()));
        }
        return List.copyOf(result);
    }
}
