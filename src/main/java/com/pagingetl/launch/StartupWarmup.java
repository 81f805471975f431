package com.pagingetl.launch;

import java.security.NoSuchAlgorithmException;

import javax.net.ssl.SSLContext;

/**
 * Start-up work that needs nothing from the Spring context, done on a background thread while the context
 * starts (which takes one core) rather than after it: the JDK's default TLS context, whose trust store (about
 * 150 certificates) is read and parsed when the job's HTTP client is built, even for an {@code http://}
 * simulator. The client then finds it ready; if it gets there first it waits for the same initialisation,
 * never doing it twice. A failure here is left to the client's own call, which reports it.
 */
public final class StartupWarmup {

    private StartupWarmup() {
    }

    /** Starts the warm-up on a daemon thread and returns at once. */
    public static void start() {
        Thread thread = new Thread(StartupWarmup::warm, "startup-warmup");
        thread.setDaemon(true);
        thread.start();
    }

    private static void warm() {
        try {
            SSLContext.getDefault();
        } catch (NoSuchAlgorithmException | RuntimeException e) {
            // The HTTP client asks again when it is built and fails with its own message.
        }
    }
}
