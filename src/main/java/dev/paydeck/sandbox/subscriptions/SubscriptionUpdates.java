package dev.paydeck.sandbox.subscriptions;

import dev.paydeck.sandbox.api.ObjectStore;
import dev.paydeck.sandbox.api.SandboxClock;
import dev.paydeck.sandbox.api.StripeCall;
import dev.paydeck.sandbox.api.StripeError;
import dev.paydeck.sandbox.api.StripeObjects;
import dev.paydeck.sandbox.subscriptions.SubscriptionItems.Given;
import dev.paydeck.sandbox.subscriptions.SubscriptionTransitions.Operation;
import dev.paydeck.sandbox.subscriptions.Subscriptions.Billed;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.paydeck.sandbox.subscriptions.SubscriptionStatus.CANCELED;
import static dev.paydeck.sandbox.subscriptions.SubscriptionStatus.INCOMPLETE;
import static dev.paydeck.sandbox.subscriptions.SubscriptionStatus.INCOMPLETE_EXPIRED;
import static dev.paydeck.sandbox.subscriptions.SubscriptionStatus.PAST_DUE;
import static dev.paydeck.sandbox.subscriptions.SubscriptionStatus.TRIALING;

/**
 * A subscription's changes: its items (price or quantity changed, added, deleted) prorated as Stripe prorates them
 * ({@code proration_behavior}: {@code create_prorations}, the default, leaves the prorations pending for the next
 * invoice; {@code always_invoice} invoices them at once; {@code none} makes none; at {@code proration_date} or now),
 * and its other fields; the same change computed without being stored for a preview. With
 * {@code payment_behavior=error_if_incomplete}, a change whose invoice cannot be paid is refused (402) and not made.
 */
@Component
class SubscriptionUpdates {

    /** What a change came to: the subscription afterwards and its prorations (invoice items). */
    record Change(ObjectNode subscription, List<ObjectNode> prorations) {
    }

    /** Terms of an item change: how to prorate, at which time. */
    record Terms(String prorationBehavior, Long prorationDate, String paymentBehavior) {

        static Terms of(StripeCall call) {
            return new Terms(call.string("proration_behavior"), call.longValue("proration_date"),
                    call.string("payment_behavior"));
        }

        static Terms of(Map<String, Object> params) {
            return new Terms((String) params.get("proration_behavior"), (Long) params.get("proration_date"),
                    (String) params.get("payment_behavior"));
        }
    }

    /** Where a period cut short by a {@code cancel_at} would have ended. */
    static final String UNCUT_PERIOD_END = "_uncut_period_end";
    /** What a canceled subscription still lets change. */
    private static final Set<String> CANCELED_CHANGES = Set.of("metadata", "cancellation_details");
    /** What an incomplete subscription lets change (Stripe: its metadata and default payment source). */
    private static final Set<String> INCOMPLETE_CHANGES = Set.of("metadata", "default_payment_method");

    private final Subscriptions subscriptions;
    private final SubscriptionItems items;
    private final SubscriptionCycles cycles;
    private final SandboxClock clock;
    private final SubscriptionDiscounts discounts;

    SubscriptionUpdates(Subscriptions subscriptions, SubscriptionItems items, SubscriptionCycles cycles,
            SandboxClock clock, SubscriptionDiscounts discounts) {
        this.discounts = discounts;
        this.subscriptions = subscriptions;
        this.items = items;
        this.cycles = cycles;
        this.clock = clock;
    }

