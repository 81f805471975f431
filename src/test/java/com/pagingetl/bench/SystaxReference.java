package com.pagingetl.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;

/**
 * Reference client of the Systax rules API, paging as the job does: one login, then {@code POST} rules pages
 * keyed by the inclusive {@code (id_cenario, codigo_produto)} of the previous page's last rule (whose repeat
 * at the head of the next page is dropped), the same pointer on every request, until a page holds fewer
 * rules than {@code paginacao}. One thread. Not thread-safe.
 */
final class SystaxReference implements ReferenceClient {

    @Override
    public long extract(Context context) throws Exception {
        URI login = context.resolve(context.env().getOrDefault("SYSTAX_LOGIN_PATH", "/auth/login"));
        URI rules = context.resolve(context.env().getOrDefault("SYSTAX_RULES_PATH", "/api/v1/regras"));
        int paginacao = Integer.parseInt(context.param("paginacao", "100"));
        byte[] auth = context.send(HttpRequest.newBuilder(login)
                .POST(Context.json("{\"usuario\":" + JsonBytes.quote(context.env("SYSTAX_USERNAME")) + ",\"senha\":"
                        + JsonBytes.quote(context.env("SYSTAX_PASSWORD")) + "}"))
                .header("Content-Type", "application/json").header("Accept", "application/json").build());
        String token = JsonBytes.text(auth, JsonBytes.path(auth, "access_token"));

        long cenario = 1;
        long produto = 1;
        boolean first = true;
        try (GzipLines out = new GzipLines(context.outDir().resolve("systaxRules-reference.jsonl.gz"))) {
            while (true) {
                String body = "{\"id_cenario\":" + cenario + ",\"codigo_produto\":" + produto + ",\"paginacao\":" + paginacao
                        + ",\"ponteiro_atualizacao\":\"\"}";
                byte[] answer = context.send(HttpRequest.newBuilder(rules).POST(Context.json(body))
                        .header("Content-Type", "application/json").header("Accept", "application/json")
                        .header("Authorization", "Bearer " + token).build());
                int regras = JsonBytes.path(answer, "regras");
                if (regras < 0) {
                    throw new IOException("rules answer without regras: "
                            + new String(answer, 0, Math.min(300, answer.length), StandardCharsets.UTF_8));
                }
                long askedCenario = cenario;
                long askedProduto = produto;
                boolean dropBoundary = !first;
                long[] last = {cenario, produto};
                int[] raw = {0};
                JsonBytes.elements(answer, regras, (s, e) -> {
                    long c = Long.parseLong(JsonBytes.text(answer, JsonBytes.member(answer, s, "id_cenario")));
                    long p = Long.parseLong(JsonBytes.text(answer, JsonBytes.member(answer, s, "codigo_produto")));
                    boolean boundary = raw[0] == 0 && dropBoundary && c == askedCenario && p == askedProduto;
                    raw[0]++;
                    last[0] = c;
                    last[1] = p;
                    if (!boundary) {
                        try {
                            out.write(answer, s, e);
                        } catch (IOException io) {
                            throw new UncheckedIOException(io);
                        }
                    }
                });
                if (raw[0] < paginacao) {
                    return out.lines();
                }
                if (last[0] == askedCenario && last[1] == askedProduto) {
                    throw new IOException("a full page at (" + askedCenario + ", " + askedProduto + ") does not advance");
                }
                cenario = last[0];
                produto = last[1];
                first = false;
            }
        }
    }
}
