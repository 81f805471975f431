package com.pagingetl.launch;

import java.util.List;

import com.pagingetl.http.Secrets;

/**
 * Replaces secret values by {@code ***} in text the launcher prints: the job's configured secrets, which it
 * also registers with {@link Secrets}, and everything else {@link Secrets} knows (tokens from a login,
 * request signatures, credential-shaped fragments). Immutable.
 */
final class Redactor {

    private final List<String> secrets;

    Redactor(List<String> secrets) {
        this.secrets = secrets.stream().filter(s -> s != null && s.length() >= 4).toList();
        this.secrets.forEach(Secrets::register);
    }

    String clean(String text) {
        String out = text;
        for (String secret : secrets) {
            out = out.replace(secret, "***");
        }
        return Secrets.redact(out);
    }
}
