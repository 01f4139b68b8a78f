package dev.paydeck.sandbox.api;

/**
 * A family of Stripe endpoints (customers, payment intents...). Each resource package provides one as a bean;
 * adding a resource means adding a package, not editing a central switch.
 */
public interface StripeResource {

    void register(StripeRoutes routes);
}
