package io.mockpanel.security;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Unique usernames and client addresses: all integration tests share one database, so every test
 * works on accounts and throttle counters of its own.
 */
public final class Unique {

    private Unique() {
    }

    /** A valid username, the prefix followed by a random suffix (at most 40 characters in all). */
    public static String username(String prefix) {
        return prefix + "-" + suffix();
    }

    /** A remote address nobody else uses, so per-address throttling counts only this test's attempts. */
    public static String address() {
        return "test-" + UUID.randomUUID();
    }

    public static String suffix() {
        return Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, Long.MAX_VALUE), 36);
    }
}
