package com.pagingetl.simulator.tdg;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;

import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessageFormat;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.value.ValueType;

/**
 * Index keys: their order, as Tarantool orders key parts (numbers numerically, integers exactly as longs, strings by
 * code unit, booleans false before true, nil first), and TDG's cursor, which carries one: base64url without padding of
 * the MessagePack map {@code {"scan": [key parts...]}}, where the key is the scan index key plus the primary key parts
 * (for secondary indexes) plus the version (for versioned types). Versions are packed as uint64, as Tarantool packs
 * them. Stateless and thread-safe.
 */
final class TdgKeys {

    /** Sentinels below and above every key part, for range bounds. */
    static final Object MIN = new Object();
    static final Object MAX = new Object();

    static final Comparator<Object> PART = TdgKeys::comparePart;

    static final Comparator<List<Object>> KEY = (a, b) -> {
        int n = Math.min(a.size(), b.size());
        for (int i = 0; i < n; i++) {
            int c = comparePart(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    };

    private TdgKeys() {
    }

    static int comparePart(Object a, Object b) {
        if (a == b) {
            return 0;
        }
        if (a == MIN || b == MAX) {
            return -1;
        }
        if (a == MAX || b == MIN) {
            return 1;
        }
        if (a == null) {
            return -1;
        }
        if (b == null) {
            return 1;
        }
        if (a instanceof Number x && b instanceof Number y) {
            if (isIntegral(x) && isIntegral(y)) {
                return Long.compare(x.longValue(), y.longValue());
            }
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        if (a instanceof String x && b instanceof String y) {
            return x.compareTo(y);
        }
        if (a instanceof Boolean x && b instanceof Boolean y) {
            return Boolean.compare(x, y);
        }
        // Tarantool's scalar order across types: boolean < number < string.
        return Integer.compare(rank(a), rank(b));
    }

    private static boolean isIntegral(Number n) {
        return n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte;
    }

    private static int rank(Object o) {
        return o instanceof Boolean ? 1 : o instanceof Number ? 2 : 3;
    }

    static String cursor(List<Object> key) {
        try (MessageBufferPacker packer = MessagePack.DEFAULT_PACKER_CONFIG.withBufferSize(128).newBufferPacker()) {
            packer.packMapHeader(1);
            packer.packString("scan");
            packer.packArrayHeader(key.size());
            for (Object part : key) {
                if (part == null) {
                    packer.packNil();
                } else if (part instanceof String s) {
                    packer.packString(s);
                } else if (part instanceof Long || part instanceof Integer) {
                    packer.packLong(((Number) part).longValue());
                } else if (part instanceof Number n) {
                    packer.packDouble(n.doubleValue());
                } else if (part instanceof Boolean b) {
                    packer.packBoolean(b);
                } else {
                    packer.packString(part.toString());
                }
            }
            return Base64.getUrlEncoder().withoutPadding().encodeToString(packer.toByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The key a cursor carries; fails with TDG's {@code Failed to decode cursor: "<c>"}. */
    static List<Object> decodeCursor(String cursor) {
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(cursor);
            try (MessageUnpacker unpacker = MessagePack.newDefaultUnpacker(bytes)) {
                if (unpacker.getNextFormat().getValueType() != ValueType.MAP) {
                    throw new IllegalArgumentException("not a map");
                }
                int entries = unpacker.unpackMapHeader();
                List<Object> scan = null;
                for (int i = 0; i < entries; i++) {
                    String name = unpacker.getNextFormat().getValueType() == ValueType.STRING
                            ? unpacker.unpackString() : null;
                    if ("scan".equals(name) && unpacker.getNextFormat().getValueType() == ValueType.ARRAY) {
                        int n = unpacker.unpackArrayHeader();
                        scan = new ArrayList<>(n);
                        for (int k = 0; k < n; k++) {
                            scan.add(part(unpacker));
                        }
                    } else {
                        unpacker.skipValue();
                    }
                }
                if (scan == null || unpacker.hasNext()) {
                    throw new IllegalArgumentException("no scan key");
                }
                return scan;
            }
        } catch (IOException | RuntimeException e) {
            throw new TdgError("Failed to decode cursor: \"" + cursor + "\"", 500);
        }
    }

    private static Object part(MessageUnpacker unpacker) throws IOException {
        MessageFormat format = unpacker.getNextFormat();
        return switch (format.getValueType()) {
            case NIL -> {
                unpacker.unpackNil();
                yield null;
            }
            case BOOLEAN -> unpacker.unpackBoolean();
            case INTEGER -> unpacker.unpackLong();
            case FLOAT -> unpacker.unpackDouble();
            case STRING -> unpacker.unpackString();
            default -> throw new IllegalArgumentException("unsupported key part " + format);
        };
    }
}
