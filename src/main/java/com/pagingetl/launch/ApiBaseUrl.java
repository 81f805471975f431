package com.pagingetl.launch;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The start-up check every job makes of its API base URL: absolute, and {@code https} unless it points to this
 * machine. Credentials (keys, signatures, passwords, tokens) go with every request, so plain {@code http} to
 * another host would send them in clear; loopback (127.0.0.0/8, ::1, {@code localhost}) is allowed for the
 * simulators and local tunnels. Host names other than {@code localhost} are not resolved: a name that happens
 * to resolve to loopback today is still refused. Stateless.
 */
public final class ApiBaseUrl {

    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");

    private ApiBaseUrl() {
    }

    /**
     * @param property the property and its environment variable, for the message: {@code "etl.jobs.x.base-url (X_BASE_URL)"}
     * @throws UsageException naming {@code property} when the URL is not absolute http(s) or is plain http to another host
     */
    public static URI require(String value, String property) {
        URI uri;
        try {
            uri = value == null || value.isBlank() ? null : new URI(value.trim());
        } catch (URISyntaxException e) {
            uri = null;
        }
        String scheme = uri == null || uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri == null || uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new UsageException(property + " must be an absolute https:// URL, was '" + value + "'");
        }
        if (scheme.equals("http") && !isLoopback(uri.getHost())) {
            throw new UsageException(property + " must be https:// (credentials would travel in clear); plain http is"
                    + " allowed only to a loopback address (127.0.0.0/8, ::1, localhost), was http://" + uri.getHost());
        }
        return uri;
    }

    public static URI require(URI value, String property) {
        return require(value == null ? null : value.toString(), property);
    }

    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.equals("localhost") || IPV4_LOOPBACK.matcher(h).matches() || h.equals("::1")
                || h.matches("(0{1,4}:){7}0{0,3}1") || h.equals("0:0:0:0:0:0:0:1");
    }
}
