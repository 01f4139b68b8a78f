package dev.paydeck.sandbox.api;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Stripe's test-mode rate limit, per account: a token bucket refilled at {@code paydeck.sandbox.rate-limit}
 * operations per second (0 switches it off). Over the limit, requests get 429 {@code rate_limit}.
 */
@Component
class RateLimiter {

    private final double perSecond;
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimiter(@Value("${paydeck.sandbox.rate-limit:25}") double perSecond) {
        this.perSecond = perSecond;
    }

    void acquire(String accountId) {
        if (perSecond <= 0) {
            return;
        }
        if (!buckets.computeIfAbsent(accountId, id -> new Bucket(perSecond)).tryTake()) {
            throw StripeError.builder(429).code("rate_limit")
                    .message("Too many requests hit the API too quickly. We recommend an exponential backoff of "
                            + "your requests.")
                    .build();
        }
    }

    private static final class Bucket {
        private final double rate;
        private double tokens;
        private long last = System.nanoTime();

        Bucket(double rate) {
            this.rate = rate;
            this.tokens = rate;
        }

        synchronized boolean tryTake() {
            long now = System.nanoTime();
            tokens = Math.min(rate, tokens + (now - last) / 1e9 * rate);
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return true;
            }
            return false;
        }
    }
}
