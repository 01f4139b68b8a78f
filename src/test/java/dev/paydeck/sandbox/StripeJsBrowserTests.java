package dev.paydeck.sandbox;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.stripe.StripeClient;
import com.stripe.model.PaymentIntent;
import com.stripe.param.PaymentIntentCreateParams;
import dev.paydeck.sandbox.api.SandboxAccounts;
import dev.paydeck.support.BrowserTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A customer paying on the checkout demo page through the sandbox's Stripe.js, with Stripe's test cards: what they
 * see in the browser, and what the PaymentIntent says afterwards when the merchant asks with stripe-java.
 */
class StripeJsBrowserTests extends BrowserTest {

    private static final Pattern COMPLETE_PAGE = Pattern.compile(".*/sandbox/checkout-demo/complete\\?.*");

    @Autowired
    SandboxAccounts accounts;

    private StripeClient merchant;
    private final List<String> apiCalls = new CopyOnWriteArrayList<>();

    @BeforeEach
    void merchantAndNetworkLog() {
        merchant = StripeClient.builder().setApiKey(accounts.defaultAccount().secretKey())
                .setApiBase(url("/sandbox")).build();
        page.onRequest(request -> {
            if (request.url().contains("/sandbox/v1/")) {
                apiCalls.add(request.method() + " " + request.url());
            }
        });
    }

    @Test
    void payingWithTheSuccessCardLandsOnTheSuccessPage() throws Exception {
        openCheckout("/sandbox/checkout-demo?amount=2500&currency=eur");
        String intentId = shownIntentId();
        assertThat(page.locator("#amount-due")).hasText("25.00 EUR");

        fillCard("4242424242424242", "12 / 34", "123", "10115");
        pay();

        assertThat(page).hasURL(COMPLETE_PAGE);
        assertThat(page.locator("h1")).hasText("Payment succeeded");
        assertThat(page.locator("#payment-status")).hasText("succeeded");
        assertThat(page.locator("#payment-intent-id")).hasText(intentId);
        assertThat(page.locator("#redirect-status")).hasText("succeeded");

        PaymentIntent intent = merchant.v1().paymentIntents().retrieve(intentId);
        org.assertj.core.api.Assertions.assertThat(intent.getStatus()).isEqualTo("succeeded");
        org.assertj.core.api.Assertions.assertThat(intent.getAmountReceived()).isEqualTo(2500L);
        org.assertj.core.api.Assertions.assertThat(intent.getPaymentMethod()).startsWith("pm_");
    }

    @Test
    void theCardNumberIsSpacedAndItsBrandShown() {
        openCheckout("/sandbox/checkout-demo");
        Locator number = page.getByLabel("Card number");

        number.pressSequentially("4242424242424242");
        assertThat(number).hasValue("4242 4242 4242 4242");
        assertThat(page.locator("#payment-element .sbx-brand")).hasText("Visa");

        number.fill("378282246310005");
        assertThat(number).hasValue("3782 822463 10005");
        assertThat(page.locator("#payment-element .sbx-brand")).hasText("American Express");

        page.getByLabel("Expiration date").pressSequentially("1234");
        assertThat(page.getByLabel("Expiration date")).hasValue("12 / 34");
    }

    @Test
    void aDeclinedCardShowsStripesMessageAndTheIntentWaitsForAnotherCard() throws Exception {
        openCheckout("/sandbox/checkout-demo");
        String intentId = shownIntentId();

        fillCard("4000000000000002", "12 / 34", "123", "10115");
        pay();

        assertThat(page.locator("#payment-message")).hasText("Your card was declined.");
        assertThat(page).hasURL(Pattern.compile(".*/sandbox/checkout-demo(\\?.*)?$"));
        assertThat(page.locator("#submit")).isEnabled();

        PaymentIntent intent = merchant.v1().paymentIntents().retrieve(intentId);
        org.assertj.core.api.Assertions.assertThat(intent.getStatus()).isEqualTo("requires_payment_method");
        org.assertj.core.api.Assertions.assertThat(intent.getLastPaymentError().getDeclineCode())
                .isEqualTo("generic_decline");

        // The customer tries again with a good card on the same page and the same PaymentIntent.
        fillCard("4242424242424242", "12 / 34", "123", "10115");
        pay();
        assertThat(page.locator("h1")).hasText("Payment succeeded");
        org.assertj.core.api.Assertions.assertThat(merchant.v1().paymentIntents().retrieve(intentId).getStatus())
                .isEqualTo("succeeded");
    }

    @Test
    void threeDSecureChallengeCompletedSucceeds() throws Exception {
        openCheckout("/sandbox/checkout-demo");
        String intentId = shownIntentId();

        fillCard("4000002500003155", "12 / 34", "123", "10115");
        pay();

        assertThat(page).hasURL(Pattern.compile(".*/sandbox/3ds/" + intentId + ".*"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("^Complete"))).click();

        assertThat(page).hasURL(COMPLETE_PAGE);
        assertThat(page.locator("h1")).hasText("Payment succeeded");
        assertThat(page.locator("#redirect-status")).hasText("succeeded");
        org.assertj.core.api.Assertions.assertThat(merchant.v1().paymentIntents().retrieve(intentId).getStatus())
                .isEqualTo("succeeded");
    }

