package dev.paydeck.sandbox.paymentintents;

import dev.paydeck.sandbox.api.StripeCall;
import tools.jackson.databind.node.ObjectNode;

/**
 * A kind of intent whose 3-D Secure challenge the hosted page ({@link ThreeDSecurePage}) runs: PaymentIntents here,
 * SetupIntents in their own package. Each kind is a bean; the page picks it by the intent's id prefix. The intent
 * keeps its {@code client_secret}, {@code status} ({@code requires_action} while the challenge waits) and its
 * {@code return_url} as {@code _return_url}, which is all the page reads of it.
 */
public interface IntentAuthentication {

    /** The Stripe object name, e.g. {@code setup_intent}; also the name of the return URL's query parameters. */
    String object();

    /** The id prefix, e.g. {@code seti_}. */
    String idPrefix();

    /** The customer passed the challenge: the intent goes on; answers it after. */
    ObjectNode completeAuthentication(StripeCall call, ObjectNode intent);

    /** The customer failed (or abandoned) the challenge; answers the intent after. */
    ObjectNode failAuthentication(StripeCall call, ObjectNode intent);
}