    /** {@code POST /v1/subscriptions/{id}} and the item endpoints: the change, stored, with its events. */
    ObjectNode update(StripeCall call, ObjectNode subscription, List<Given> itemChanges, Terms terms) {
        SubscriptionStatus status = SubscriptionJson.status(subscription);
        if (status == CANCELED || status == INCOMPLETE_EXPIRED) {
            if (!CANCELED_CHANGES.containsAll(call.params().keySet()) || !itemChanges.isEmpty()) {
                throw StripeError.invalid(null, SubscriptionTransitions.message(Operation.UPDATE, status,
                        subscription.get("id").asString()));
            }
        }
        if (status == INCOMPLETE && (!INCOMPLETE_CHANGES.containsAll(call.params().keySet())
                || !itemChanges.isEmpty())) {
            throw StripeError.invalid(null, "A subscription with status incomplete can only update metadata and its "
                    + "default payment method until its first invoice is paid.");
        }
        ObjectNode before = subscription.deepCopy();
        long now = clock.nowFor(call.accountId(), subscription.get("customer").asString());
        Change change = change(call, subscription, itemChanges, terms, now, true);
        fields(call, subscription, now);
        List<ObjectNode> prorations = new ArrayList<>(change.prorations());
        if (call.has("cancel_at") || call.has("cancel_at_period_end")) {
            prorations.addAll(cancelAtWithinPeriod(call, subscription, terms, now));
        }
        if ("always_invoice".equals(terms.prorationBehavior()) && !prorations.isEmpty()) {
            subscription.put(Subscriptions.BUSY, true);
            subscriptions.save(call.accountId(), subscription);
            // payment_behavior=default_incomplete: the invoice is left open for the customer to pay.
            Billed billed = subscriptions.bill(call, subscription, "subscription_update", List.of(), now,
                    !"default_incomplete".equals(terms.paymentBehavior()));
            subscription.remove(Subscriptions.BUSY);
            if ("error_if_incomplete".equals(terms.paymentBehavior()) && billed.attempt() != null
                    && !billed.paid()) {
                refuse(call, before, subscription, billed);
            }
            if (billed.attempt() != null && !billed.paid()
                    && "charge_automatically".equals(subscription.get("collection_method").asString())
                    && SubscriptionJson.status(subscription) != INCOMPLETE) {
                Subscriptions.status(subscription, PAST_DUE);
            }
        }
        subscriptions.save(call.accountId(), subscription);
        subscriptions.publishUpdated(call, before, subscription);
        String trialEnd = call.string("trial_end");
        if (trialEnd != null && SubscriptionJson.status(subscription) == TRIALING) {
            if ("now".equals(trialEnd)) {
                cycles.endTrial(call, subscription, now, "subscription_update");
            } else {
                extendTrial(call, subscription, SubscriptionResource.timestamp(trialEnd, "trial_end"), now);
            }
            return subscriptions.require(call.accountId(), subscription.get("id").asString(), "id");
        }
        return subscription;
    }

    /**
     * A {@code cancel_at} before the current period's end cuts the period short there (the subscription is canceled
     * then) and, unless {@code proration_behavior=none}, credits the unused time from then to the period's end (a
     * proration of each item, pending for the customer's next invoice or invoiced at once with
     * {@code always_invoice}), as Stripe does. A cut undone ({@code cancel_at} removed or moved) gives the period its
     * end back and charges that time again (then cuts it anew, if the new {@code cancel_at} falls within the period).
     */
    private List<ObjectNode> cancelAtWithinPeriod(StripeCall call, ObjectNode subscription, Terms terms, long now) {
        SubscriptionStatus status = SubscriptionJson.status(subscription);
        if (status != SubscriptionStatus.ACTIVE && status != PAST_DUE) {
            return List.of();
        }
        boolean prorate = !"none".equals(terms.prorationBehavior());
        List<ObjectNode> prorations = new ArrayList<>();
        long start = SubscriptionJson.periodStart(subscription);
        long end = SubscriptionJson.periodEnd(subscription);
        Long cancelAt = subscription.path("cancel_at").isNumber() ? subscription.get("cancel_at").asLong() : null;
        if (subscription.has(UNCUT_PERIOD_END) && (cancelAt == null || cancelAt != end)) {
            long uncut = subscription.get(UNCUT_PERIOD_END).asLong();
            subscription.remove(UNCUT_PERIOD_END);
            SubscriptionJson.period(subscription, start, uncut);
            if (prorate) {
                for (ObjectNode item : SubscriptionJson.items(subscription)) {
                    prorations.add(items.proration(call, subscription, item, end, now, false, true));
                }
            }
            end = uncut;
        }
        if (cancelAt != null && cancelAt < end) {
            if (prorate) {
                prorations.addAll(items.creditUnusedTime(call, subscription, cancelAt, now, true));
            }
            subscription.put(UNCUT_PERIOD_END, end);
            SubscriptionJson.period(subscription, start, cancelAt);
        }
        return prorations;
    }

