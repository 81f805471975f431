package com.pagingetl.simulator.rapid;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;

/**
 * Encodes the opaque {@code token} of a {@code Link rel="next"}: the whole query, the position after which the
 * next page starts, the expiry and an issue serial, obfuscated with a per-instance key stream and signed with a
 * per-instance HMAC, then base64url-encoded. A token therefore needs no other query parameter, cannot be forged or
 * edited (a changed byte fails the HMAC), and is meaningless to another simulator instance. Thread-safe.
 */
final class PageTokenCodec {

    /** A decoded token. {@code endpoint} is {@code content} or {@code inactive}; {@code query} is canonical. */
    record PageToken(String endpoint, String query, int afterId, Instant expires, long serial) {
    }

    private static final byte VERSION = 1;
    private static final int MAC_BYTES = 16;
    private final byte[] key = new byte[32];

    PageTokenCodec() {
        new SecureRandom().nextBytes(key);
    }

    String encode(PageToken token) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeUTF(token.endpoint());
            out.writeLong(token.serial());
            out.writeLong(token.expires().getEpochSecond());
            out.writeInt(token.expires().getNano());
            out.writeInt(token.afterId());
            out.writeUTF(token.query());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] plain = bytes.toByteArray();
        byte[] sealed = Arrays.copyOf(xor(plain), plain.length + MAC_BYTES);
        System.arraycopy(mac(sealed, plain.length), 0, sealed, plain.length, MAC_BYTES);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sealed);
    }

    /** Decodes a token, or throws {@link IllegalArgumentException} when it was not issued by this codec. */
    PageToken decode(String token) {
        byte[] sealed;
        try {
            sealed = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("token is not base64url");
        }
        if (sealed.length <= MAC_BYTES) {
            throw new IllegalArgumentException("token is too short");
        }
        int length = sealed.length - MAC_BYTES;
        byte[] expected = mac(sealed, length);
        if (!MessageDigest.isEqual(expected, Arrays.copyOfRange(sealed, length, sealed.length))) {
            throw new IllegalArgumentException("token signature does not match");
        }
        byte[] plain = xor(Arrays.copyOf(sealed, length));
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(plain))) {
            if (in.readByte() != VERSION) {
                throw new IllegalArgumentException("token version is unknown");
            }
            String endpoint = in.readUTF();
            long serial = in.readLong();
            Instant expires = Instant.ofEpochSecond(in.readLong(), in.readInt());
            int afterId = in.readInt();
            return new PageToken(endpoint, in.readUTF(), afterId, expires, serial);
        } catch (IOException e) {
            throw new IllegalArgumentException("token is truncated");
        }
    }

    private byte[] mac(byte[] data, int length) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(data, 0, length);
            return Arrays.copyOf(mac.doFinal(), MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] xor(byte[] data) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] out = data.clone();
            for (int block = 0; block * 32 < out.length; block++) {
                sha.update(key);
                sha.update(("stream" + block).getBytes(StandardCharsets.US_ASCII));
                byte[] stream = sha.digest();
                for (int k = 0; k < 32 && block * 32 + k < out.length; k++) {
                    out[block * 32 + k] ^= stream[k];
                }
            }
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
