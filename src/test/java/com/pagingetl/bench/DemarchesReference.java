package com.pagingetl.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;

/**
 * Reference client of the démarches-simplifiées GraphQL API v2, paging as the job does: the shipped
 * documents ({@code jobs/demarchesDossiers/*.graphql} from the classpath), {@code dossiers} with a fixed
 * {@code updatedSince}, then {@code pendingDeletedDossiers} and {@code deletedDossiers} with the same date as
 * {@code deletedSince}, each with Relay cursors ({@code after = pageInfo.endCursor} while
 * {@code hasNextPage}); records are the {@code edges[].node}s. One thread, as the job reads one connection
 * at a time. Not thread-safe.
 */
final class DemarchesReference implements ReferenceClient {

    private static final String DEFAULT_UPDATED_SINCE = "2015-01-01T00:00:00+01:00";

    @Override
    public long extract(Context context) throws Exception {
        URI endpoint = context.resolve("/api/v2/graphql");
        String token = context.env("DEMARCHES_API_TOKEN");
        int demarche = Integer.parseInt(context.param("demarche", "1001"));
        int first = Integer.parseInt(context.param("first", "100"));
        String since = context.param("updatedSince", DEFAULT_UPDATED_SINCE);
        String dossiers = resource("jobs/demarchesDossiers/dossiers.graphql");
        String deleted = resource("jobs/demarchesDossiers/deleted-dossiers.graphql");
        long records;
        try (GzipLines out = new GzipLines(context.outDir().resolve("demarchesDossiers-reference.jsonl.gz"))) {
            read(context, endpoint, token, dossiers, "getDemarcheDossiers", "dossiers", "updatedSince", demarche, first, since, out);
            records = out.lines();
        }
        try (GzipLines out = new GzipLines(context.outDir().resolve("demarchesDossiers-reference-deleted.jsonl.gz"))) {
            read(context, endpoint, token, deleted, "getDemarchePendingDeletedDossiers", "pendingDeletedDossiers",
                    "deletedSince", demarche, first, since, out);
            read(context, endpoint, token, deleted, "getDemarcheDeletedDossiers", "deletedDossiers",
                    "deletedSince", demarche, first, since, out);
            return records + out.lines();
        }
    }

    private static void read(Context context, URI endpoint, String token, String document, String operation,
                             String connection, String sinceVariable, int demarche, int first, String since,
                             GzipLines out) throws Exception {
        String after = null;
        while (true) {
            String body = "{\"query\":" + JsonBytes.quote(document) + ",\"operationName\":" + JsonBytes.quote(operation)
                    + ",\"variables\":{\"demarcheNumber\":" + demarche + ",\"first\":" + first
                    + (after == null ? "" : ",\"after\":" + JsonBytes.quote(after))
                    + ",\"" + sinceVariable + "\":" + JsonBytes.quote(since) + "}}";
            byte[] answer = context.send(HttpRequest.newBuilder(endpoint).POST(Context.json(body))
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .header("Authorization", "Bearer " + token).build());
            int conn = JsonBytes.path(answer, "data", "demarche", connection);
            if (conn < 0 || JsonBytes.path(answer, "errors") >= 0) {
                throw new IOException(operation + " answered without data." + connection + ": "
                        + new String(answer, 0, Math.min(300, answer.length), StandardCharsets.UTF_8));
            }
            JsonBytes.elements(answer, JsonBytes.member(answer, conn, "edges"), (s, e) -> {
                int node = JsonBytes.member(answer, s, "node");
                try {
                    out.write(answer, node, JsonBytes.end(answer, node));
                } catch (IOException io) {
                    throw new UncheckedIOException(io);
                }
            });
            int pageInfo = JsonBytes.member(answer, conn, "pageInfo");
            if (!JsonBytes.isTrue(answer, JsonBytes.member(answer, pageInfo, "hasNextPage"))) {
                return;
            }
            after = JsonBytes.text(answer, JsonBytes.member(answer, pageInfo, "endCursor"));
            if (after == null) {
                throw new IOException(operation + ": hasNextPage without endCursor");
            }
        }
    }

    static String resource(String name) throws IOException {
        try (InputStream in = DemarchesReference.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException(name + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
