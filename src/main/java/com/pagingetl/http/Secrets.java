package com.pagingetl.http;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Every credential-derived value of this process, and the one place that removes them from text: messages
 * built from a server's answer (an error body may echo what was sent), exception messages and log lines.
 * Values are registered where they come into being: configured keys, shared secrets, passwords and tokens
 * when a client is built, a token obtained at login when it arrives, each request signature when it is
 * computed. Signatures change with every request, so only the most recent {@value #RECENT} are kept by value;
 * older ones, and values this process never saw, are caught by pattern ({@code Signature=<hex>},
 * {@code APIKey=...}, {@code Bearer <token>}).
 *
 * <p>Process-wide and thread-safe: log appenders and exceptions cannot be handed an instance. Values shorter
 * than {@value #MIN_LENGTH} characters are ignored, since replacing them would mangle ordinary text.
 */
public final class Secrets {

    public static final String MASK = "***";
    static final int MIN_LENGTH = 4;
    static final int RECENT = 64;

    private static final Pattern PATTERNS = Pattern.compile(
            "(?i)(Signature=)[0-9a-f]{16,}|(APIKey=)[^,;\\s\"'&]+|(Bearer\\s+)[A-Za-z0-9._~+/=-]+");

    private static final Set<String> VALUES = ConcurrentHashMap.newKeySet();
    private static final Deque<String> RECENT_VALUES = new ArrayDeque<>();

    private Secrets() {
    }

    /** A value that stays secret for the life of the process: a key, a password, a token. Null is ignored. */
    public static void register(String value) {
        if (value != null && value.strip().length() >= MIN_LENGTH) {
            VALUES.add(value.strip());
        }
    }

    /** A value made for one request (a signature): kept among the most recent ones only. */
    public static void registerRecent(String value) {
        if (value == null || value.length() < MIN_LENGTH) {
            return;
        }
        synchronized (RECENT_VALUES) {
            RECENT_VALUES.addLast(value);
            if (RECENT_VALUES.size() > RECENT) {
                RECENT_VALUES.removeFirst();
            }
        }
    }

    /** {@code text} with every registered value and every credential-shaped fragment replaced by {@value #MASK}. */
    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (String value : VALUES) {
            out = out.replace(value, MASK);
        }
        List<String> recent;
        synchronized (RECENT_VALUES) {
            recent = List.copyOf(RECENT_VALUES);
        }
        for (String value : recent) {
            out = out.replace(value, MASK);
        }
        return PATTERNS.matcher(out).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(
                (m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3)) + MASK));
    }

    /**
     * {@code cause}, or when its message or that of a cause below it holds a secret, a stand-in with the redacted
     * messages and the same stack traces: exceptions are printed whole into the log file and the job repository.
     */
    public static Throwable scrub(Throwable cause) {
        if (cause == null || clean(cause)) {
            return cause;
        }
        return new Redacted(cause);
    }

    private static boolean clean(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            String m = c.getMessage();
            if (m != null && !m.equals(redact(m))) {
                return false;
            }
        }
        return true;
    }

    /** Stands in for an exception whose message held a secret: its class name, its redacted message, its stack. */
    static final class Redacted extends RuntimeException {
        Redacted(Throwable original) {
            super(original.getClass().getName() + (original.getMessage() == null ? "" : ": " + redact(original.getMessage())),
                    scrub(original.getCause() == original ? null : original.getCause()), false, true);
            setStackTrace(original.getStackTrace());
        }

        @Override
        public String toString() {
            return getMessage();
        }
    }
}
