package com.pagingetl.testing;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Records travel as UTF-8 bytes; tests read and write them as text. */
public final class Utf8 {

    private Utf8() {
    }

    public static List<String> text(List<byte[]> records) {
        return records.stream().map(Utf8::text).toList();
    }

    public static String text(byte[] record) {
        return new String(record, StandardCharsets.UTF_8);
    }

    public static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
