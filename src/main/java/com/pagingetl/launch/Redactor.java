package com.pagingetl.launch;

import java.util.List;

/** Replaces configured secret values by {@code ***} in text the launcher prints. Immutable. */
final class Redactor {

    private final List<String> secrets;

    Redactor(List<String> secrets) {
        this.secrets = secrets.stream().filter(s -> s != null && s.length() >= 4).toList();
    }

    String clean(String text) {
        String out = text;
        for (String secret : secrets) {
            out = out.replace(secret, "***");
        }
        return out;
    }
}
