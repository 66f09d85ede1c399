package org.acopi.support.security;

/** A token bucket: {@code capacity} requests at once, refilled at {@code perMinute} a minute. Thread-safe. */
final class TokenBucket {

    private final double capacity;
    private final double perNano;
    private double tokens;
    private long last;

    TokenBucket(int capacity, int perMinute, long now) {
        this.capacity = capacity;
        this.perNano = perMinute / 60e9;
        this.tokens = capacity;
        this.last = now;
    }

    /** Takes one token; false when none is left. */
    synchronized boolean tryTake(long now) {
        tokens = Math.min(capacity, tokens + (now - last) * perNano);
        last = now;
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }

    /** Whole seconds until a token is back. */
    synchronized long secondsUntilNext() {
        return perNano <= 0 ? 60 : Math.max(1, (long) Math.ceil((1 - tokens) / perNano / 1e9));
    }
}
