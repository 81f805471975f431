package com.pagingetl.simulator.rapid;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Verifies Rapid signature authentication: {@code Authorization: EAN APIKey=<key>,Signature=<hex sha512 of
 * key+secret+timestamp>,timestamp=<unix seconds>}, key names case-insensitive, timestamp within ±300 s of the
 * server clock. Failures become 401 {@code request_unauthenticated} (with {@code servertimestamp}); a valid
 * signature from a key configured as unauthorized becomes 403 {@code request_unauthorized}. Immutable and
 * thread-safe; never logs credentials, and echoes only the key and signature the caller sent, as the real API does.
 */
final class RapidAuthenticator {

    static final long WINDOW_SECONDS = 300;
    static final String WWW_AUTHENTICATE = "EAN APIKey=<apikey>,Signature=<sha512(apikey+secret+timestamp)>,"
            + "timestamp=<unix seconds>";

    private final String apiKey;
    private final String sharedSecret;
    private final Set<String> unauthorizedKeys;

    RapidAuthenticator(String apiKey, String sharedSecret, Set<String> unauthorizedKeys) {
        this.apiKey = apiKey;
        this.sharedSecret = sharedSecret;
        this.unauthorizedKeys = unauthorizedKeys;
    }

    /** Throws {@link RapidApiException} unless {@code header} is a valid signature at {@code serverSeconds}. */
    void verify(String header, long serverSeconds) {
        Map<String, String> parts = parse(header);
        String key = parts.get("apikey");
        String signature = parts.get("signature");
        String timestamp = parts.get("timestamp");
        if (key == null || signature == null || timestamp == null || !timestamp.matches("\\d{1,12}")
                || Math.abs(Long.parseLong(timestamp) - serverSeconds) > WINDOW_SECONDS) {
            throw new RapidApiException(RapidError.unauthenticated(key, signature, timestamp, serverSeconds));
        }
        boolean known = key.equals(apiKey) || unauthorizedKeys.contains(key);
        String expected = sign(key, sharedSecret, timestamp);
        if (!known || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                signature.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
            throw new RapidApiException(RapidError.unauthenticated(key, signature, timestamp, serverSeconds));
        }
        if (unauthorizedKeys.contains(key)) {
            throw new RapidApiException(RapidError.ofStatus(403));
        }
    }

    /** Lowercase hex SHA-512 of {@code apiKey + sharedSecret + timestamp}, as clients compute it. */
    static String sign(String apiKey, String sharedSecret, String timestamp) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-512")
                    .digest((apiKey + sharedSecret + timestamp).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Builds the header value a client sends. */
    static String header(String apiKey, String sharedSecret, long timestamp) {
        String ts = Long.toString(timestamp);
        return "EAN APIKey=" + apiKey + ",Signature=" + sign(apiKey, sharedSecret, ts) + ",timestamp=" + ts;
    }

    private static Map<String, String> parse(String header) {
        Map<String, String> out = new HashMap<>();
        if (header == null || !header.trim().regionMatches(true, 0, "EAN ", 0, 4)) {
            return out;
        }
        for (String part : header.trim().substring(4).split(",")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                out.put(part.substring(0, eq).trim().toLowerCase(Locale.ROOT), part.substring(eq + 1).trim());
            }
        }
        return out;
    }
}
