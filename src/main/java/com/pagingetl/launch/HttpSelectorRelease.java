package com.pagingetl.launch;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Ends the selector threads of the JDK HTTP clients a command leaves behind, just before the process exits.
 *
 * <p>HotSpot's exit waits, at its final safepoint, up to 300 ms for every thread that is running native code
 * to come out of it. Each {@code java.net.http.HttpClient} owns a daemon selector thread that waits in
 * {@code epoll_wait}, native code, for as long as the client lives, and Java 17's client has no {@code close()}:
 * so every command that made a request exited 300 ms after its work was done (measured on this machine with
 * {@code strace}: {@code exit_group} 0.30–0.34 s after the last shutdown hook started). The selector loop
 * checks its thread's interrupt flag on every turn and then closes its selector and idle connections, so an
 * interrupt ends it at once.
 *
 * <p>Only for the process's own exit ({@code EtlApplication.main}): a client still in use, as in tests that run
 * commands inside one JVM, would lose its selector.
 */
public final class HttpSelectorRelease {

    /** The JDK's name for a client's selector thread ({@code jdk.internal.net.http.HttpClientImpl}). */
    private static final Pattern SELECTOR = Pattern.compile("HttpClient-\\d+-SelectorManager");
    /** A hang guard only: an interrupted selector thread ends within microseconds. */
    private static final long JOIN_MILLIS = 200;

    private HttpSelectorRelease() {
    }

    /** Interrupts every HTTP client selector thread and waits until each has ended; returns how many there were. */
    public static int release() {
        List<Thread> selectors = selectorThreads();
        end(selectors);
        return selectors.size();
    }

    /** The selector threads of the clients alive in this JVM. */
    static List<Thread> selectorThreads() {
        List<Thread> selectors = new ArrayList<>();
        for (Thread thread : liveThreads()) {
            if (thread != null && thread.isDaemon() && SELECTOR.matcher(thread.getName()).matches()) {
                selectors.add(thread);
            }
        }
        return selectors;
    }

    static void end(List<Thread> selectors) {
        selectors.forEach(Thread::interrupt);
        for (Thread selector : selectors) {
            try {
                selector.join(JOIN_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static Thread[] liveThreads() {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        // enumerate() fills at most the array's length: size it with room for threads started meanwhile.
        Thread[] threads = new Thread[root.activeCount() * 2 + 16];
        root.enumerate(threads, true);
        return threads;
    }
}
