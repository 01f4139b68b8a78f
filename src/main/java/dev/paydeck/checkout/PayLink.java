package dev.paydeck.checkout;

import dev.paydeck.payments.PaymentId;
import dev.paydeck.shared.OrganizationId;

/**
 * The link a customer pays one payment of an organization on: {@code /pay/{token}}. The token is random (256 bits),
 * so the link cannot be guessed from another; whoever holds it may pay the payment and see how it went.
 */
public record PayLink(OrganizationId organization, PaymentId payment, String token) {

    public String path() {
        return "/pay/" + token;
    }
}
