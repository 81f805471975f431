package com.pagingetl.jobs.rapid;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;

import com.pagingetl.http.Secrets;

/**
 * Rapid's signature authentication: {@code EAN APIKey=<key>,Signature=<sha512 hex of key+secret+timestamp>,timestamp=<unix s>}.
 * A fresh header is made for every request, since the server accepts timestamps only within five
 * minutes of its clock. Registers the key, the secret and every signature with {@link Secrets}. Thread-safe;
 * never logs or prints the secret.
 */
public final class RapidSigner {

    private final String apiKey;
    private final String sharedSecret;
    private final Clock clock;

    public RapidSigner(String apiKey, String sharedSecret, Clock clock) {
        this.apiKey = apiKey;
        this.sharedSecret = sharedSecret;
        this.clock = clock;
        Secrets.register(apiKey);
        Secrets.register(sharedSecret);
    }

    public String authorizationHeader() {
        long timestamp = clock.instant().getEpochSecond();
        String signature = signature(apiKey, sharedSecret, timestamp);
        Secrets.registerRecent(signature);
        return "EAN APIKey=" + apiKey + ",Signature=" + signature + ",timestamp=" + timestamp;
    }

    static String signature(String apiKey, String sharedSecret, long timestamp) {
        try {
            MessageDigest sha512 = MessageDigest.getInstance("SHA-512");
            byte[] digest = sha512.digest((apiKey + sharedSecret + timestamp).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-512 is not available", e);
        }
    }

    @Override
    public String toString() {
        return "RapidSigner[apiKey=***]";
    }
}
