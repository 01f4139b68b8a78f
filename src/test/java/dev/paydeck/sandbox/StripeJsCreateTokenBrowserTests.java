package dev.paydeck.sandbox;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.stripe.StripeClient;
import com.stripe.exception.CardException;
import com.stripe.model.Charge;
import com.stripe.param.ChargeCreateParams;
import dev.paydeck.sandbox.api.SandboxAccounts;
import dev.paydeck.support.BrowserTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The legacy card flow in the browser: a Card Element and {@code stripe.createToken} in the sandbox's Stripe.js make
 * a {@code tok_...}, which the merchant's server then charges with stripe-java ({@code POST /v1/charges},
 * {@code source}), as integrations from before PaymentIntents still do.
 */
class StripeJsCreateTokenBrowserTests extends BrowserTest {

    @Autowired
    SandboxAccounts accounts;

    private StripeClient merchant;
    private final List<String> apiCalls = new CopyOnWriteArrayList<>();

    @BeforeEach
    void merchantAndCardElement() {
        merchant = StripeClient.builder().setApiKey(accounts.defaultAccount().secretKey())
                .setApiBase(url("/sandbox")).build();
        page.onRequest(request -> {
            if (request.url().contains("/sandbox/v1/")) {
                apiCalls.add(request.method() + " " + request.url());
            }
        });
        page.navigate("/sandbox/test-cards");
        page.addScriptTag(new Page.AddScriptTagOptions().setUrl("/sandbox/js/v3"));
        page.evaluate("pk => { window.tokenStripe = Stripe(pk); const box = document.createElement('div');"
                + " box.id = 'token-card'; document.body.prepend(box);"
                + " window.tokenCard = window.tokenStripe.elements().create('card');"
                + " window.tokenCard.mount('#token-card'); }", accounts.defaultAccount().publishableKey());
    }

    private void fillCard(String number, String expiry, String cvc, String postalCode) {
        Locator card = page.locator("#token-card");
        card.getByLabel("Card number").fill(number);
        card.getByLabel("Expiration date").fill(expiry);
        card.getByLabel("Security code").fill(cvc);
        card.getByLabel("Postal code").fill(postalCode);
    }

    /** Runs createToken with the holder's name: the token's id, last4, postal code and name, or the error message. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> createToken() {
        return (Map<String, Object>) page.evaluate("() => tokenStripe.createToken(tokenCard, {name: 'Ada Lovelace'})"
                + ".then(r => r.token ? {id: r.token.id, last4: r.token.card.last4, zip: r.token.card.address_zip,"
                + " name: r.token.card.name, used: r.token.used} : {error: r.error.message})");
    }

    @Test
    void aTokenFromTheCardElementIsChargedByTheMerchantsServer() throws Exception {
        fillCard("4242424242424242", "12 / 34", "123", "10115");

        Map<String, Object> token = createToken();

        assertThat(token).containsEntry("last4", "4242").containsEntry("zip", "10115")
                .containsEntry("name", "Ada Lovelace").containsEntry("used", false);
        assertThat((String) token.get("id")).startsWith("tok_");
        Charge charge = merchant.v1().charges().create(ChargeCreateParams.builder().setAmount(2000L)
                .setCurrency("usd").setSource((String) token.get("id")).build());
        assertThat(charge.getStatus()).isEqualTo("succeeded");
        assertThat(charge.getPaymentMethodDetails().getCard().getLast4()).isEqualTo("4242");
        assertThat(charge.getPaymentMethodDetails().getCard().getChecks().getCvcCheck()).isEqualTo("pass");
        assertThat(charge.getBillingDetails().getName()).isEqualTo("Ada Lovelace");
        assertThat(charge.getBillingDetails().getAddress().getPostalCode()).isEqualTo("10115");
        assertThat(merchant.v1().tokens().retrieve((String) token.get("id")).getUsed()).isTrue();
    }

    @Test
    void aTestCardsTokenChargesAsTheCardDoes() {
        fillCard("4000000000000002", "12 / 34", "123", "10115");

        String token = (String) createToken().get("id");

        assertThatThrownBy(() -> merchant.v1().charges().create(ChargeCreateParams.builder().setAmount(2000L)
                .setCurrency("usd").setSource(token).build()))
                .isInstanceOfSatisfying(CardException.class, error -> {
                    assertThat(error.getCode()).isEqualTo("card_declined");
                    assertThat(error.getDeclineCode()).isEqualTo("generic_decline");
                });
    }

    @Test
    void anIncompleteCardGetsStripesErrorAndNothingIsSent() {
        fillCard("4242424242424242", "12 /", "", "");

        assertThat(createToken()).containsEntry("error", "Your card's expiration date is incomplete.");
        assertThat(apiCalls).noneMatch(call -> call.contains("/tokens"));
        assertThat(page.evaluate("() => tokenStripe.createToken('pii', {}).then(() => 'accepted', e => e.name)"))
                .isEqualTo("IntegrationError");
    }
}
