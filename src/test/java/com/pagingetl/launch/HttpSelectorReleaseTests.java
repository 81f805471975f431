package com.pagingetl.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.Reference;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The selector thread of a JDK HTTP client, which would hold the process's exit for 300 ms, ends when released.
 * Only this test's own client is released: other tests of this JVM may hold clients they still use.
 */
class HttpSelectorReleaseTests {

    @Test
    void findsAClientsSelectorThreadAndEndsIt() {
        List<Thread> before = HttpSelectorRelease.selectorThreads();
        HttpClient client = HttpClient.newHttpClient();
        List<Thread> mine = new ArrayList<>(HttpSelectorRelease.selectorThreads());
        mine.removeAll(before);

        assertThat(mine).hasSize(1);
        assertThat(mine.get(0).isAlive()).isTrue();

        HttpSelectorRelease.end(mine);

        assertThat(mine.get(0).isAlive()).as("selector thread after release").isFalse();
        Reference.reachabilityFence(client);
    }
}
