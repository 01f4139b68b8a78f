package dev.paydeck.sandbox;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.stripe.StripeClient;
import com.stripe.exception.CardException;
import com.stripe.model.PaymentIntent;
import com.stripe.model.SetupIntent;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.SetupIntentCreateParams;
import dev.paydeck.sandbox.api.SandboxAccounts;
import dev.paydeck.support.BrowserTest;
import dev.paydeck.support.PaymentElement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A customer saving a card on the setup demo page through the sandbox's Stripe.js (the Payment Element in setup
 * mode, {@code stripe.confirmSetup}), with Stripe's test cards and the 3-D Secure challenge; then what the merchant
 * sees with stripe-java, and what an off-session payment with the saved card does.
 */
class StripeJsSetupBrowserTests extends BrowserTest {

    private static final Pattern COMPLETE_PAGE = Pattern.compile(".*/sandbox/setup-demo/complete\\?.*");

    @Autowired
    SandboxAccounts accounts;

    private StripeClient merchant;

    @BeforeEach
    void merchant() {
        merchant = StripeClient.builder().setApiKey(accounts.defaultAccount().secretKey())
                .setApiBase(url("/sandbox")).build();
    }

    @Test
    void theSuccessCardIsSavedToTheCustomerAndPaysOffSession() throws Exception {
        openSetup("/sandbox/setup-demo");
        String intentId = shown("data-setup-intent");
        String customer = shown("data-customer");

        fillCard("4242424242424242");
        save();

        assertThat(page).hasURL(COMPLETE_PAGE);
        assertThat(page.locator("h1")).hasText("Card saved");
        assertThat(page.locator("#setup-intent-id")).hasText(intentId);
        assertThat(page.locator("#setup-status")).hasText("succeeded");
        assertThat(page.locator("#setup-card")).hasText("visa •••• 4242");
        assertThat(page.locator("#redirect-status")).hasText("succeeded");

        SetupIntent intent = merchant.v1().setupIntents().retrieve(intentId);
        org.assertj.core.api.Assertions.assertThat(intent.getStatus()).isEqualTo("succeeded");
        org.assertj.core.api.Assertions.assertThat(merchant.v1().paymentMethods().retrieve(intent.getPaymentMethod())
                .getCustomer()).isEqualTo(customer);
        org.assertj.core.api.Assertions.assertThat(offSessionPayment(customer, intent.getPaymentMethod()).getStatus())
                .isEqualTo("succeeded");
    }

