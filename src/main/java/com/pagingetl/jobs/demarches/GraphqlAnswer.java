package com.pagingetl.jobs.demarches;

import java.util.List;

/**
 * An HTTP 200 answer of the GraphQL endpoint: the raw body (records, cursors and pageInfo are cut from it as
 * bytes) and its {@code errors[]}. One page; dropped once read.
 */
record GraphqlAnswer(byte[] body, List<Error> errors) {

    /** One entry of {@code errors[]}: message, {@code extensions.code} (may be null) and path. */
    record Error(String message, String code, List<String> path) {
        @Override
        public String toString() {
            return (code == null ? "" : code + " ") + (path.isEmpty() ? "" : "at " + String.join(".", path) + " ")
                    + "'" + message.replaceAll("\\s+", " ") + "'";
        }
    }

    /** True when the only errors are {@code timeout}s: the page may be asked again with a smaller {@code first}. */
    boolean timedOut() {
        return !errors.isEmpty() && errors.stream().allMatch(e -> "timeout".equals(e.code()));
    }

    /** True when the API says the object at {@code field} (the query's root field) does not exist: {@code not_found}. */
    boolean notFound(String field) {
        return errors.stream().anyMatch(e -> "not_found".equals(e.code()) && e.path().equals(List.of(field)));
    }

    /** The errors as one line: the first in full, then how many more. */
    String describeErrors() {
        return "GraphQL error " + errors.get(0) + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "");
    }
}
