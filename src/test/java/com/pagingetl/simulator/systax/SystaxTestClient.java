package com.pagingetl.simulator.systax;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** A minimal client of the simulated API over real HTTP, shaped like the job's reader. Not thread-safe. */
final class SystaxTestClient {

    record Answer(int status, String body, JsonNode json, HttpResponse<String> response) {
    }

    /** A whole pass: every page's answer and the records with the repeated boundary record dropped. */
    record Pass(String firstPointer, List<JsonNode> pages, List<JsonNode> records) {
    }

    static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final SystaxSimulator simulator;
    private String token;

    SystaxTestClient(SystaxSimulator simulator) {
        this.simulator = simulator;
    }

    Answer login(String user, String password) {
        ObjectNode body = MAPPER.createObjectNode().put("usuario", user).put("senha", password);
        Answer answer = post(simulator.loginPath(), body.toString(), null);
        if (answer.status() == 200) {
            token = answer.json().get("access_token").asString();
        }
        return answer;
    }

    String token() {
        return token;
    }

    Answer rules(int cenario, int produto, int paginacao, String pointer) {
        ObjectNode body = MAPPER.createObjectNode().put("id_cenario", cenario).put("codigo_produto", produto).put("paginacao", paginacao);
        if (pointer != null) {
            body.put("ponteiro_atualizacao", pointer);
        }
        return rawRules(body.toString());
    }

    Answer rawRules(String body) {
        if (token == null) {
            login(simulator.username(), simulator.password());
        }
        return post(simulator.rulesPath(), body, token);
    }

    /** The seed's algorithm: start at (1, 1), continue from the last pair, stop on a short page. */
    Pass readAll(String pointer, int paginacao, Runnable betweenPages) {
        List<JsonNode> pages = new ArrayList<>();
        List<JsonNode> records = new ArrayList<>();
        int cenario = 1;
        int produto = 1;
        String first = null;
        while (true) {
            Answer answer = rules(cenario, produto, paginacao, pointer);
            if (answer.status() != 200) {
                throw new IllegalStateException("page from " + cenario + "/" + produto + " failed: " + answer.status() + " " + answer.body());
            }
            JsonNode page = answer.json();
            pages.add(page);
            if (first == null) {
                first = page.get("ponteiro_atualizacao").asString();
            }
            for (JsonNode rule : page.get("regras")) {
                boolean boundary = !records.isEmpty() && key(records.get(records.size() - 1)).equals(key(rule));
                if (!boundary) {
                    records.add(rule);
                }
            }
            int size = page.get("regras").size();
            if (size < paginacao) {
                return new Pass(first, pages, records);
            }
            JsonNode last = page.get("regras").get(size - 1);
            cenario = last.get("id_cenario").intValue();
            produto = last.get("codigo_produto").intValue();
            betweenPages.run();
        }
    }

    static RuleKey key(JsonNode rule) {
        return new RuleKey(rule.get("id_cenario").intValue(), rule.get("codigo_produto").intValue());
    }

    static List<RuleKey> keys(List<JsonNode> rules) {
        return rules.stream().map(SystaxTestClient::key).toList();
    }

    Answer post(String path, String body, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(simulator.baseUrl() + path))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = null;
            if (response.headers().firstValue("Content-Type").orElse("").startsWith("application/json")) {
                json = MAPPER.readTree(response.body());
            }
            return new Answer(response.statusCode(), response.body(), json, response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
