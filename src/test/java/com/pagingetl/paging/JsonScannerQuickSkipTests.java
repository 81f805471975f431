package com.pagingetl.paging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * {@link JsonScanner#skipValue}'s one-loop path against the step-by-step {@link JsonScanner#checkedSkip}: on
 * every input, well-formed or spoiled, both accept or both refuse, end at the same byte and agree on whether
 * whitespace was met; and a refused value always gets the step-by-step message.
 */
class JsonScannerQuickSkipTests {

    private static final String[] SAMPLES = {
        "{\"id_cenario\":1,\"codigo_produto\":31,\"descricao\":\"TINTA \\\"PEROLA\\\" 18L\",\"icms\":{\"aliquota\":18.00,"
                + "\"st\":null},\"ativo\":true,\"tags\":[],\"x\":{},\"e\":-1.5E+3,\"z\":0}",
        "[1, 2 ,[ ] , {\"a\" : [true,false,null]}, \"\\u00e9\", \"a\\/b\\n\"]",
        "{ \"data\" : { \"Account\" : [ {\"cursor\":\"gaRz\",\"version\":1700216050218887322} ] } }",
        "\"plain\"", "-0", "0.5e-2", "true", "null", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]",
        "{\"é\":\"ünïcode ✓\"}", "{\"a\"\n:1}", "{\"a\":1}\n"
    };

    private static final byte[] SPOILERS = " \n\t{}[]\",:\\/-+.0123456789eEtrufalsn\u0001x".getBytes(StandardCharsets.ISO_8859_1);

    @Test
    void bothPathsGiveTheSameAnswerOnEveryInputWellFormedOrSpoiled() {
        Random random = new Random(20261130L);
        List<byte[]> inputs = new ArrayList<>();
        for (String sample : SAMPLES) {
            byte[] bytes = sample.getBytes(StandardCharsets.UTF_8);
            inputs.add(bytes);
            for (int k = 0; k < 400; k++) {
                byte[] spoiled = bytes.clone();
                int changes = 1 + random.nextInt(2);
                for (int c = 0; c < changes; c++) {
                    spoiled[random.nextInt(spoiled.length)] = SPOILERS[random.nextInt(SPOILERS.length)];
                }
                inputs.add(spoiled);
                inputs.add(java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length)));
            }
        }
        int accepted = 0;
        int refused = 0;
        for (byte[] input : inputs) {
            if (input.length == 0) {
                continue;
            }
            String quick = outcome(input, true);
            String checked = outcome(input, false);
            assertThat(quick).as("input %s", new String(input, StandardCharsets.ISO_8859_1)).isEqualTo(checked);
            if (checked.startsWith("end")) {
                accepted++;
            } else {
                refused++;
            }
        }
        // the inputs exercise both answers, many times each
        assertThat(accepted).isGreaterThan(1000);
        assertThat(refused).isGreaterThan(1000);
    }

    /** Where the value ends and whether whitespace was met, or the error, as one path of the scanner gives it. */
    private static String outcome(byte[] input, boolean quickFirst) {
        JsonScanner s = new JsonScanner(input);
        try {
            s.peek();
            int start = s.position();
            int returned = quickFirst ? s.skipValue() : s.checkedSkip(start);
            byte[] cut = s.cut(returned, s.position());
            return "end " + s.position() + " start " + returned + " cut " + new String(cut, StandardCharsets.ISO_8859_1);
        } catch (JsonFormatException e) {
            return "error " + e.getMessage();
        }
    }
}
