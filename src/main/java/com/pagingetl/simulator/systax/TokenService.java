package com.pagingetl.simulator.systax;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Issues and checks the bearer tokens: JWT-shaped opaque strings (header.payload.signature, base64url)
 * valid for the configured lifetime. Only the issued set counts; the signature is random, not verified
 * by anyone. Thread-safe.
 */
final class TokenService {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final String HEADER = B64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

    private final Supplier<Instant> clock;
    private final Duration lifetime;
    private final String username;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Instant> expiries = new ConcurrentHashMap<>();

    /** {@code clock} is the simulator's now, which tests move forward to expire tokens without sleeping. */
    TokenService(Supplier<Instant> clock, Duration lifetime, String username) {
        this.clock = clock;
        this.lifetime = lifetime;
        this.username = username;
    }

    String issue() {
        Instant now = clock.get();
        Instant expiry = now.plus(lifetime);
        byte[] jti = new byte[12];
        byte[] signature = new byte[32];
        random.nextBytes(jti);
        random.nextBytes(signature);
        String payload = "{\"sub\":\"" + username + "\",\"iat\":" + now.getEpochSecond() + ",\"exp\":" + expiry.getEpochSecond()
                + ",\"jti\":\"" + B64.encodeToString(jti) + "\"}";
        String token = HEADER + "." + B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + B64.encodeToString(signature);
        expiries.put(token, expiry);
        return token;
    }

    /** Why an {@code Authorization} header value is refused, as the 401 detail; null when it is valid. */
    String refusal(String authorization) {
        Instant expiry = authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7) ? null
                : expiries.get(authorization.substring(7).trim());
        if (expiry == null) {
            return "Token ausente ou invalido";
        }
        return clock.get().isBefore(expiry) ? null : "Token expirado";
    }

    /** Makes the token in this header expired at once, as if its hour had passed. */
    void expire(String authorization) {
        if (authorization != null && authorization.length() > 7) {
            expiries.computeIfPresent(authorization.substring(7).trim(), (token, expiry) -> Instant.EPOCH);
        }
    }

    void expireAll() {
        expiries.replaceAll((token, expiry) -> Instant.EPOCH);
    }
}
