package dev.paydeck.checkout.web;

import dev.paydeck.billing.Pricing;
import dev.paydeck.billing.Subscription;
import dev.paydeck.billing.SubscriptionStatus;
import dev.paydeck.shared.OrganizationId;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * The plans a customer may move a subscription to from the portal: those the organization's pricing page offers
 * (active recurring per-unit prices of active products) in the subscription's currency, but the one it has. Only an
 * active or trialing subscription of one item changes there; one of several items is the business's to change.
 */
@Component
class PortalPlans {

    private final Pricing pricing;

    PortalPlans(Pricing pricing) {
        this.pricing = pricing;
    }

    /** The other plans, cheapest first; empty when the subscription cannot change from the portal. */
    List<Pricing.Plan> others(OrganizationId organization, Subscription subscription) {
        if (!changeable(subscription)) {
            return List.of();
        }
        Subscription.Item item = subscription.items().getFirst();
        return pricing.plans(organization).stream()
                .filter(plan -> plan.price().currency().equalsIgnoreCase(subscription.currency()))
                .filter(plan -> !plan.price().id().equals(item.price()))
                .toList();
    }

    /** The plan the subscription is on, when the pricing page offers it (to say how often it is charged). */
    Optional<Pricing.Plan> current(OrganizationId organization, Subscription subscription) {
        if (subscription.items().size() != 1 || subscription.items().getFirst().price() == null) {
            return Optional.empty();
        }
        return pricing.plan(organization, subscription.items().getFirst().price());
    }

    static boolean changeable(Subscription subscription) {
        return (subscription.status() == SubscriptionStatus.ACTIVE
                || subscription.status() == SubscriptionStatus.TRIALING)
                && subscription.items().size() == 1 && subscription.items().getFirst().stripeItemId() != null;
    }
}
