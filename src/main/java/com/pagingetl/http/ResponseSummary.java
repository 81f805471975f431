package com.pagingetl.http;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A short, single-line description of an error body for messages: the API's own {@code type} and
 * {@code message} for JSON, the title of an HTML page, or the first words of plain text. It never
 * copies echoed request fields (Rapid's 401 body repeats the API key and signature there), and every
 * summary passes through {@link Secrets}, since a server's own message may echo a credential too.
 */
public final class ResponseSummary {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern TITLE = Pattern.compile("<title>(.*?)</title>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final int MAX = 200;
    /** An echoed field's value, possibly cut off by the end of a truncated body. */
    private static final Pattern ECHOED_VALUE = Pattern.compile("\"value\"\\s*:\\s*\"(?:[^\"\\\\]|\\\\.)*\"?");

    private ResponseSummary() {
    }

    public static String of(ApiResponse response) {
        return Secrets.redact(redirect(response) + summarize(response));
    }

    /** Redirects are never followed; where one leads tells an operator whether the API moved or a proxy intervenes. */
    private static String redirect(ApiResponse response) {
        if (response.status() / 100 != 3) {
            return "";
        }
        return response.header("Location").map(location -> {
            try {
                return "redirect to " + ApiHttpClient.describeTarget(response.uri().resolve(location.strip()))
                        + ", not followed: credentials go only to the API origin; ";
            } catch (IllegalArgumentException unreadable) {
                return "redirect to an unreadable Location, not followed; ";
            }
        }).orElse("");
    }

    private static String summarize(ApiResponse response) {
        String text = response.bodyText().strip();
        if (text.isEmpty()) {
            return "(empty body)";
        }
        if (text.startsWith("{") || text.startsWith("[")) {
            try {
                return ofJson(JSON.readTree(text));
            } catch (RuntimeException notJson) {
                return "(malformed JSON body: " + clip(ECHOED_VALUE.matcher(text).replaceAll("\"value\":\"***\"")) + ")";
            }
        }
        if (text.toLowerCase(Locale.ROOT).contains("<html") || response.contentType().contains("html")) {
            Matcher m = TITLE.matcher(text);
            return "(HTML page" + (m.find() ? " '" + clip(m.group(1)) + "'" : "") + ")";
        }
        return "(" + clip(text) + ")";
    }

    static String ofJson(JsonNode node) {
        JsonNode first = node.isArray() ? node.path(0) : node;
        if (first.has("errors") && first.get("errors").isArray() && !first.has("type")) {
            first = first.get("errors").path(0);
        }
        StringBuilder sb = new StringBuilder();
        for (String field : new String[] {"type", "code"}) {
            if (first.hasNonNull(field) && first.get(field).isValueNode()) {
                sb.append(first.get(field).asString()).append(": ");
            }
        }
        JsonNode code = first.path("extensions").path("code");
        if (!code.isMissingNode() && !code.isNull()) {
            sb.append(code.asString()).append(": ");
        }
        if (first.hasNonNull("message")) {
            sb.append(first.get("message").asString());
        } else if (sb.isEmpty()) {
            return "(JSON body without a message)";
        }
        return clip(sb.toString().replaceAll(":\\s*$", ""));
    }

    private static String clip(String s) {
        String oneLine = s.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= MAX ? oneLine : oneLine.substring(0, MAX) + "...";
    }
}
