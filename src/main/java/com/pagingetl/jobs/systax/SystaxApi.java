package com.pagingetl.jobs.systax;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.pagingetl.http.ApiCallException;
import com.pagingetl.http.ApiHttpClient;
import com.pagingetl.http.ApiResponse;
import com.pagingetl.http.ResponseSummary;
import com.pagingetl.http.Secrets;
import com.pagingetl.paging.JsonRecords;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Systax rules API over HTTP, in the shape this job assumes (see jobs/systaxRules/README.md):
 * {@code POST <login-path>} with {@code {"usuario","senha"}} returns {@code {"access_token",...}}; {@code POST
 * <rules-path>} with {@code Authorization: Bearer <token>} and {@code {"id_cenario","codigo_produto","paginacao",
 * "ponteiro_atualizacao"}} returns one page of rules.
 *
 * <p>The token is obtained at the first request and kept; a 401 on a rules request means it expired, so the
 * client logs in once more and repeats the same request. A 401 right after a fresh login, or a login that is
 * refused, is fatal. Neither the token nor the password ever appears in a message or a log line: both are
 * registered with {@link Secrets}, the token as soon as it arrives. Transient
 * failures (IO, 429, 5xx) are retried inside {@link ApiHttpClient}.
 *
 * <p>Not thread-safe beyond what one step needs: one instance per step execution.
 */
final class SystaxApi implements RulesFetcher {

    private static final Logger log = LoggerFactory.getLogger(SystaxApi.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ApiHttpClient http;
    private final URI loginUri;
    private final URI rulesUri;
    private final String loginPath;
    private final String rulesPath;
    private final String username;
    private final String password;
    private volatile String token;

    SystaxApi(ApiHttpClient http, String baseUrl, String loginPath, String rulesPath, String username, String password) {
        this.http = http;
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.loginUri = URI.create(base + loginPath);
        this.rulesUri = URI.create(base + rulesPath);
        this.loginPath = loginPath;
        this.rulesPath = rulesPath;
        this.username = username;
        this.password = password;
        Secrets.register(password);
    }

    @Override
    public byte[] fetch(RulePair start, int paginacao, String pointer) {
        // Built as text: a mapper per page cost more than the rest of the request.
        byte[] body = ("{\"id_cenario\":" + start.idCenario() + ",\"codigo_produto\":" + start.codigoProduto()
                + ",\"paginacao\":" + paginacao + ",\"ponteiro_atualizacao\":" + JsonRecords.quote(pointer) + "}")
                .getBytes(StandardCharsets.UTF_8);

        if (token == null) {
            login();
        }
        ApiResponse response = postRules(body);
        if (response.status() == 401) {
            log.info("systaxRules: the rules API answered 401 ({}); the token has expired, logging in again",
                    ResponseSummary.of(response));
            login();
            response = postRules(body);
            if (response.status() == 401) {
                throw new ApiCallException("POST " + rulesPath + " answered HTTP 401 " + ResponseSummary.of(response)
                        + " even with a token from a fresh login: the credentials (SYSTAX_USERNAME / SYSTAX_PASSWORD)"
                        + " are not accepted for the rules API", 401, null);
            }
        }
        if (!response.isSuccess()) {
            throw new ApiCallException("POST " + rulesPath + " answered HTTP " + response.status() + " "
                    + ResponseSummary.of(response), response.status(), null);
        }
        requireJson(response, "POST " + rulesPath);
        return response.body();
    }

    private ApiResponse postRules(byte[] body) {
        String bearer = "Bearer " + token;
        return http.send("POST " + rulesPath, () -> HttpRequest.newBuilder(rulesUri)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Authorization", bearer));
    }

    /** Obtains a new bearer token; a refusal is fatal, with a message that names neither secret. */
    void login() {
        ObjectNode credentials = JSON.createObjectNode();
        credentials.put("usuario", username);
        credentials.put("senha", password);
        byte[] body = JSON.writeValueAsBytes(credentials);
        ApiResponse response = http.send("POST " + loginPath, () -> HttpRequest.newBuilder(loginUri)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json"));
        if (response.status() == 401 || response.status() == 403) {
            throw new ApiCallException("login to " + http.origin() + loginPath + " was refused (HTTP " + response.status()
                    + " " + ResponseSummary.of(response) + "): check SYSTAX_USERNAME and SYSTAX_PASSWORD", response.status(), null);
        }
        if (!response.isSuccess()) {
            throw new ApiCallException("login to " + http.origin() + loginPath + " failed: HTTP " + response.status() + " "
                    + ResponseSummary.of(response), response.status(), null);
        }
        requireJson(response, "login to " + http.origin() + loginPath);
        JsonNode answer;
        try {
            answer = JSON.readTree(response.body());
        } catch (JacksonException e) {
            throw new ApiCallException("login to " + http.origin() + loginPath + " answered with malformed JSON ("
                    + e.getOriginalMessage() + ")", e);
        }
        JsonNode accessToken = answer.get("access_token");
        if (accessToken == null || !accessToken.isString() || accessToken.asString().isBlank()) {
            throw new ApiCallException("login to " + http.origin() + loginPath + " answered HTTP " + response.status()
                    + " without an access_token");
        }
        token = accessToken.asString().trim();
        Secrets.register(token);
        log.info("systaxRules: logged in at {}{}", http.origin(), loginPath);
    }

    private static void requireJson(ApiResponse response, String operation) {
        if (!response.looksLikeJson()) {
            throw new ApiCallException(operation + " answered HTTP " + response.status() + " with a body that is not JSON "
                    + ResponseSummary.of(response) + " (Content-Type " + response.contentType() + ")", response.status(), null);
        }
    }
}
