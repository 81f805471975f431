package com.pagingetl.launch;

/** Walks an exception's cause chain, stopping at a cause that is its own (some libraries set that). */
public final class Causes {

    private Causes() {
    }

    /** The first of {@code t} and its causes that is a {@code type}, or null. */
    public static <T extends Throwable> T find(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }

    /** The innermost cause of {@code t} ({@code t} itself when it has none). */
    public static Throwable root(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}
