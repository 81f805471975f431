package com.pagingetl.simulator.systax;

import java.util.function.Function;
import java.util.function.Supplier;

import com.github.tomakehurst.wiremock.admin.Router;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.AdminApiExtension;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * The glue to WireMock: one global transformer that hands every request of the catch-all stub to the
 * simulator's handler, and the admin routes {@code POST /__admin/sim/advance} and
 * {@code GET /__admin/sim/status}. Stateless; thread-safe as long as the functions given are.
 */
final class SystaxWireMockExtensions {

    private SystaxWireMockExtensions() {
    }

    static final class Transformer implements ResponseDefinitionTransformerV2 {
        private final Function<Request, ResponseDefinition> handler;

        Transformer(Function<Request, ResponseDefinition> handler) {
            this.handler = handler;
        }

        @Override
        public ResponseDefinition transform(ServeEvent serveEvent) {
            return handler.apply(serveEvent.getRequest());
        }

        @Override
        public String getName() {
            return "systax-simulator";
        }
    }

    static final class Admin implements AdminApiExtension {
        private final Supplier<String> advance;
        private final Supplier<String> status;

        Admin(Supplier<String> advance, Supplier<String> status) {
            this.advance = advance;
            this.status = status;
        }

        @Override
        public void contributeAdminApiRoutes(Router router) {
            router.add(RequestMethod.POST, "/sim/advance", (admin, serveEvent, pathParams) -> json(advance.get()));
            router.add(RequestMethod.GET, "/sim/status", (admin, serveEvent, pathParams) -> json(status.get()));
        }

        @Override
        public String getName() {
            return "systax-simulator-admin";
        }

        private static ResponseDefinition json(String body) {
            return ResponseDefinitionBuilder.responseDefinition().withStatus(200)
                    .withHeader("Content-Type", "application/json; charset=utf-8").withBody(body).build();
        }
    }
}
