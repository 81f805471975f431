package com.pagingetl.simulator.systax;

/** Stateless 64-bit mixing (SplitMix64 finaliser) so that values derive from (seed, keys) alone. */
final class SeedMix {

    private SeedMix() {
    }

    static long mix(long... parts) {
        long h = 0x9E3779B97F4A7C15L;
        for (long p : parts) {
            h = finalise(h ^ finalise(p + 0x632BE59BD9B4E019L));
        }
        return h;
    }

    private static long finalise(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
