package com.pagingetl.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.security.SecureRandom;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The chaos tier: every job killed with {@code kill -9} at seeded moments in each phase, then the same command
 * to its end; what it published must be the clean run's records, each once (see {@link ChaosHarness}).
 *
 * <p>{@code -Dchaos.kills=N} sets the kills per job (default 5; the {@code chaos} Maven profile sets 50, every job
 * and mode, and runs only this class), {@code -Dchaos.jobs=RAPID,SYSTAX} (or {@code all}) the jobs (default: every
 * job, tdgVersions in snapshot mode), {@code -Dchaos.seed=S} the seed (default: a fresh one, printed with the figures and in every
 * failure message; the same seed draws the same moments).
 */
class ChaosIntegrationTests {

    private static final int KILLS = Integer.getInteger("chaos.kills", 5);
    private static final long SEED = Long.getLong("chaos.seed", new SecureRandom().nextLong());

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(ChaosJob.class)
    void killedAtSeededMomentsThenTheSameCommandPublishesEveryRecordOnce(ChaosJob job) throws Exception {
        assumeTrue(job.selected(), job + " is not among -Dchaos.jobs");
        long seed = SEED + job.ordinal();
        ChaosHarness.Figures figures = new ChaosHarness(job, seed, KILLS, dir).run();
        System.out.println("chaos " + figures.line());

        String reproduce = " (reproduce with -Dchaos.seed=" + SEED + " -Dchaos.kills=" + KILLS + "; " + figures.line() + ")";
        assertThat(figures.problems()).as("problems" + reproduce).isEmpty();
        assertThat(figures.lost()).as("records lost" + reproduce).isZero();
        assertThat(figures.doubled()).as("records doubled" + reproduce).isZero();
        assertThat(figures.kills()).as("kills" + reproduce).isGreaterThanOrEqualTo(KILLS);
        assertThat(figures.referenceRecords()).as("records of the clean run" + reproduce).isPositive();
    }
}