    /**
     * {@code payment_behavior=error_if_incomplete}: the change's invoice could not be paid, so the change is not made
     * (Stripe answers 402 with the card error and leaves the subscription as it was): its invoice is voided, the
     * subscription and its items are stored as they were before, and the card error is thrown.
     */
    private void refuse(StripeCall call, ObjectNode before, ObjectNode changed, Billed billed) {
        subscriptions.voidInvoice(call, billed.invoice().get("id").asString());
        for (ObjectNode item : SubscriptionJson.items(changed)) {
            boolean added = SubscriptionJson.items(before).stream().noneMatch(kept -> kept.get("id")
                    .equals(item.get("id")));
            if (added) {
                subscriptions.store().delete(call.accountId(), item.get("id").asString());
            }
        }
        subscriptions.save(call.accountId(), before);
        throw billed.declined() != null ? billed.declined() : StripeError.builder(402).type("card_error")
                .code("card_declined").message("Your card was declined.").build();
    }

    /**
     * Applies the item changes to the subscription (in memory), with their prorations: stored as pending invoice
     * items when {@code save}, else only made (a preview).
     */
    Change change(StripeCall call, ObjectNode subscription, List<Given> itemChanges, Terms terms, long now,
            boolean save) {
        List<ObjectNode> prorations = new ArrayList<>();
        if (itemChanges.isEmpty()) {
            return new Change(subscription, prorations);
        }
        long start = SubscriptionJson.periodStart(subscription);
        long end = SubscriptionJson.periodEnd(subscription);
        long at = terms.prorationDate() == null ? now : terms.prorationDate();
        if (at < start || at > end) {
            throw StripeError.invalid("proration_date", "Invalid proration_date: it must be within the current "
                    + "period (" + start + " to " + end + ").");
        }
        SubscriptionStatus status = SubscriptionJson.status(subscription);
        boolean prorate = !"none".equals(terms.prorationBehavior()) && status != TRIALING && status != INCOMPLETE;
        List<ObjectNode> current = SubscriptionJson.items(subscription);
        for (Given given : itemChanges) {
            if (given.id() == null) {
                ObjectNode added = items.create(call.accountId(), subscription.get("id").asString(), given, now);
                if (save) {
                    items.discounts(call.accountId(), subscription, added, given, now);
                }
                added.put("current_period_start", start);
                added.put("current_period_end", end);
                current.add(added);
                if (prorate) {
                    prorations.add(items.proration(call, subscription, added, at, false, save));
                }
                continue;
            }
            ObjectNode item = current.stream().filter(existing -> existing.get("id").asString().equals(given.id()))
                    .findFirst().orElseThrow(() -> StripeError.resourceMissing("subscription_item", given.id(),
                            given.param() + "[id]"));
            if (given.deleted()) {
                current.remove(item);
                if (prorate) {
                    prorations.add(items.proration(call, subscription, item, at, true, save));
                }
                continue;
            }
            ObjectNode changed = item.deepCopy();
            if (given.price() != null) {
                changed.set("price", StripeObjects.rendered(given.price()));
            }
            if (given.quantity() != null) {
                changed.put("quantity", given.quantity());
            }
            if (given.metadata() != null) {
                StripeObjects.applyMetadata(changed, given.metadata());
            }
            if (given.taxRates() != null) {
                changed.set("tax_rates", given.taxRates());
            }
            if (save) {
                items.discounts(call.accountId(), subscription, changed, given, now);
            }
            boolean billedDifferently = !changed.get("price").get("id").equals(item.get("price").get("id"))
                    || changed.get("quantity").asLong() != item.get("quantity").asLong();
            if (prorate && billedDifferently) {
                prorations.add(items.proration(call, subscription, item, at, true, save));
                prorations.add(items.proration(call, subscription, changed, at, false, save));
            }
            current.set(current.indexOf(item), changed);
        }
        if (current.isEmpty()) {
            throw StripeError.invalid("items", "A subscription must have at least one item: cancel it instead.");
        }
        SubscriptionItems.checkPrices(current.stream().map(item -> item.get("price")).toList());
        if (save) {
            for (ObjectNode item : SubscriptionJson.items(subscription)) {
                if (!current.contains(item) && current.stream().noneMatch(kept -> kept.get("id").equals(item
                        .get("id")))) {
                    subscriptions.store().delete(call.accountId(), item.get("id").asString());
                }
            }
        }
        SubscriptionJson.items(subscription, current);
        return new Change(subscription, prorations);
    }

