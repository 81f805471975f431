package com.pagingetl.simulator.tdg;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessageFormat;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.value.ValueType;

/**
 * TDG's cursor: base64url without padding of the MessagePack map {@code {"scan": [key parts...]}},
 * where the key is the scan index key plus the primary key parts (for secondary indexes) plus the
 * version (for versioned types). Versions are packed as uint64, as Tarantool packs them.
 *
 * <p>Stateless and thread-safe.
 */
final class TdgCursorCodec {

    private TdgCursorCodec() {
    }

    static String encode(List<Object> key) {
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

    /** Decodes a cursor or fails with TDG's {@code Failed to decode cursor: "<c>"}. */
    static List<Object> decode(String cursor) {
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