    @Test
    void threeDSecureChallengeFailedShowsTheFailure() throws Exception {
        openCheckout("/sandbox/checkout-demo");
        String intentId = shownIntentId();

        fillCard("4000002500003155", "12 / 34", "123", "10115");
        pay();

        assertThat(page).hasURL(Pattern.compile(".*/sandbox/3ds/" + intentId + ".*"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("^Fail"))).click();

        assertThat(page).hasURL(COMPLETE_PAGE);
        assertThat(page.locator("h1")).hasText("Payment failed");
        assertThat(page.locator("#redirect-status")).hasText("failed");
        assertThat(page.locator("#payment-status")).hasText("requires_payment_method");
        org.assertj.core.api.Assertions.assertThat(merchant.v1().paymentIntents().retrieve(intentId).getStatus())
                .isEqualTo("requires_payment_method");
    }

    @Test
    void invalidFieldsAreFlaggedInlineAndNothingIsSent() {
        openCheckout("/sandbox/checkout-demo");
        Locator number = page.getByLabel("Card number");
        Locator numberError = page.locator("#payment-element [data-field=number] .sbx-error");

        number.fill("4242 4242");
        page.getByLabel("Security code").focus();
        assertThat(numberError).hasText("Your card number is incomplete.");
        assertThat(number).hasAttribute("aria-invalid", "true");

        number.fill("4242 4242 4242 4241");
        assertThat(numberError).hasText("Your card number is invalid.");

        number.fill("4242 4242 4242 4242");
        assertThat(numberError).isHidden();
        page.getByLabel("Expiration date").fill("01 / 20");
        assertThat(page.locator("#payment-element [data-field=expiry] .sbx-error"))
                .hasText("Your card's expiration year is in the past.");
        page.getByLabel("Expiration date").fill("12 / 34");

        page.getByLabel("Security code").fill("12");
        pay();
        assertThat(page.locator("#payment-element [data-field=cvc] .sbx-error"))
                .hasText("Your card's security code is incomplete.");
        assertThat(page.locator("#payment-element [data-field=postalCode] .sbx-error"))
                .hasText("Your postal code is incomplete.");
        assertThat(page.getByLabel("Security code")).isFocused();
        assertThat(page).hasURL(Pattern.compile(".*/sandbox/checkout-demo(\\?.*)?$"));
        org.assertj.core.api.Assertions.assertThat(apiCalls).isEmpty();
    }

    @Test
    void withRedirectIfRequiredThePageGetsThePaymentIntent() throws Exception {
        openCheckout("/sandbox/checkout-demo?redirect=if_required");
        String intentId = shownIntentId();

        fillCard("4242424242424242", "12 / 34", "123", "10115");
        pay();

        assertThat(page.locator("#payment-result")).hasText("Payment succeeded: " + intentId);
        assertThat(page).hasURL(Pattern.compile(".*/sandbox/checkout-demo\\?redirect=if_required$"));
        org.assertj.core.api.Assertions.assertThat(merchant.v1().paymentIntents().retrieve(intentId).getStatus())
                .isEqualTo("succeeded");
    }

    @Test
    void confirmCardPaymentAuthenticatesInADialogOverThePage() throws Exception {
        openCheckout("/sandbox/checkout-demo?integration=card");
        String intentId = shownIntentId();

        fillCard("4000002500003155", "12 / 34", "123", "10115");
        pay();

        Locator dialog = page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("3D Secure authentication"));
        assertThat(dialog).isVisible();
        assertThat(dialog).containsText("$20.00");
        assertThat(page).hasURL(Pattern.compile(".*/sandbox/checkout-demo\\?integration=card$"));
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Complete authentication")).click();