    private void fields(StripeCall call, ObjectNode subscription, long now) {
        SubscriptionResource.cancelAt(call, subscription, now);
        if (call.has("default_payment_method")) {
            String id = call.string("default_payment_method");
            StripeObjects.text(subscription, "default_payment_method", id == null ? null
                    : items.requireOwnPaymentMethod(call.accountId(), id, subscription.get("customer").asString(),
                    "default_payment_method"));
        }
        if (call.has("description")) {
            StripeObjects.text(subscription, "description", call.string("description"));
        }
        if (call.has("default_tax_rates")) {
            subscription.set("default_tax_rates", items.taxRates(call.accountId(), call.list("default_tax_rates"),
                    "default_tax_rates"));
        }
        if (call.has("discounts")) {
            discounts.apply(call.accountId(), subscription, call.list("discounts"), now);
        }
        if (call.has("metadata")) {
            StripeObjects.applyMetadata(subscription, call.map("metadata"));
        }
        if (call.map("trial_settings") != null) {
            subscription.set("trial_settings", subscriptions.store().json().valueToTree(call.map("trial_settings")));
        }
        if (call.string("collection_method") != null) {
            subscription.put("collection_method", call.string("collection_method"));
        }
        if (call.longValue("days_until_due") != null) {
            subscription.put("days_until_due", call.longValue("days_until_due"));
        }
        if ("send_invoice".equals(subscription.get("collection_method").asString())
                && subscription.path("days_until_due").isNull()) {
            throw StripeError.invalid("days_until_due", "`days_until_due` is required when `collection_method` is "
                    + "`send_invoice`.");
        }
        if ("charge_automatically".equals(subscription.get("collection_method").asString())) {
            subscription.putNull("days_until_due");
        }
        Map<String, Object> details = call.map("cancellation_details");
        if (details != null) {
            ObjectNode rendered = (ObjectNode) subscription.get("cancellation_details");
            if (details.containsKey("comment")) {
                StripeObjects.text(rendered, "comment", (String) details.get("comment"));
            }
            if (details.containsKey("feedback")) {
                StripeObjects.text(rendered, "feedback", (String) details.get("feedback"));
            }
        }
    }

    /** A later (or earlier) end of the trial: the current period and the anchor move with it. */
    private void extendTrial(StripeCall call, ObjectNode subscription, long trialEnd, long now) {
        if (trialEnd <= now) {
            throw StripeError.invalid("trial_end", "Invalid timestamp: must be an integer Unix timestamp in the "
                    + "future.");
        }
        ObjectNode before = subscription.deepCopy();
        subscription.put("trial_end", trialEnd);
        subscription.put("billing_cycle_anchor", trialEnd);
        subscription.remove("_trial_will_end_sent");
        SubscriptionJson.period(subscription, SubscriptionJson.periodStart(subscription), trialEnd);
        subscriptions.save(call.accountId(), subscription);
        subscriptions.publishUpdated(call, before, subscription);
    }

    ObjectStore store() {
        return subscriptions.store();
    }
}
