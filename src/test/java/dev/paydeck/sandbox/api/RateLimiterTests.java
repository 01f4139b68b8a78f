package dev.paydeck.sandbox.api;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RateLimiterTests {

    @Test
    void aBurstOverTheRateIsRefusedAsStripeRefusesItWhileOtherAccountsGoOn() {
        RateLimiter limiter = new RateLimiter(3);
        for (int i = 0; i < 3; i++) {
            limiter.acquire("acct_busy");
        }

        StripeError refused = catchThrowableOfType(StripeError.class, () -> limiter.acquire("acct_busy"));

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.code()).isEqualTo("rate_limit");
        assertThatNoException().isThrownBy(() -> limiter.acquire("acct_quiet"));
    }

    @Test
    void theAllowanceComesBackWithTime() throws InterruptedException {
        RateLimiter limiter = new RateLimiter(20);
        for (int i = 0; i < 20; i++) {
            limiter.acquire("acct_1");
        }

        Thread.sleep(200);

        assertThatNoException().isThrownBy(() -> limiter.acquire("acct_1"));
    }

    @Test
    void zeroSwitchesItOff() {
        RateLimiter limiter = new RateLimiter(0);

        assertThatNoException().isThrownBy(() -> {
            for (int i = 0; i < 1_000; i++) {
                limiter.acquire("acct_1");
            }
        });
    }
}
