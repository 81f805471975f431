package com.pagingetl.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reference client of TDG's GraphQL API, paging as the job does: pin the grid's newest version and read its
 * returned hard limit (admin schema), then {@code <Type>(version: V, first: n, after: cursor)} with the fields
 * of {@code jobs/tdgVersions/<Type>.graphql} until an empty list ({@code mode=history} adds
 * {@code all_versions: true}; {@code mode=asOf} uses {@code version=}). One thread. Not thread-safe.
 */
final class TdgReference implements ReferenceClient {

    @Override
    public long extract(Context context) throws Exception {
        URI graphql = context.resolve("/graphql");
        String token = context.env("TDG_TOKEN");
        String type = context.param("type", "Account");
        String mode = context.param("mode", "snapshot");
        String version = mode.equals("asOf") ? context.param("version", "")
                : adminValue(context, graphql, token, "{ cluster { current_version } }", "data", "cluster", "current_version");
        String limit = adminValue(context, graphql, token, "{ config { hard_limits { scanned returned } } }",
                "data", "config", "hard_limits", "returned");
        int first = limit == null ? 100 : Integer.parseInt(limit);
        String selection = String.join(" ", fields(type));

        String after = null;
        try (GzipLines out = new GzipLines(context.outDir().resolve("tdgVersions-reference.jsonl.gz"))) {
            while (true) {
                String query = "query tdgVersions { " + type + "(version: " + JsonBytes.quote(version)
                        + (mode.equals("history") ? ", all_versions: true" : "") + ", first: " + first
                        + (after == null ? "" : ", after: " + JsonBytes.quote(after)) + ") { " + selection + " } }";
                byte[] answer = postBytes(context, graphql, token, null, query);
                int list = JsonBytes.path(answer, "data", type);
                if (list < 0) {
                    throw new IOException("read of " + type + " answered without data." + type + ": "
                            + new String(answer, 0, Math.min(300, answer.length), StandardCharsets.UTF_8));
                }
                int[] lastObject = {-1};
                JsonBytes.elements(answer, list, (s, e) -> {
                    lastObject[0] = s;
                    try {
                        out.write(answer, s, e);
                    } catch (IOException io) {
                        throw new UncheckedIOException(io);
                    }
                });
                if (lastObject[0] < 0) {
                    return out.lines();
                }
                after = JsonBytes.text(answer, JsonBytes.member(answer, lastObject[0], "cursor"));
            }
        }
    }

    /** The field names of the shipped selection file, with {@code cursor} and {@code version} added when missing. */
    private static List<String> fields(String type) throws IOException {
        List<String> fields = new ArrayList<>();
        for (String line : DemarchesReference.resource("jobs/tdgVersions/" + type + ".graphql").split("\n")) {
            int hash = line.indexOf('#');
            String code = (hash >= 0 ? line.substring(0, hash) : line).replace("{", " ").replace("}", " ");
            Arrays.stream(code.trim().split("\\s+")).filter(s -> !s.isEmpty()).forEach(fields::add);
        }
        for (String required : List.of("cursor", "version")) {
            if (!fields.contains(required)) {
                fields.add(required);
            }
        }
        return fields;
    }

    private static String adminValue(Context context, URI graphql, String token, String query, String... path)
            throws Exception {
        byte[] answer = postBytes(context, graphql, token, "admin", query);
        return JsonBytes.text(answer, JsonBytes.path(answer, path));
    }

    private static byte[] postBytes(Context context, URI graphql, String token, String schema, String query)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(graphql)
                .POST(Context.json("{\"query\":" + JsonBytes.quote(query) + "}"))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("Authorization", "Bearer " + token);
        if (schema != null) {
            request.header("schema", schema);
        }
        return context.send(request.build());
    }
}
