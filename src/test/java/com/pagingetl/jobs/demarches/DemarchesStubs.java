package com.pagingetl.jobs.demarches;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Response bodies shaped like the real API's, for WireMock stubs. */
final class DemarchesStubs {

    private DemarchesStubs() {
    }

    /** The real cursor format for a dossier updated at second {@code second} of 2024-03-01 10:00 UTC. */
    static String cursor(int second, long id) {
        String plain = String.format("2024-03-01T10:00:%02d.000000000Z;%d", second, id);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    static String node(long number) {
        return "{\"id\":\"" + Base64.getEncoder().encodeToString(("Dossier-" + number).getBytes(StandardCharsets.UTF_8))
                + "\",\"number\":" + number + ",\"state\":\"en_construction\",\"dateDerniereModification\":\"2024-03-01T11:00:00+01:00\"}";
    }

    /** A dossiers page of the given numbers; each edge's cursor is {@code cursor(number % 60, number)}. */
    static String dossiersPage(boolean hasNextPage, long... numbers) {
        return page("dossiers", hasNextPage, numbers);
    }

    static String page(String connection, boolean hasNextPage, long... numbers) {
        List<String> edges = new ArrayList<>();
        String end = null;
        for (long n : numbers) {
            end = cursor((int) (n % 60), n);
            edges.add("{\"cursor\":\"" + end + "\",\"node\":" + node(n) + "}");
        }
        return pageWith(connection, hasNextPage, end, String.join(",", edges));
    }

    static String pageWith(String connection, boolean hasNextPage, String endCursor, String edges) {
        return "{\"data\":{\"demarche\":{\"number\":1001,\"" + connection + "\":{\"pageInfo\":{\"hasNextPage\":" + hasNextPage
                + ",\"endCursor\":" + (endCursor == null ? "null" : "\"" + endCursor + "\"") + "},\"edges\":[" + edges + "]}}}}";
    }

    static String emptyPage(String connection) {
        return pageWith(connection, false, null, "");
    }

    static String error(String message, String code, String path) {
        return "{\"errors\":[{\"message\":\"" + message + "\",\"locations\":[{\"line\":2,\"column\":3}],\"path\":[" + path
                + "],\"extensions\":{\"code\":\"" + code + "\"}}],\"data\":null}";
    }

    static String timeout() {
        return "{\"errors\":[{\"message\":\"Timeout on DossierConnection.edges\",\"path\":[\"demarche\",\"dossiers\",\"edges\"],"
                + "\"extensions\":{\"code\":\"timeout\"}}],\"data\":{\"demarche\":{\"number\":1001,\"dossiers\":"
                + "{\"pageInfo\":{\"hasNextPage\":false,\"endCursor\":null},\"edges\":null}}}}";
    }
}
