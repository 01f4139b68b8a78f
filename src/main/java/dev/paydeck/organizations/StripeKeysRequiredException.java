package dev.paydeck.organizations;

/** The sandbox is off, so an organization must bring real Stripe keys. */
public class StripeKeysRequiredException extends RuntimeException {

    public StripeKeysRequiredException() {
        super("The sandbox is switched off on this Paydeck: give the organization's Stripe keys.");
    }
}
