package com.pagingetl.simulator;

import java.util.Set;

import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * Removes what WireMock adds to every answer and no real API sends ({@code Matched-Stub-Id},
 * {@code Matched-Stub-Name}), so that a simulator serves exactly its API's headers. WireMock has no switch for
 * them and adds them before the response transformers run; every simulator registers this one. Stateless.
 */
public final class WireMockArtefacts implements ResponseTransformerV2 {

    private static final Set<String> ADDED = Set.of("matched-stub-id", "matched-stub-name");

    @Override
    public Response transform(Response response, ServeEvent serveEvent) {
        HttpHeaders headers = response.getHeaders();
        if (headers == null || headers.all().stream().noneMatch(h -> ADDED.contains(h.key().toLowerCase()))) {
            return response;
        }
        return Response.Builder.like(response).but().headers(new HttpHeaders(headers.all().stream()
                .filter(h -> !ADDED.contains(h.key().toLowerCase())).toList())).build();
    }

    @Override
    public boolean applyGlobally() {
        return true;
    }

    @Override
    public String getName() {
        return "api-wire-only";
    }
}
