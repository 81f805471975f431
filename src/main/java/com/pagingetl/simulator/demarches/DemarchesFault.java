package com.pagingetl.simulator.demarches;

/** Faults the démarches simulator injects into one request ({@link DemarchesSimulator#injectNext}). */
public enum DemarchesFault {
    /** 429 with the two-line Rack::Attack text body and the {@code RateLimit-*} headers. */
    RATE_LIMIT_429,
    /** 500 with the GraphQL error envelope, {@code code internal_server_error}. */
    SERVER_ERROR_500,
    /**
     * The request's dossiers page times out as graphql-ruby's Timeout does: HTTP 200, {@code code timeout},
     * {@code nodes} and {@code edges} null, {@code pageInfo} kept. A request without a dossiers page is answered.
     */
    TIMEOUT
}
