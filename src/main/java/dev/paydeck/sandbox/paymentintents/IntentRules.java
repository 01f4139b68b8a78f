package dev.paydeck.sandbox.paymentintents;

import dev.paydeck.sandbox.api.StripeCall;
import dev.paydeck.sandbox.api.StripeError;
import tools.jackson.databind.node.ObjectNode;

/** The rules PaymentIntents and SetupIntents share: who may read one, which card it may take, where it may redirect. */
public final class IntentRules {

    private IntentRules() {
    }

    /**
     * Stripe.js reads an intent with a publishable key only together with its client secret; a wrong secret is
     * refused whatever the key. {@code kind} is Stripe's name for the object ({@code PaymentIntent}).
     */
    public static void checkClientSecret(StripeCall call, ObjectNode intent, String kind) {
        String given = call.string("client_secret");
        if (given == null && call.publishableKey()) {
            throw StripeError.parameterMissing("client_secret");
        }
        if (given != null && !given.equals(intent.get("client_secret").asString())) {
            throw StripeError.invalid("client_secret", "The client_secret provided does not match the "
                    + "client_secret associated with the " + kind + ".");
        }
    }

    /** Whether the intent's automatic payment methods may redirect the customer (then a return_url is needed). */
    public static boolean redirectsAllowed(ObjectNode intent) {
        var automatic = intent.get("automatic_payment_methods");
        return automatic != null && automatic.isObject() && automatic.path("enabled").asBoolean(false)
                && !"never".equals(automatic.path("allow_redirects").asString("always"));
    }

    /**
     * Sets the intent's payment method, refusing one that belongs to another customer (as Stripe does); an earlier
     * 3-D Secure result no longer counts.
     */
    public static void takePaymentMethod(ObjectNode intent, ObjectNode paymentMethod) {
        var owner = paymentMethod.get("customer");
        var customer = intent.get("customer");
        String ownerId = owner == null || owner.isNull() ? null : owner.asString();
        String customerId = customer == null || customer.isNull() ? null : customer.asString();
        if (ownerId != null && !ownerId.equals(customerId)) {
            throw StripeError.invalid("payment_method", "The provided PaymentMethod belongs to a different "
                    + "Customer. Please provide the Customer that owns this PaymentMethod or a PaymentMethod that "
                    + "belongs to this Customer.");
        }
        intent.put("payment_method", paymentMethod.get("id").asString());
        intent.remove("_authenticated");
    }
}
