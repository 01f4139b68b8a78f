package dev.paydeck.sandbox.subscriptions;

import dev.paydeck.sandbox.api.ParamSpec;
import dev.paydeck.sandbox.api.SandboxClock;
import dev.paydeck.sandbox.api.StripeCall;
import dev.paydeck.sandbox.api.StripeError;
import dev.paydeck.sandbox.api.StripeObjects;
import dev.paydeck.sandbox.api.StripeResource;
import dev.paydeck.sandbox.api.StripeRoutes;
import dev.paydeck.sandbox.invoices.InvoiceBilling;
import dev.paydeck.sandbox.invoices.InvoiceBilling.Billing;
import dev.paydeck.sandbox.subscriptions.SubscriptionItems.Given;
import dev.paydeck.sandbox.subscriptions.SubscriptionUpdates.Change;
import dev.paydeck.sandbox.subscriptions.SubscriptionUpdates.Terms;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;

import static dev.paydeck.sandbox.subscriptions.SubscriptionStatus.TRIALING;

/**
 * {@code POST /v1/invoices/create_preview}: the invoice a customer would get next, not stored — a subscription's
 * next renewal (with the changes of {@code subscription_details[items]} prorated at
 * {@code subscription_details[proration_date]}, and the customer's pending items), or the customer's pending items
 * alone. With {@code proration_behavior=always_invoice} it is the invoice the change would make at once.
 */
@Component
class InvoicePreviewResource implements StripeResource {

    private static final ParamSpec DETAILS = ParamSpec.of()
            .objectList("items", SubscriptionUpdateResource.ITEM_CHANGE)
            .integer("proration_date")
            .oneOf("proration_behavior", "create_prorations", "none", "always_invoice");
    private static final ParamSpec PREVIEW = ParamSpec.of().string("customer", "subscription", "currency")
            .object("subscription_details", DETAILS);

    private final Subscriptions subscriptions;
    private final SubscriptionItems items;
    private final SubscriptionUpdates updates;
    private final InvoiceBilling billing;
    private final SandboxClock clock;

    InvoicePreviewResource(Subscriptions subscriptions, SubscriptionItems items, SubscriptionUpdates updates,
            InvoiceBilling billing, SandboxClock clock) {
        this.subscriptions = subscriptions;
        this.items = items;
        this.updates = updates;
        this.billing = billing;
        this.clock = clock;
    }

    @Override
    public void register(StripeRoutes routes) {
        routes.post("/v1/invoices/create_preview", PREVIEW, this::preview);
    }

    private ObjectNode preview(StripeCall call) {
        String subscriptionId = call.string("subscription");
        String customerId = call.string("customer");
        if (subscriptionId == null) {
            if (customerId == null) {
                throw StripeError.parameterMissing("customer");
            }
            return pendingItems(call, customerId);
        }
        ObjectNode subscription = subscriptions.require(call.accountId(), subscriptionId, "subscription").deepCopy();
        if (customerId != null && !customerId.equals(subscription.get("customer").asString())) {
            throw StripeError.invalid("customer", "The subscription " + subscriptionId + " belongs to another "
                    + "customer.");
        }
        if (!SubscriptionCycles.live(subscription)) {
            throw noUpcomingInvoice();
        }
        customerId = subscription.get("customer").asString();
        long now = clock.nowFor(call.accountId(), customerId);
        Map<String, Object> details = call.map("subscription_details") == null ? Map.of()
                : call.map("subscription_details");
        @SuppressWarnings("unchecked")
        List<Object> rawItems = (List<Object>) details.get("items");
        List<Given> changes = items.given(call.accountId(), rawItems, "subscription_details[items]");
        for (Given given : changes) {
            if (given.discounts() != null) {
                // Previewing them would redeem their coupons: refused rather than left out of the preview unsaid.
                throw StripeError.invalid(given.param() + "[discounts]", "The sandbox does not preview the "
                        + "discounts of subscription items yet: preview without them, then update the subscription.");
            }
        }
        Terms terms = Terms.of(details);
        Change change = updates.change(call, subscription, changes, terms, now, false);
        boolean immediately = "always_invoice".equals(terms.prorationBehavior());
        List<ObjectNode> lines = List.of();
        long start = now;
        if (!immediately) {
            start = SubscriptionJson.status(subscription) == TRIALING ? subscription.get("trial_end").asLong()
                    : SubscriptionJson.periodEnd(subscription);
            long end = SubscriptionJson.periods(subscription).endAfter(start);
            lines = subscriptions.lines(call.accountId(), subscription, start, end, false);
        }
        Billing what = new Billing(immediately ? "subscription_update" : "upcoming", subscriptionId,
                (ObjectNode) subscription.get("metadata"), subscription.get("collection_method").asString(),
                subscription.path("days_until_due").isNumber() ? subscription.get("days_until_due").asLong() : null,
                StripeObjects.string(subscription, "default_payment_method"));
        what = subscriptions.previewDiscounts(subscription, lines, start, what);
        return billing.preview(call, customerId, subscription.get("currency").asString(), what,
                change.prorations(), true, lines, now);
    }

    private ObjectNode pendingItems(StripeCall call, String customerId) {
        ObjectNode customer = subscriptions.store().require(call.accountId(), customerId, "customer", "customer");
        String currency = call.string("currency") != null ? call.string("currency")
                : customer.path("currency").asString(call.account().defaultCurrency());
        long now = clock.nowFor(call.accountId(), customerId);
        ObjectNode invoice = billing.preview(call, customerId, currency, new Billing("manual", null, null,
                "charge_automatically", null, null), List.of(), true, List.of(), now);
        if (invoice.at("/lines/data").isEmpty()) {
            throw noUpcomingInvoice();
        }
        return invoice;
    }

    private static StripeError noUpcomingInvoice() {
        return StripeError.builder(404).type("invalid_request_error").code("invoice_upcoming_none")
                .message("No upcoming invoices for customer").build();
    }
}
