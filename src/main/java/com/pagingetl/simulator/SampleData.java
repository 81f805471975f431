package com.pagingetl.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToIntFunction;
import java.util.stream.IntStream;

/**
 * What every simulator's generator does the same way: read its templates from {@code /sample-data/<api>/} on the
 * classpath and draw from them with a seeded random stream, so that the same seed always gives the same data.
 * Stateless.
 */
public final class SampleData {

    private SampleData() {
    }

    /** The UTF-8 text of template {@code file} of {@code api}; a missing template is a packaging error. */
    public static String text(String api, String file) {
        String path = "/sample-data/" + api + "/" + file;
        try (InputStream in = SampleData.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing simulator template " + path + " on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read simulator template " + path, e);
        }
    }

    public static <T> T pick(SplittableRandom random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** The index of an item drawn with a probability proportional to its {@code weight}. */
    public static <T> int weighted(SplittableRandom random, List<T> items, ToIntFunction<T> weight) {
        return weighted(random, items.stream().mapToInt(weight).toArray());
    }

    /** An index drawn with a probability proportional to its weight; a loop that draws millions passes arrays. */
    public static int weighted(SplittableRandom random, int[] weights) {
        int r = random.nextInt(IntStream.of(weights).sum());
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        throw new IllegalStateException("weights are empty");
    }
}
