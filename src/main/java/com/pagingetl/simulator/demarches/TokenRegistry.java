package com.pagingetl.simulator.demarches;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import graphql.schema.DataFetchingEnvironment;

/**
 * The demo API token, what it may read and the networks it may be used from. Tokens are v3 tokens: urlsafe
 * base64 (with padding) of {@code "<api_token uuid>;<secret>"}; anything that does not decode to the known id and
 * secret counts as no token, like the real server. Thread-safe (volatile state).
 */
final class TokenRegistry {

    static final String DEMO_TOKEN_ID = "3f6b2c8e-9d41-4c07-a1e5-7b0d2f9c4a18";
    /** What the demo token decodes to: {@code "<api_token uuid>;<secret>"}. */
    private static final byte[] DEMO_PLAIN = (DEMO_TOKEN_ID + ";sim-d3m0-Xq7vR2nK8pLw4tYz")
            .getBytes(StandardCharsets.UTF_8);

    /** The outcome of reading the Authorization header. */
    enum Status { VALID, EXPIRED, NONE }

    private static final Pattern CIDR = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})/(\\d{1,2})");

    private final Set<Integer> readable;
    private final List<int[]> allowedNetworks;
    private volatile boolean valid = true;
    private volatile boolean expired;

    /**
     * @param allowedNetworks the token's "authorized networks" as IPv4 CIDRs ({@code 10.0.0.0/8,192.168.1.7/32});
     *                        empty: no restriction
     * @throws IllegalArgumentException naming {@code sim.allowedNetworks} when one is not an IPv4 CIDR
     */
    TokenRegistry(Set<Integer> readable, String allowedNetworks) {
        this.readable = Set.copyOf(readable);
        List<int[]> networks = new ArrayList<>();
        for (String cidr : allowedNetworks.split(",")) {
            if (!cidr.isBlank()) {
                networks.add(network(cidr.trim()));
            }
        }
        this.allowedNetworks = List.copyOf(networks);
    }

    /**
     * Whether a request from {@code clientIp} may use the token: always when it has no authorized networks, else
     * only from inside one of them (IPv4; any other address is outside).
     */
    boolean fromAllowedNetwork(String clientIp) {
        if (allowedNetworks.isEmpty()) {
            return true;
        }
        int ip;
        try {
            ip = network(clientIp + "/32")[0];
        } catch (IllegalArgumentException e) {
            return false;
        }
        return allowedNetworks.stream().anyMatch(n -> (ip & n[1]) == (n[0] & n[1]));
    }

    /** {@code {address, mask}} of an IPv4 CIDR. */
    private static int[] network(String cidr) {
        Matcher m = CIDR.matcher(cidr);
        if (!m.matches() || Integer.parseInt(m.group(5)) > 32
                || IntStream.rangeClosed(1, 4).anyMatch(g -> Integer.parseInt(m.group(g)) > 255)) {
            throw new IllegalArgumentException("simulator option sim.allowedNetworks: " + cidr
                    + " is not an IPv4 network such as 10.0.0.0/8");
        }
        int address = 0;
        for (int g = 1; g <= 4; g++) {
            address = address << 8 | Integer.parseInt(m.group(g));
        }
        int prefix = Integer.parseInt(m.group(5));
        return new int[] {address, prefix == 0 ? 0 : -1 << (32 - prefix)};
    }

    static String demoToken() {
        return Base64.getUrlEncoder().encodeToString(DEMO_PLAIN);
    }

    void setValid(boolean valid) {
        this.valid = valid;
    }

    void setExpired(boolean expired) {
        this.expired = expired;
    }

    /**
     * Refuses a {@code type} of {@code demarche} unless the request's token is valid and may read that démarche,
     * with graphql-ruby's authorization error.
     */
    void authorize(DataFetchingEnvironment env, int demarche, String type) {
        if (env.getGraphQlContext().get(DemarchesQueries.AUTH) != Status.VALID || !readable.contains(demarche)) {
            throw new ApiError("unauthorized", "An object of type " + type + " was hidden due to permissions");
        }
    }

    /** Reads {@code Bearer <token>} or {@code Bearer token=<token>} (Rails accepts both). */
    Status check(String authorization) {
        String token = extract(authorization);
        if (token == null || !valid) {
            return Status.NONE;
        }
        byte[] plain;
        try {
            plain = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            return Status.NONE;
        }
        if (!MessageDigest.isEqual(plain, DEMO_PLAIN)) {
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
