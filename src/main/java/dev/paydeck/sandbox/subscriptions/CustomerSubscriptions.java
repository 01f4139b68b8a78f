package dev.paydeck.sandbox.subscriptions;

import dev.paydeck.sandbox.api.CustomerDependents;
import dev.paydeck.sandbox.api.ListQuery;
import dev.paydeck.sandbox.api.SandboxClock;
import dev.paydeck.sandbox.api.StripeCall;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * A deleted customer's subscriptions are canceled at once (at the customer's time, their test clock's if they are on
 * one), each with {@code customer.subscription.deleted}, as Stripe cancels them.
 */
@Component
class CustomerSubscriptions implements CustomerDependents {

    private static final List<String> NOT_ENDED = List.of("trialing", "active", "past_due", "unpaid", "incomplete",
            "paused");

    private final Subscriptions subscriptions;
    private final SandboxClock clock;

    CustomerSubscriptions(Subscriptions subscriptions, SandboxClock clock) {
        this.subscriptions = subscriptions;
        this.clock = clock;
    }

    @Override
    public void customerDeleting(StripeCall call, ObjectNode customer) {
        String customerId = customer.get("id").asString();
        long now = clock.nowFor(call.accountId(), customerId);
        for (ObjectNode listed : subscriptions.store().list(call.accountId(), "subscription", ListQuery.newest(10_000)
                .where("customer", customerId).where("status", NOT_ENDED), "/v1/subscriptions").data()) {
            subscriptions.store().findForUpdate(call.accountId(), listed.get("id").asString())
                    .ifPresent(subscription -> subscriptions.cancel(call, subscription, now,
                            "cancellation_requested"));
        }
    }
}
