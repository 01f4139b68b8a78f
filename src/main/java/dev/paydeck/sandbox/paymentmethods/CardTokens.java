package dev.paydeck.sandbox.paymentmethods;

import dev.paydeck.sandbox.api.StripeCall;
import tools.jackson.databind.node.ObjectNode;

/**
 * Card tokens ({@code tok_...}) as a PaymentMethod is made from one ({@code card[token]}): the tokens resource
 * implements it, so that PaymentMethods need not know how tokens are kept.
 */
public interface CardTokens {

    /**
     * Uses up a token (or a {@code tok_visa}-style test token) and returns the card it holds, as
     * {@link PaymentMethods#describeCard} describes one ({@code card}, {@code _test_card}), with the holder's name
     * and address as {@code billing_details}; Stripe's errors for a missing or already used token.
     */
    ObjectNode redeem(StripeCall call, String token, String param);
}