    @Test
    void aCardThatAsksForAuthenticationIsSavedAfterTheChallengeAndThenPaysOffSession() throws Exception {
        openSetup("/sandbox/setup-demo");
        String intentId = shown("data-setup-intent");
        String customer = shown("data-customer");

        fillCard("4000002500003155");
        save();

        assertThat(page).hasURL(Pattern.compile(".*/sandbox/3ds/" + intentId + ".*"));
        assertThat(page.locator("main")).containsText("Card setup");
        assertThat(page.locator("main")).containsText("visa •••• 3155");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("^Complete"))).click();

        assertThat(page).hasURL(COMPLETE_PAGE);
        assertThat(page.locator("h1")).hasText("Card saved");
        assertThat(page.locator("#redirect-status")).hasText("succeeded");
        SetupIntent intent = merchant.v1().setupIntents().retrieve(intentId);
        org.assertj.core.api.Assertions.assertThat(intent.getStatus()).isEqualTo("succeeded");
        org.assertj.core.api.Assertions.assertThat(offSessionPayment(customer, intent.getPaymentMethod()).getStatus())
                .isEqualTo("succeeded");
    }

    @Test
    void aFailedChallengeSavesNothing() throws Exception {
        openSetup("/sandbox/setup-demo");
        String intentId = shown("data-setup-intent");
        String customer = shown("data-customer");

        fillCard("4000002760003184");
        save();

        assertThat(page).hasURL(Pattern.compile(".*/sandbox/3ds/" + intentId + ".*"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("^Fail"))).click();

        assertThat(page).hasURL(COMPLETE_PAGE);
        assertThat(page.locator("h1")).hasText("Card not saved");
        assertThat(page.locator("#redirect-status")).hasText("failed");
        assertThat(page.locator("#setup-status")).hasText("requires_payment_method");
        assertThat(page.locator("#setup-failure")).hasText("We are unable to authenticate your payment method. "
                + "Please choose a different payment method and try again.");
        SetupIntent intent = merchant.v1().setupIntents().retrieve(intentId);
        org.assertj.core.api.Assertions.assertThat(intent.getLastSetupError().getCode())
                .isEqualTo("setup_intent_authentication_failure");
        org.assertj.core.api.Assertions.assertThat(merchant.v1().customers().paymentMethods().list(customer)
                .getData()).isEmpty();
    }

    @Test
    void aDeclinedCardShowsStripesMessageOnThePage() throws Exception {
        openSetup("/sandbox/setup-demo");
        String intentId = shown("data-setup-intent");

        fillCard("4000000000000002");
        save();

        assertThat(page.locator("#setup-message")).hasText("Your card was declined.");
        assertThat(page).hasURL(Pattern.compile(".*/sandbox/setup-demo$"));
        org.assertj.core.api.Assertions.assertThat(merchant.v1().setupIntents().retrieve(intentId).getStatus())
                .isEqualTo("requires_payment_method");
    }

    @Test
    void confirmCardSetupAuthenticatesInADialogOverThePage() throws Exception {
        openSetup("/sandbox/setup-demo?integration=card");
        String intentId = shown("data-setup-intent");
        String customer = shown("data-customer");

        fillCard("4000002760003184");
        save();

        Locator dialog = page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions()
                .setName("3D Secure authentication"));
        assertThat(dialog).isVisible();
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Complete authentication")).click();

        assertThat(page).hasURL(COMPLETE_PAGE);
        assertThat(page.locator("h1")).hasText("Card saved");
        SetupIntent intent = merchant.v1().setupIntents().retrieve(intentId);
        org.assertj.core.api.Assertions.assertThat(intent.getStatus()).isEqualTo("succeeded");
        // This card asks for authentication on every payment: off-session, the customer is not there to give it.
        assertThatThrownBy(() -> offSessionPayment(customer, intent.getPaymentMethod()))
                .isInstanceOfSatisfying(CardException.class, error -> org.assertj.core.api.Assertions
                        .assertThat(error.getCode()).isEqualTo("authentication_required"));
    }

    @Test
    void elementsInSetupModeConfirmAnIntentCreatedAfterwards() throws Exception {
        // A page with the script and nothing else mounted: the checkout demo refusing a bad amount.
        page.navigate("/sandbox/checkout-demo?amount=0");
        assertThat(page.locator("#demo-problem")).isVisible();
        String publishableKey = accounts.defaultAccount().publishableKey();
        page.evaluate("pk => { window.stripe = Stripe(pk);"
                + " window.setupElements = stripe.elements({mode: 'setup', currency: 'usd'});"
                + " const host = document.createElement('div'); host.id = 'deferred-element';"
                + " document.querySelector('main').appendChild(host);"
                + " setupElements.create('payment').mount('#deferred-element'); }", publishableKey);
        fillCard("4242424242424242");
        // The card was collected first; the server makes the SetupIntent now, as in Stripe's deferred flow.
        String customer = merchant.v1().customers().create(CustomerCreateParams.builder().build()).getId();
        SetupIntent created = merchant.v1().setupIntents().create(SetupIntentCreateParams.builder()
                .setCustomer(customer).build());

        Object result = page.evaluate("secret => stripe.confirmSetup({elements: setupElements, clientSecret: secret,"
                + " confirmParams: {return_url: location.href}, redirect: 'if_required'})"
                + ".then(r => [r.setupIntent.id, r.setupIntent.status])", created.getClientSecret());

        org.assertj.core.api.Assertions.assertThat(result).isEqualTo(List.of(created.getId(), "succeeded"));
        Object retrieved = page.evaluate("secret => stripe.retrieveSetupIntent(secret)"
                + ".then(r => [r.setupIntent.status, r.setupIntent.payment_method !== null])",
                created.getClientSecret());
        org.assertj.core.api.Assertions.assertThat(retrieved).isEqualTo(List.of("succeeded", true));
        Object mixedUp = page.evaluate("secret => stripe.confirmPayment({elements: setupElements,"
                + " clientSecret: secret, redirect: 'if_required'}).then(() => 'accepted', e => e.name)",
                created.getClientSecret());
        org.assertj.core.api.Assertions.assertThat(mixedUp).isEqualTo("IntegrationError");
        org.assertj.core.api.Assertions.assertThat(merchant.v1().customers().paymentMethods().list(customer)
                .getData()).hasSize(1);
    }

    private PaymentIntent offSessionPayment(String customer, String paymentMethod) throws Exception {
        return merchant.v1().paymentIntents().create(PaymentIntentCreateParams.builder().setAmount(1500L)
                .setCurrency("usd").addPaymentMethodType("card").setCustomer(customer)
                .setPaymentMethod(paymentMethod).setOffSession(true).setConfirm(true).build());
    }

    private void openSetup(String path) {
        page.navigate(path);
        assertThat(page.locator("#demo-problem")).hasCount(0);
        assertThat(page.locator("#submit")).isEnabled();
    }

    private String shown(String attribute) {
        return page.locator("#setup-form").getAttribute(attribute);
    }

    private void fillCard(String number) {
        PaymentElement.fillCard(page, number);
    }

    private void save() {
        page.locator("#submit").click();
    }
}
