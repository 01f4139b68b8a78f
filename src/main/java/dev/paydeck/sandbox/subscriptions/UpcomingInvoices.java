package dev.paydeck.sandbox.subscriptions;

import dev.paydeck.sandbox.api.StripeCall;
import dev.paydeck.sandbox.api.StripeObjects;
import dev.paydeck.sandbox.events.SandboxEvents;
import dev.paydeck.sandbox.invoices.InvoiceBilling;
import dev.paydeck.sandbox.invoices.InvoiceBilling.Billing;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.OptionalLong;

/**
 * {@code invoice.upcoming}: Stripe announces a renewal that will be charged automatically a number of days before it,
 * with the invoice it will make — not stored, without an id, like {@code /v1/invoices/create_preview}'s (its
 * discounts, the subscription's, on it as on the real one). Once per period; none for a period shorter than that, nor
 * for a subscription that will not renew (canceled at its period's end, or before).
 * <p>
 * When: Stripe's API reference says the event "occurs X number of days before a subscription is scheduled to create
 * an invoice that is automatically charged—where X is determined by your subscriptions settings" (the Dashboard's
 * billing settings, {@code dashboard.stripe.com/settings/billing/automatic}, "Prevent failed payments"), and
 * documents no default for it: a sandbox account has no such setting, so the sandbox uses {@link #BEFORE}, seven days
 * (checked against Stripe's docs for issue 17: nothing there gives another default, so it is unchanged). Sent only
 * for {@code collection_method=charge_automatically}, as documented; the sandbox does not send it before the invoice
 * a trial's end makes.
 */
@Component
class UpcomingInvoices {

    /** How long before a renewal it is announced (a sandbox account has no setting for it). */
    static final long BEFORE = 7 * SubscriptionJson.DAY;
    /** The period end whose renewal was announced (or passed without one being due). */
    static final String ANNOUNCED = "_upcoming_announced";

    private final Subscriptions subscriptions;
    private final InvoiceBilling billing;
    private final SandboxEvents events;

    UpcomingInvoices(Subscriptions subscriptions, InvoiceBilling billing, SandboxEvents events) {
        this.subscriptions = subscriptions;
        this.billing = billing;
        this.events = events;
    }

    /** When the current period's renewal is to be announced, unless it already was. */
    static OptionalLong due(JsonNode subscription) {
        long end = SubscriptionJson.periodEnd(subscription);
        long at = end - BEFORE;
        if (subscription.path(ANNOUNCED).asLong(0) == end || at <= SubscriptionJson.periodStart(subscription)) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(at);
    }

    /** Announces the renewal, when it will come and be charged automatically; either way, this period is done. */
    void announce(StripeCall call, ObjectNode subscription, long now) {
        long start = SubscriptionJson.periodEnd(subscription);
        subscription.put(ANNOUNCED, start);
        subscriptions.save(call.accountId(), subscription);
        boolean renews = !subscription.path("cancel_at_period_end").asBoolean()
                && !(subscription.path("cancel_at").isNumber() && subscription.get("cancel_at").asLong() <= start);
        if (!renews || !"charge_automatically".equals(subscription.get("collection_method").asString())) {
            return;
        }
        long end = SubscriptionJson.periods(subscription).endAfter(start);
        String customerId = subscription.get("customer").asString();
        List<ObjectNode> lines = subscriptions.lines(call.accountId(), subscription, start, end, false);
        Billing what = subscriptions.previewDiscounts(subscription, lines, start, new Billing("upcoming",
                subscription.get("id").asString(), (ObjectNode) subscription.get("metadata"), "charge_automatically",
                null, StripeObjects.string(subscription, "default_payment_method")));
        ObjectNode upcoming = billing.preview(call, customerId, subscription.get("currency").asString(), what,
                List.of(), true, lines, now);
        upcoming.putNull("id");
        events.publish(call, "invoice.upcoming", upcoming);
    }
}
