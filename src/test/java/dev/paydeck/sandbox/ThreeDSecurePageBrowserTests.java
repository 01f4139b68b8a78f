package dev.paydeck.sandbox;

import com.stripe.StripeClient;
import com.stripe.model.PaymentIntent;
import com.stripe.param.PaymentIntentCreateParams;
import dev.paydeck.support.BrowserTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

class ThreeDSecurePageBrowserTests extends BrowserTest {

    private StripeClient stripe;

    @BeforeEach
    void sandboxAccount() {
        var response = send(request("/sandbox/accounts?name=browser").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.noBody()));
        stripe = StripeClient.builder().setApiKey(json(response).get("secret_key").asString())
                .setApiBase(url("/sandbox")).build();
    }

    private PaymentIntent challenged() throws Exception {
        return stripe.v1().paymentIntents().create(PaymentIntentCreateParams.builder().setAmount(4200L)
                .setCurrency("usd").addPaymentMethodType("card").setPaymentMethod("pm_card_threeDSecure2Required")
                .setConfirm(true).setReturnUrl(url("/sandbox/test-cards?from=3ds")).build());
    }

    @Test
    void completingTheChallengeReturnsToTheShopWithASucceededPayment() throws Exception {
        PaymentIntent intent = challenged();

        page.navigate(intent.getNextAction().getRedirectToUrl().getUrl());
        assertThat(page.locator("h1")).hasText("3D Secure authentication");
        assertThat(page.getByTestId("amount")).hasText("$42.00 USD");
        page.getByText("Complete authentication").click();

        page.waitForURL(url -> url.contains("redirect_status="));
        org.assertj.core.api.Assertions.assertThat(page.url()).startsWith(url("/sandbox/test-cards?from=3ds"))
                .contains("payment_intent=" + intent.getId()).endsWith("redirect_status=succeeded");
        org.assertj.core.api.Assertions.assertThat(stripe.v1().paymentIntents().retrieve(intent.getId())
                .getStatus()).isEqualTo("succeeded");
    }

    @Test
    void failingTheChallengeReturnsWithAFailedStatus() throws Exception {
        PaymentIntent intent = challenged();

        page.navigate(intent.getNextAction().getRedirectToUrl().getUrl());
        page.getByText("Fail authentication").click();

        page.waitForURL(url -> url.contains("redirect_status="));
        org.assertj.core.api.Assertions.assertThat(page.url()).endsWith("redirect_status=failed");
        PaymentIntent after = stripe.v1().paymentIntents().retrieve(intent.getId());
        org.assertj.core.api.Assertions.assertThat(after.getStatus()).isEqualTo("requires_payment_method");
        org.assertj.core.api.Assertions.assertThat(after.getLastPaymentError().getCode())
                .isEqualTo("payment_intent_authentication_failure");

        page.navigate(intent.getNextAction().getRedirectToUrl().getUrl());
        assertThat(page.getByTestId("status")).containsText("requires_payment_method");
    }
}
