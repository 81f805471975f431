package com.pagingetl.simulator.demarches;

import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

import com.github.tomakehurst.wiremock.admin.Router;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.AdminApiExtension;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.pagingetl.simulator.ApiRequestMeter;

/**
 * The WireMock side: a transformer answering the catch-all {@code POST /api/v2/graphql} stub through
 * {@link GraphqlEndpoint}, and the {@code /__admin/sim/*} routes. Thread-safe (stateless adapters).
 */
final class HttpAdapter {

    static final String TRANSFORMER = "demarches-graphql";

    private HttpAdapter() {
    }

    static ResponseDefinition toWireMock(HttpAnswer answer) {
        return toWireMock(answer, 0);
    }

    static ResponseDefinition toWireMock(HttpAnswer answer, int latencyMs) {
        HttpHeaders headers = new HttpHeaders(new HttpHeader("Content-Type", answer.contentType()));
        for (Map.Entry<String, String> h : answer.headers().entrySet()) {
            headers = headers.plus(new HttpHeader(h.getKey(), h.getValue()));
        }
        ResponseDefinitionBuilder response = ResponseDefinitionBuilder.responseDefinition().withStatus(answer.status())
                .withHeaders(headers).withBody(answer.body());
        if (latencyMs > 0) {
            response.withFixedDelay(latencyMs);
        }
        return response.build();
    }

    /** Routes the GraphQL stub to the endpoint, counting each request and adding the configured latency. */
    static final class Transformer implements ResponseDefinitionTransformerV2 {
        private final GraphqlEndpoint endpoint;
        private final ApiRequestMeter meter;
        private final int latencyMs;

        Transformer(GraphqlEndpoint endpoint, ApiRequestMeter meter, int latencyMs) {
            this.endpoint = endpoint;
            this.meter = meter;
            this.latencyMs = latencyMs;
        }

        @Override
        public ResponseDefinition transform(ServeEvent serveEvent) {
            meter.record();
            var request = serveEvent.getRequest();
            String authorization = request.containsHeader("Authorization") ? request.getHeader("Authorization") : null;
            return toWireMock(endpoint.handle(authorization, request.getBodyAsString(), request.getClientIp()), latencyMs);
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public String getName() {
            return TRANSFORMER;
        }
    }

    /**
     * {@code POST /__admin/sim/advance}, {@code GET /__admin/sim/status}, and {@code POST /__admin/sim/token/expire}
     * and {@code /token/renew}: the demo token answers 401 "Token expired" until renewed.
     */
    static final class Admin implements AdminApiExtension {
        private final Supplier<String> advance;
        private final Supplier<String> state;
        private final Consumer<Boolean> tokenExpired;

        Admin(Supplier<String> advance, Supplier<String> state, Consumer<Boolean> tokenExpired) {
            this.advance = advance;
            this.state = state;
            this.tokenExpired = tokenExpired;
        }

        @Override
        public void contributeAdminApiRoutes(Router router) {
            // Two distinct lambdas: WireMock finds a route's path template by its task's class, so tasks
            // made by one shared factory lambda would all resolve to the first route.
            router.add(RequestMethod.POST, "/sim/advance",
                    (admin, serveEvent, pathParams) -> toWireMock(HttpAnswer.json(200, advance.get())));
            router.add(RequestMethod.GET, "/sim/status",
                    (admin, serveEvent, pathParams) -> toWireMock(HttpAnswer.json(200, state.get())));
            router.add(RequestMethod.POST, "/sim/token/expire", (admin, serveEvent, pathParams) -> {
                tokenExpired.accept(true);
                return toWireMock(HttpAnswer.json(200, "{\"tokenExpired\":true}"));
            });
            router.add(RequestMethod.POST, "/sim/token/renew", (admin, serveEvent, pathParams) -> {
                tokenExpired.accept(false);
                return toWireMock(HttpAnswer.json(200, "{\"tokenExpired\":false}"));
            });
        }

        @Override
        public String getName() {
            return "demarches-admin";
        }
    }
}
