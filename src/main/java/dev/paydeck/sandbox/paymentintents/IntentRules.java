package dev.paydeck.sandbox.paymentintents;

import dev.paydeck.sandbox.api.HostedPages;
import dev.paydeck.sandbox.api.Ids;
import dev.paydeck.sandbox.api.StripeCall;
import dev.paydeck.sandbox.api.StripeError;
import dev.paydeck.sandbox.api.StripeObjects;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The rules PaymentIntents and SetupIntents share: who may read one and what a publishable key sees of it, which
 * card it may take, where it may redirect, and how it points at its 3-D Secure challenge.
 */
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

    /** What a publishable key sees of an intent: Stripe redacts metadata from answers to publishable-key requests. */
    public static ObjectNode forPublishableKey(ObjectNode intent) {
        ObjectNode copy = StripeObjects.rendered(intent);
        copy.putObject("metadata");
        return copy;
    }

    /**
     * Points the intent's {@code next_action} at its 3-D Secure challenge on the sandbox's hosted page: a redirect
     * to it when the intent has a {@code return_url}, otherwise for Stripe.js to open ({@code use_stripe_sdk}).
     */
    public static void nextActionForChallenge(ObjectNode intent) {
        String url = HostedPages.url("/sandbox/3ds/" + intent.get("id").asString()) + "?client_secret="
                + URLEncoder.encode(intent.get("client_secret").asString(), StandardCharsets.UTF_8);
        ObjectNode next = intent.putObject("next_action");
        String returnUrl = StripeObjects.string(intent, "_return_url");
        if (returnUrl != null) {
            next.put("type", "redirect_to_url");
            ObjectNode redirect = next.putObject("redirect_to_url");
            redirect.put("return_url", returnUrl);
            redirect.put("url", url);
        } else {
            next.put("type", "use_stripe_sdk");
            ObjectNode sdk = next.putObject("use_stripe_sdk");
            sdk.put("source", "src_" + Ids.random(24));
            sdk.put("stripe_js", url);
            sdk.put("type", "three_d_secure_redirect");
        }
    }

    /** {@code payment_method_types}: only {@code card} is emulated; another type is refused as Stripe refuses one. */
    public static void paymentMethodTypes(ObjectNode intent, StripeCall call) {
        if (!call.has("payment_method_types") || call.list("payment_method_types") == null) {
            return;
        }
        ArrayNode types = intent.putArray("payment_method_types");
        for (Object type : call.list("payment_method_types")) {
            if (!"card".equals(type)) {
                throw StripeError.invalid("payment_method_types", "The payment method type \"" + type
                        + "\" is invalid. Please ensure the provided type is activated in your dashboard "
                        + "(https://dashboard.stripe.com/account/payments/settings) and your account is enabled "
                        + "for any preview features that you are trying to use.");
            }
            types.add((String) type);
        }
    }

    /** {@code return_url}: an absolute URL, kept as {@code _return_url} for the 3-D Secure challenge. */
    public static void returnUrl(ObjectNode intent, StripeCall call) {
        if (!call.has("return_url")) {
            return;
        }
        String url = call.string("return_url");
        if (url != null && !validUrl(url)) {
            throw StripeError.invalid("return_url", "Not a valid URL");
        }
        StripeObjects.text(intent, "_return_url", url);
    }

    private static boolean validUrl(String url) {
        try {
            URI uri = URI.create(url);
            return uri.getScheme() != null && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
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
