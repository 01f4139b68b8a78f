package dev.paydeck.sandbox.api;

import tools.jackson.databind.node.ObjectNode;

/**
 * What of a customer's ends with them when they are deleted (through the API, or with their test clock): their
 * subscriptions are canceled at once, as Stripe does. Each resource family that keeps such objects is a bean of this
 * type, so the customers' package names none of them.
 */
public interface CustomerDependents {

    /** Ends the customer's objects of this family, in the deletion's transaction, before the customer goes. */
    void customerDeleting(StripeCall call, ObjectNode customer);
}
