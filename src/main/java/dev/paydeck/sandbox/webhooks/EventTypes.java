package dev.paydeck.sandbox.webhooks;

import com.stripe.param.WebhookEndpointCreateParams;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The event types a webhook endpoint may subscribe to: Stripe's own list (as the stripe-java release the sandbox
 * speaks knows it, {@code *} for all included), so an endpoint set up against the sandbox is valid on Stripe too.
 */
final class EventTypes {

    static final String ALL = "*";

    private static final List<String> KNOWN = Arrays.stream(WebhookEndpointCreateParams.EnabledEvent.values())
            .map(WebhookEndpointCreateParams.EnabledEvent::getValue)
            .toList();
    private static final Set<String> KNOWN_SET = Set.copyOf(KNOWN);

    private EventTypes() {
    }

    static boolean known(String type) {
        return KNOWN_SET.contains(type);
    }

    /** Stripe's wording lists the types without the {@code *}. */
    static String listed() {
        return String.join(", ", KNOWN.stream().filter(type -> !ALL.equals(type)).toList());
    }

    static boolean matches(List<String> enabledEvents, String type) {
        return enabledEvents.contains(ALL) || enabledEvents.contains(type);
    }
}
