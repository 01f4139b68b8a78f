package dev.paydeck.support;

import com.microsoft.playwright.Page;

/** The Payment Element of the sandbox's Stripe.js, as a payer fills it: a test card, a future expiry, any CVC. */
public final class PaymentElement {

    private PaymentElement() {
    }

    public static void fillCard(Page page, String number) {
        page.getByLabel("Card number").fill(number);
        page.getByLabel("Expiration date").fill("12 / 34");
        page.getByLabel("Security code").fill("123");
        page.getByLabel("Postal code").fill("10115");
    }
}
