package com.pagingetl.simulator.systax;

import java.util.Queue;

import com.pagingetl.simulator.SimRequest;
import com.pagingetl.simulator.SimResponse;
import com.pagingetl.simulator.SimServer;
import com.pagingetl.simulator.SimulatedFaults;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Answers the two API operations: {@code POST <loginPath>} (user and password in the JSON body, a
 * bearer token back) and {@code POST <rulesPath>} (one page of rules from a key, filtered by the
 * update pointer). Order of checks for rules: injected fault, token, body, pointer. Every rules
 * request is counted and logged with the fields it carried.
 *
 * <p>Thread-safe: holds no per-request state; the collaborators are thread-safe.
 */
final class SystaxHttpHandler implements SimServer.Handler {

    private static final String JSON = "application/json; charset=utf-8";

    private final SystaxOptions options;
    private final RuleTable table;
    private final RuleRenderer renderer;
    private final TokenService tokens;
    private final SimulatedFaults<SystaxFault> faults;
    private final Runnable afterPage;
    private final Queue<RecordedRulesRequest> log;
    private final JsonMapper mapper = JsonMapper.shared();

    SystaxHttpHandler(SystaxOptions options, RuleTable table, RuleRenderer renderer, TokenService tokens,
                      SimulatedFaults<SystaxFault> faults, Runnable afterPage, Queue<RecordedRulesRequest> log) {
        this.options = options;
        this.table = table;
        this.renderer = renderer;
        this.tokens = tokens;
        this.faults = faults;
        this.afterPage = afterPage;
        this.log = log;
    }

    @Override
    public SimResponse handle(SimRequest request) {
        String path = request.path();
        SimResponse response;
        if (path.equals(options.loginPath())) {
            response = request.is("POST") ? login(request) : error(405, "Metodo nao permitido");
        } else if (path.equals(options.rulesPath())) {
            response = request.is("POST") ? rules(request) : error(405, "Metodo nao permitido");
        } else {
            response = error(404, "Recurso nao encontrado");
        }
        return response.delayed(options.latencyMs());
    }

    private SimResponse login(SimRequest request) {
        JsonNode body = parse(request);
        if (body == null || !body.isObject() || !body.path("usuario").isString() || !body.path("senha").isString()) {
            return error(400, "usuario e senha sao obrigatorios");
        }
        if (!options.username().equals(body.get("usuario").asString()) || !options.password().equals(body.get("senha").asString())) {
            return error(401, "Unauthorized");
        }
        return json(200, mapper.createObjectNode().put("access_token", tokens.issue()).put("token_type", "Bearer")
                .put("expires_in", options.tokenLifetime().toSeconds()));
    }

    private SimResponse rules(SimRequest request) {
        JsonNode body = parse(request);
        String authorization = request.header("Authorization");
        SimulatedFaults.Decision<SystaxFault> fault = faults.next();
        if (!fault.none()) {
            return logged(body, fault(fault, authorization), 0);
        }
        String refusal = tokens.refusal(authorization);
        if (refusal != null) {
            return logged(body, unauthorized(refusal), 0);
        }
        RuleTable.Page page;
        try {
            RulesRequest rules = RulesRequest.parse(body, options.maxPageSize());
            long after = rules.ponteiro() == null ? Long.MIN_VALUE : rules.ponteiro();
            page = table.page(RuleKey.pack(rules.idCenario(), rules.codigoProduto()), rules.paginacao(), after);
            if (after > page.currentSequence()) {
                throw new RulesRequest.Invalid("ponteiro_atualizacao invalido: maior que o ponteiro atual");
            }
        } catch (RulesRequest.Invalid e) {
            return logged(body, error(400, e.getMessage()), 0);
        }
        ObjectNode answer = mapper.createObjectNode().put("success", true).put("message", "OK")
                .put("ponteiro_atualizacao", Long.toString(page.currentSequence())).put("quantidade", page.rows().size());
        ArrayNode regras = answer.putArray("regras");
        page.rows().forEach(row -> regras.add(renderer.render(row)));
        SimResponse served = logged(body, json(200, answer), page.rows().size());
        afterPage.run();
        return served;
    }

    /** Adds the request to the log with the status answered and the rules returned; returns {@code response}. */
    private SimResponse logged(JsonNode body, SimResponse response, int returned) {
        log.add(RulesRequest.lenient(body, response.status(), returned));
        return response;
    }

    private SimResponse fault(SimulatedFaults.Decision<SystaxFault> fault, String authorization) {
        if (fault.fault() == null) {
            return error(fault.status(), fault.status() == 401 ? "Unauthorized" : "Falha simulada");
        }
        return switch (fault.fault()) {
            case SERVER_ERROR_500 -> error(500, "Erro interno no servidor");
            case SERVICE_UNAVAILABLE_503 -> error(503, "Servico indisponivel")
                    .header("Retry-After", Integer.toString(options.retryAfterSeconds()));
            case HTML_502 -> SimResponse.of(502, "text/html; charset=utf-8",
                    "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>");
            case NON_JSON_200 -> SimResponse.of(200, "text/html; charset=utf-8",
                    "<html><body><h1>Sistema em manutencao</h1><p>Tente novamente em instantes.</p></body></html>");
            case RATE_LIMIT_429 -> error(429, "Limite de requisicoes excedido")
                    .header("Retry-After", Integer.toString(options.retryAfterSeconds()));
            case CONNECTION_RESET -> SimResponse.reset();
            case TOKEN_EXPIRED_401 -> {
                tokens.expire(authorization);
                yield unauthorized("Token expirado");
            }
        };
    }

    /** The JSON body, or null when it is empty or not JSON. */
    private JsonNode parse(SimRequest request) {
        try {
            return request.body().length == 0 ? null : mapper.readTree(request.body());
        } catch (JacksonException e) {
            return null;
        }
    }

    private SimResponse unauthorized(String detail) {
        return json(401, envelope("Unauthorized").put("detail", detail)).header("WWW-Authenticate", "Bearer");
    }

    private SimResponse error(int status, String message) {
        return json(status, envelope(message));
    }

    private ObjectNode envelope(String message) {
        return mapper.createObjectNode().put("success", false).put("message", message);
    }

    private SimResponse json(int status, JsonNode body) {
        return new SimResponse(status, JSON, mapper.writeValueAsBytes(body));
    }
}
