package com.pagingetl.simulator.demarches;

/**
 * A GraphQL execution error the real API raises with an {@code extensions.code} ({@code not_found},
 * {@code unauthorized}, {@code bad_request}, {@code timeout}); turned into an {@code errors[]} entry with the
 * field's path and location by {@link RubyWording#API_ERRORS}.
 */
final class ApiError extends RuntimeException {

    private final String code;

    ApiError(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    String code() {
        return code;
    }
}
