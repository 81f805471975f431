package com.pagingetl.simulator.demarches;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Set;

/**
 * The demo API token and what it may read. Tokens are v3 tokens: urlsafe base64 (with padding) of
 * {@code "<api_token uuid>;<secret>"}; anything that does not decode to the known id and secret counts as no
 * token, like the real server. Thread-safe (volatile state).
 */
final class TokenRegistry {

    static final String DEMO_TOKEN_ID = "3f6b2c8e-9d41-4c07-a1e5-7b0d2f9c4a18";
    static final String DEMO_SECRET = "sim-d3m0-Xq7vR2nK8pLw4tYz";

    /** The outcome of reading the Authorization header. */
    enum Status { VALID, EXPIRED, NONE }

    private final Set<Integer> readable;
    private volatile boolean valid = true;
    private volatile boolean expired;

    TokenRegistry(Set<Integer> readable) {
        this.readable = Set.copyOf(readable);
    }

    static String demoToken() {
        return Base64.getUrlEncoder().encodeToString((DEMO_TOKEN_ID + ";" + DEMO_SECRET).getBytes(StandardCharsets.UTF_8));
    }

    void setValid(boolean valid) {
        this.valid = valid;
    }

    void setExpired(boolean expired) {
        this.expired = expired;
    }

    boolean canRead(int demarche) {
        return readable.contains(demarche);
    }

    /** Reads {@code Bearer <token>} or {@code Bearer token=<token>} (Rails accepts both). */
    Status check(String authorization) {
        String token = extract(authorization);
        if (token == null || !valid) {
            return Status.NONE;
        }
        String plain;
        try {
            plain = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Status.NONE;
        }
        int separator = plain.indexOf(';');
        if (separator < 0 || !plain.substring(0, separator).equals(DEMO_TOKEN_ID)
                || !MessageDigest.isEqual(plain.substring(separator + 1).getBytes(StandardCharsets.UTF_8),
                DEMO_SECRET.getBytes(StandardCharsets.UTF_8))) {
            return Status.NONE;
        }
        return expired ? Status.EXPIRED : Status.VALID;
    }

    private static String extract(String authorization) {
        if (authorization == null) {
            return null;
        }
        String header = authorization.trim();
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7) && !header.regionMatches(true, 0, "Token ", 0, 6)) {
            return null;
        }
        String token = header.substring(header.indexOf(' ') + 1).trim();
        if (token.startsWith("token=")) {
            token = token.substring(6);
            if (token.length() >= 2 && token.startsWith("\"") && token.endsWith("\"")) {
                token = token.substring(1, token.length() - 1);
            }
        }
        return token.isEmpty() ? null : token;
    }
}
