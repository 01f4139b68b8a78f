package dev.paydeck.platform.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The pay pages' policy lets the Stripe.js of the Stripe-compatible server Paydeck is pointed at load and work. */
class PayPagesPolicyTests {

    @Test
    void withoutAnotherServerThePolicyIsStripesAndThisOrigins() {
        assertThat(PayPagesPolicy.policy("")).isEqualTo(SecurityConfiguration.PAY_CONTENT_SECURITY_POLICY);
        assertThat(PayPagesPolicy.policy("not an address"))
                .isEqualTo(SecurityConfiguration.PAY_CONTENT_SECURITY_POLICY);
    }

    @Test
    void anotherServersOriginMayServeTheScriptAnswerItsCallsAndFrameItsChallenge() {
        String policy = PayPagesPolicy.policy("http://127.0.0.1:12111/sandbox/");
        assertThat(policy).contains("script-src 'self' https://js.stripe.com http://127.0.0.1:12111;",
                "connect-src 'self' https://api.stripe.com http://127.0.0.1:12111;",
                "frame-src 'self' https://js.stripe.com https://hooks.stripe.com http://127.0.0.1:12111;",
                "default-src 'self';", "frame-ancestors 'none';", "form-action 'self';");
        assertThat(PayPagesPolicy.policy("https://stripe-mock.example.com/v1")).contains(
                "script-src 'self' https://js.stripe.com https://stripe-mock.example.com;");
    }
}