        assertThat(page).hasURL(COMPLETE_PAGE);
        assertThat(page.locator("h1")).hasText("Payment succeeded");
        org.assertj.core.api.Assertions.assertThat(merchant.v1().paymentIntents().retrieve(intentId).getStatus())
                .isEqualTo("succeeded");
    }

    @Test
    void confirmCardPaymentWithAFailedChallengeReportsTheError() throws Exception {
        openCheckout("/sandbox/checkout-demo?integration=card");
        String intentId = shownIntentId();

        fillCard("4000002500003155", "12 / 34", "123", "10115");
        pay();

        Locator dialog = page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("3D Secure authentication"));
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Fail authentication")).click();

        assertThat(page.getByRole(AriaRole.DIALOG)).hasCount(0);
        assertThat(page.locator("#payment-message")).hasText("We are unable to authenticate your payment method. "
                + "Please choose a different payment method and try again.");
        org.assertj.core.api.Assertions.assertThat(merchant.v1().paymentIntents().retrieve(intentId).getStatus())
                .isEqualTo("requires_payment_method");
    }

    @Test
    void theCardElementReportsErrorsThroughItsChangeEvent() {
        openCheckout("/sandbox/checkout-demo?integration=card");

        page.getByLabel("Card number").fill("4000 0000 0000 0001");
        assertThat(page.locator("#payment-message")).hasText("Your card number is invalid.");
        assertThat(page.locator("#payment-element")).hasClass(Pattern.compile(".*StripeElement--invalid.*"));

        page.getByLabel("Card number").fill("4000 0000 0000 0002");
        assertThat(page.locator("#payment-message")).hasText("");
        pay();
        assertThat(page.locator("#payment-message")).hasText("Your card's expiration date is incomplete.");
        org.assertj.core.api.Assertions.assertThat(apiCalls).isEmpty();
    }

    @Test
    void handleNextActionAuthenticatesAnIntentConfirmedOnTheServer() throws Exception {
        PaymentIntent intent = merchant.v1().paymentIntents().create(PaymentIntentCreateParams.builder()
                .setAmount(1500L).setCurrency("usd").setPaymentMethod("pm_card_authenticationRequired")
                .addPaymentMethodType("card").setConfirm(true).build());
        org.assertj.core.api.Assertions.assertThat(intent.getStatus()).isEqualTo("requires_action");
        org.assertj.core.api.Assertions.assertThat(intent.getNextAction().getType()).isEqualTo("use_stripe_sdk");
        page.navigate("/sandbox/checkout-demo");
        String publishableKey = accounts.defaultAccount().publishableKey();

        Object retrieved = page.evaluate("([pk, secret]) => Stripe(pk).retrievePaymentIntent(secret)"
                + ".then(r => [r.paymentIntent.id, r.paymentIntent.status])",
                List.of(publishableKey, intent.getClientSecret()));
        org.assertj.core.api.Assertions.assertThat(retrieved).isEqualTo(List.of(intent.getId(), "requires_action"));

        page.evaluate("([pk, secret]) => { Stripe(pk).handleNextAction({clientSecret: secret})"
                + ".then(r => { window.handled = r; }); }", List.of(publishableKey, intent.getClientSecret()));
        Locator dialog = page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("3D Secure authentication"));
        assertThat(dialog).containsText("$15.00");
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Complete authentication")).click();

        page.waitForFunction("() => window.handled !== undefined");
        org.assertj.core.api.Assertions.assertThat(page.evaluate("() => window.handled.paymentIntent.status"))
                .isEqualTo("succeeded");
        org.assertj.core.api.Assertions.assertThat(page.evaluate("() => window.handled.error")).isNull();
        org.assertj.core.api.Assertions.assertThat(merchant.v1().paymentIntents().retrieve(intent.getId()).getStatus())
                .isEqualTo("succeeded");
    }

    @Test
    void retrievingWithAWrongClientSecretAnswersStripesError() {
        page.navigate("/sandbox/checkout-demo");
        Object error = page.evaluate("pk => Stripe(pk).retrievePaymentIntent('pi_123456789_secret_nope')"
                + ".then(r => [r.error.type, r.paymentIntent === undefined])",
                accounts.defaultAccount().publishableKey());
        org.assertj.core.api.Assertions.assertThat(error).isEqualTo(List.of("invalid_request_error", true));
    }

    @Test
    void theScriptIsServedAsJavaScriptWithItsApiBaseFromItsOwnAddress() {
        var response = get("/sandbox/js/v3", "*/*");
        org.assertj.core.api.Assertions.assertThat(response.statusCode()).isEqualTo(200);
        org.assertj.core.api.Assertions.assertThat(response.headers().firstValue("Content-Type").orElseThrow())
                .startsWith("application/javascript");

        page.navigate(url("/sandbox/test-cards").replace("localhost", "127.0.0.1"));
        page.addScriptTag(new Page.AddScriptTagOptions().setUrl("/sandbox/js/v3"));
        org.assertj.core.api.Assertions.assertThat(page.evaluate("() => Stripe.sandbox.apiBase"))
                .isEqualTo("http://127.0.0.1:" + port + "/sandbox/v1");
        org.assertj.core.api.Assertions.assertThat(page.evaluate(
                "() => { try { Stripe('sk_test_123'); return 'accepted'; } catch (e) { return e.name; } }"))
                .isEqualTo("IntegrationError");
    }

    /**
     * Opens the checkout demo; the merchant is then the account it charges (the sandbox's default account, or the Demo
     * Shop's when the run has made one: its publishable key is in the page).
     */
    private void openCheckout(String path) {
        page.navigate(path);
        assertThat(page.locator("#demo-problem")).hasCount(0);
        assertThat(page.locator("#submit")).isEnabled();
        String charged = page.locator("#payment-form").getAttribute("data-publishable-key");
        merchant = StripeClient.builder().setApiKey(accounts.byKey(charged).orElseThrow().secretKey())
                .setApiBase(url("/sandbox")).build();
    }

    private String shownIntentId() {
        return page.locator("#payment-form").getAttribute("data-payment-intent");
    }

    private void fillCard(String number, String expiry, String cvc, String postalCode) {
        page.getByLabel("Card number").fill(number);
        page.getByLabel("Expiration date").fill(expiry);
        page.getByLabel("Security code").fill(cvc);
        page.getByLabel("Postal code").fill(postalCode);
    }

    private void pay() {
        page.locator("#submit").click();
    }
}
